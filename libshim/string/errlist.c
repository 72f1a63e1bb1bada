/*
 * glibc's error message texts and errno names, indexed by Linux errno (the
 * same numbers as the host's on linux-musl).  musl words 75 of the texts
 * differently ("I/O error" for "Input/output error"); guests and their
 * test suites compare these strings, so strerror_r, error() and friends
 * answer with these.
 * The texts are glibc 2.36's strerrordesc_np() output; the names
 * (strerrorname_np, printf's "%#m") are the first name the kernel headers
 * give each number.
 */
#include <errno.h>
#include <stddef.h>

#include "shim/gnu.h"

/* [e] = { "e", msg }: each errno's name is the constant's own. */
#define ERR(e, msg)	[e] = { #e, msg }

static const struct {
	const char *name, *msg;
} errs[] = {
	ERR(0, "Success"),
	ERR(EPERM, "Operation not permitted"),
	ERR(ENOENT, "No such file or directory"),
	ERR(ESRCH, "No such process"),
	ERR(EINTR, "Interrupted system call"),
	ERR(EIO, "Input/output error"),
	ERR(ENXIO, "No such device or address"),
	ERR(E2BIG, "Argument list too long"),
	ERR(ENOEXEC, "Exec format error"),
	ERR(EBADF, "Bad file descriptor"),
	ERR(ECHILD, "No child processes"),
	ERR(EAGAIN, "Resource temporarily unavailable"),
	ERR(ENOMEM, "Cannot allocate memory"),
	ERR(EACCES, "Permission denied"),
	ERR(EFAULT, "Bad address"),
	ERR(ENOTBLK, "Block device required"),
	ERR(EBUSY, "Device or resource busy"),
	ERR(EEXIST, "File exists"),
	ERR(EXDEV, "Invalid cross-device link"),
	ERR(ENODEV, "No such device"),
	ERR(ENOTDIR, "Not a directory"),
	ERR(EISDIR, "Is a directory"),
	ERR(EINVAL, "Invalid argument"),
	ERR(ENFILE, "Too many open files in system"),
	ERR(EMFILE, "Too many open files"),
	ERR(ENOTTY, "Inappropriate ioctl for device"),
	ERR(ETXTBSY, "Text file busy"),
	ERR(EFBIG, "File too large"),
	ERR(ENOSPC, "No space left on device"),
	ERR(ESPIPE, "Illegal seek"),
	ERR(EROFS, "Read-only file system"),
	ERR(EMLINK, "Too many links"),
	ERR(EPIPE, "Broken pipe"),
	ERR(EDOM, "Numerical argument out of domain"),
	ERR(ERANGE, "Numerical result out of range"),
	ERR(EDEADLK, "Resource deadlock avoided"),
	ERR(ENAMETOOLONG, "File name too long"),
	ERR(ENOLCK, "No locks available"),
	ERR(ENOSYS, "Function not implemented"),
	ERR(ENOTEMPTY, "Directory not empty"),
	ERR(ELOOP, "Too many levels of symbolic links"),
	ERR(ENOMSG, "No message of desired type"),
	ERR(EIDRM, "Identifier removed"),
	ERR(ECHRNG, "Channel number out of range"),
	ERR(EL2NSYNC, "Level 2 not synchronized"),
	ERR(EL3HLT, "Level 3 halted"),
	ERR(EL3RST, "Level 3 reset"),
	ERR(ELNRNG, "Link number out of range"),
	ERR(EUNATCH, "Protocol driver not attached"),
	ERR(ENOCSI, "No CSI structure available"),
	ERR(EL2HLT, "Level 2 halted"),
	ERR(EBADE, "Invalid exchange"),
	ERR(EBADR, "Invalid request descriptor"),
	ERR(EXFULL, "Exchange full"),
	ERR(ENOANO, "No anode"),
	ERR(EBADRQC, "Invalid request code"),
	ERR(EBADSLT, "Invalid slot"),
	ERR(EBFONT, "Bad font file format"),
	ERR(ENOSTR, "Device not a stream"),
	ERR(ENODATA, "No data available"),
	ERR(ETIME, "Timer expired"),
	ERR(ENOSR, "Out of streams resources"),
	ERR(ENONET, "Machine is not on the network"),
	ERR(ENOPKG, "Package not installed"),
	ERR(EREMOTE, "Object is remote"),
	ERR(ENOLINK, "Link has been severed"),
	ERR(EADV, "Advertise error"),
	ERR(ESRMNT, "Srmount error"),
	ERR(ECOMM, "Communication error on send"),
	ERR(EPROTO, "Protocol error"),
	ERR(EMULTIHOP, "Multihop attempted"),
	ERR(EDOTDOT, "RFS specific error"),
	ERR(EBADMSG, "Bad message"),
	ERR(EOVERFLOW, "Value too large for defined data type"),
	ERR(ENOTUNIQ, "Name not unique on network"),
	ERR(EBADFD, "File descriptor in bad state"),
	ERR(EREMCHG, "Remote address changed"),
	ERR(ELIBACC, "Can not access a needed shared library"),
	ERR(ELIBBAD, "Accessing a corrupted shared library"),
	ERR(ELIBSCN, ".lib section in a.out corrupted"),
	ERR(ELIBMAX, "Attempting to link in too many shared libraries"),
	ERR(ELIBEXEC, "Cannot exec a shared library directly"),
	ERR(EILSEQ, "Invalid or incomplete multibyte or wide character"),
	ERR(ERESTART, "Interrupted system call should be restarted"),
	ERR(ESTRPIPE, "Streams pipe error"),
	ERR(EUSERS, "Too many users"),
	ERR(ENOTSOCK, "Socket operation on non-socket"),
	ERR(EDESTADDRREQ, "Destination address required"),
	ERR(EMSGSIZE, "Message too long"),
	ERR(EPROTOTYPE, "Protocol wrong type for socket"),
	ERR(ENOPROTOOPT, "Protocol not available"),
	ERR(EPROTONOSUPPORT, "Protocol not supported"),
	ERR(ESOCKTNOSUPPORT, "Socket type not supported"),
	ERR(EOPNOTSUPP, "Operation not supported"),
	ERR(EPFNOSUPPORT, "Protocol family not supported"),
	ERR(EAFNOSUPPORT, "Address family not supported by protocol"),
	ERR(EADDRINUSE, "Address already in use"),
	ERR(EADDRNOTAVAIL, "Cannot assign requested address"),
	ERR(ENETDOWN, "Network is down"),
	ERR(ENETUNREACH, "Network is unreachable"),
	ERR(ENETRESET, "Network dropped connection on reset"),
	ERR(ECONNABORTED, "Software caused connection abort"),
	ERR(ECONNRESET, "Connection reset by peer"),
	ERR(ENOBUFS, "No buffer space available"),
	ERR(EISCONN, "Transport endpoint is already connected"),
	ERR(ENOTCONN, "Transport endpoint is not connected"),
	ERR(ESHUTDOWN, "Cannot send after transport endpoint shutdown"),
	ERR(ETOOMANYREFS, "Too many references: cannot splice"),
	ERR(ETIMEDOUT, "Connection timed out"),
	ERR(ECONNREFUSED, "Connection refused"),
	ERR(EHOSTDOWN, "Host is down"),
	ERR(EHOSTUNREACH, "No route to host"),
	ERR(EALREADY, "Operation already in progress"),
	ERR(EINPROGRESS, "Operation now in progress"),
	ERR(ESTALE, "Stale file handle"),
	ERR(EUCLEAN, "Structure needs cleaning"),
	ERR(ENOTNAM, "Not a XENIX named type file"),
	ERR(ENAVAIL, "No XENIX semaphores available"),
	ERR(EISNAM, "Is a named type file"),
	ERR(EREMOTEIO, "Remote I/O error"),
	ERR(EDQUOT, "Disk quota exceeded"),
	ERR(ENOMEDIUM, "No medium found"),
	ERR(EMEDIUMTYPE, "Wrong medium type"),
	ERR(ECANCELED, "Operation canceled"),
	ERR(ENOKEY, "Required key not available"),
	ERR(EKEYEXPIRED, "Key has expired"),
	ERR(EKEYREVOKED, "Key has been revoked"),
	ERR(EKEYREJECTED, "Key was rejected by service"),
	ERR(EOWNERDEAD, "Owner died"),
	ERR(ENOTRECOVERABLE, "State not recoverable"),
	ERR(ERFKILL, "Operation not possible due to RF-kill"),
	ERR(EHWPOISON, "Memory page has hardware error"),
};

static int
known(int errnum)
{
	return errnum >= 0 && (size_t)errnum < sizeof errs / sizeof errs[0];
}

const char *
lx_gnu_errmsg(int errnum)
{
	return known(errnum) ? errs[errnum].msg : NULL;
}

const char *
lx_gnu_errname(int errnum)
{
	return known(errnum) ? errs[errnum].name : NULL;
}

const char *
lx_strerrorname_np(int errnum)
{
	return lx_gnu_errname(errnum);
}

const char *
lx_strerrordesc_np(int errnum)
{
	return lx_gnu_errmsg(errnum);
}
