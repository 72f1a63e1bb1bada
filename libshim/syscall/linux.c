/*
 * glibc wrappers of Linux system calls that musl lacks or wraps with other
 * semantics: close_range, statx, renameat2, preadv2/pwritev2 and fcntl
 * (whose argument type depends on the command).  All return -1 and set
 * errno on failure, as glibc's do. The path arguments of statx and
 * renameat2 go through the reroot like every other path.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shim/libshim.h"
#include "shim/gnu.h"
#include "shim/reroot.h"

int
lx_close_range(unsigned int first, unsigned int last, int flags)
{
	return (int)syscall(SYS_close_range, first, last, flags);
}

/* struct statx is the kernel's; glibc passes it through untouched. */
struct statx;
int
lx_statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *buf)
{
	char rb[PATH_MAX];

	path = LX_REROOT(path, rb, !(flags & AT_SYMLINK_NOFOLLOW));
	return (int)syscall(SYS_statx, dirfd, path, flags, mask, buf);
}

int
lx_renameat2(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, unsigned int flags)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	oldpath = LX_REROOT(oldpath, ra, 0);
	newpath = LX_REROOT(newpath, rb, 0);
	return (int)syscall(SYS_renameat2, olddirfd, oldpath, newdirfd,
	    newpath, flags);
}

/* The kernel takes the offset as two longs, low then high (0 on 64-bit). */
ssize_t
lx_preadv2(int fd, const struct iovec *iov, int cnt, off_t off, int flags)
{
	return syscall(SYS_preadv2, fd, iov, cnt, (long)off, 0L, flags);
}

ssize_t
lx_pwritev2(int fd, const struct iovec *iov, int cnt, off_t off, int flags)
{
	return syscall(SYS_pwritev2, fd, iov, cnt, (long)off, 0L, flags);
}

ssize_t
lx_preadv64v2(int fd, const struct iovec *iov, int cnt, off_t off,
    int flags)
{
	return lx_preadv2(fd, iov, cnt, off, flags);
}

ssize_t
lx_pwritev64v2(int fd, const struct iovec *iov, int cnt, off_t off,
    int flags)
{
	return lx_pwritev2(fd, iov, cnt, off, flags);
}

enum argtype { ARG_NONE, ARG_INT, ARG_PTR };

static enum argtype
fcntl_argtype(int cmd)
{
	switch (cmd) {
	case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG:
	case F_GETLEASE: case F_GETPIPE_SZ: case F_GET_SEALS:
		return ARG_NONE;
	case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETFD: case F_SETFL:
	case F_SETOWN: case F_SETSIG: case F_SETLEASE: case F_NOTIFY:
	case F_SETPIPE_SZ: case F_ADD_SEALS:
		return ARG_INT;
	default:
		/* F_GETLK, F_SETLK(W), F_OFD_*, F_[GS]ETOWN_EX,
		 * F_GETOWNER_UIDS, F_*_RW_HINT and unknown commands: a
		 * pointer, as glibc passes it. */
		return ARG_PTR;
	}
}

/* F_GETOWN through F_GETOWN_EX: a process group comes back negative
 * without looking like an error. */
static int
getown(int fd)
{
	struct f_owner_ex ex;

	if (syscall(SYS_fcntl, fd, F_GETOWN_EX, &ex) < 0)
		return (int)syscall(SYS_fcntl, fd, F_GETOWN);
	return ex.type == F_OWNER_PGRP ? -ex.pid : ex.pid;
}

static unsigned long
fcntl_arg(int cmd, va_list ap)
{
	switch (fcntl_argtype(cmd)) {
	case ARG_INT:
		return (unsigned long)(long)va_arg(ap, int);
	case ARG_PTR:
		return (unsigned long)va_arg(ap, void *);
	default:
		return 0;
	}
}

static int
do_fcntl(int fd, int cmd, unsigned long arg)
{
	if (cmd == F_GETOWN)
		return getown(fd);
	return (int)syscall(SYS_fcntl, fd, cmd, arg);
}

int
lx_fcntl64(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;

	va_start(ap, cmd);
	arg = fcntl_arg(cmd, ap);
	va_end(ap);
	return do_fcntl(fd, cmd, arg);
}

/* x86-64: struct flock is already 64-bit; fcntl is fcntl64. */
int lx_fcntl(int fd, int cmd, ...) __attribute__((alias("lx_fcntl64")));

/* The raw syscall: struct linux_dirent64 is glibc's struct dirent64. */
ssize_t lx_getdents64(int fd, void *buf, size_t len)
{
	return syscall(SYS_getdents64, fd, buf, len);
}

/* The new mount API's calls without a path (glibc 2.36 wrappers). */
int lx_fsopen(const char *fsname, unsigned flags)
{
	return syscall(SYS_fsopen, fsname, flags);
}

int lx_fsconfig(int fd, unsigned cmd, const char *key, const void *value,
	int aux)
{
	return syscall(SYS_fsconfig, fd, cmd, key, value, aux);
}
