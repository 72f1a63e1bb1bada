/*
 * The tracer's lines: one call and its result, the values decoded as the
 * signature says (strings read without faulting, errno by name), built in
 * a struct line of bounded size and written with one write(2).
 */
#ifndef SHIM_NO_TRACE

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "trace.h"

#define STRMAX		32	/* characters of a string argument shown */

static int out_fd = 2;

/* Where lines go: SHIM_TRACE_FILE if it names a file that opens. */
void trace_open_output(void)
{
	const char *file = getenv("SHIM_TRACE_FILE");
	int fd, hi;

	if (!file || !*file)
		return;
	fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0) {
		shim_msg("SHIM_TRACE_FILE: %s: %s", file, strerror(errno));
		return;
	}
	/* Out of the way of the guest's low descriptors. */
	hi = fcntl(fd, F_DUPFD_CLOEXEC, 900);
	if (hi >= 0) {
		close(fd);
		fd = hi;
	}
	out_fd = fd;
}

/* Room for "...\n" is kept at the end. */
void trace_put(struct line *l, const char *fmt, ...)
{
	size_t room = sizeof l->buf - 4 - l->n;
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(l->buf + l->n, room, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	if ((size_t)r >= room) {
		l->n += room - 1;
		l->cut = true;
	} else {
		l->n += (size_t)r;
	}
}

/* Copy up to N bytes at P without faulting; how many could be read. */
static size_t peek(pid_t tid, const char *p, char *out, size_t n)
{
	uintptr_t a = (uintptr_t)p, next = (a | 4095) + 1;
	size_t first = next - a < n ? next - a : n;
	struct iovec local = { out, n };
	struct iovec remote[2] = { { (void *)p, first },
		{ (void *)next, n - first } };
	ssize_t got = process_vm_readv(tid, &local, 1, remote,
		n > first ? 2 : 1, 0);

	if (got >= 0)
		return (size_t)got;
	if (errno == EFAULT)
		return 0;
	memcpy(out, p, first);	/* no process_vm_readv: trust the page */
	return first;
}

static void put_str(struct line *l, pid_t tid, const char *s)
{
	char raw[STRMAX + 1];
	size_t n, i;

	if (!s) {
		trace_put(l, "NULL");
		return;
	}
	n = peek(tid, s, raw, sizeof raw);
	if (!n) {
		trace_put(l, "%p", (void *)s);
		return;
	}
	trace_put(l, "\"");
	for (i = 0; i < n && i < STRMAX && raw[i]; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '"' || c == '\\')
			trace_put(l, "\\%c", c);
		else if (c == '\n')
			trace_put(l, "\\n");
		else if (c == '\t')
			trace_put(l, "\\t");
		else if (c < 0x20 || c >= 0x7f)
			trace_put(l, "\\x%02x", c);
		else
			trace_put(l, "%c", c);
	}
	trace_put(l, i < n && raw[i] ? "\"..." : "\"");
}

/* The integer in V (ffi_arg-widened) as the type A says. */
static int64_t int_of(const struct targ *a, const void *v)
{
	uint64_t u;

	memcpy(&u, v, 8);
	if (a->kind == K_SINT) {
		unsigned sh = 64 - 8 * a->size;
		return (int64_t)(u << sh) >> sh;
	}
	return a->size < 8 ? (int64_t)(u & ((1ull << 8 * a->size) - 1)) :
		(int64_t)u;
}

/* One value; V points at it (arguments: the argument's own size). */
static void put_val(struct line *l, pid_t tid, const struct targ *a,
	const void *v, bool widened)
{
	uint64_t u = 0;

	switch (a->kind) {
	case K_DBL:	trace_put(l, "%g", *(const double *)v); return;
	case K_FLT:	trace_put(l, "%g", (double)*(const float *)v); return;
	case K_LDBL:	trace_put(l, "%Lg", *(const long double *)v); return;
	case K_STR:	put_str(l, tid, *(const char *const *)v); return;
	case K_PTR:
		if (*(void *const *)v)
			trace_put(l, "%p", *(void *const *)v);
		else
			trace_put(l, "NULL");
		return;
	default:
		break;
	}
	if (widened || a->size == 8)
		u = (uint64_t)int_of(a, v);
	else
		memcpy(&u, v, a->size);	/* little-endian */
	if (!widened && a->kind == K_SINT && a->size < 8)
		u = (uint64_t)int_of(a, &u);
	if (a->kind == K_SINT)
		trace_put(l, "%lld", (long long)u);
	else if (a->kind == K_OCT)
		trace_put(l, "%#llo", (unsigned long long)u);
	else
		trace_put(l, "%llu", (unsigned long long)u);
}

static void put_extra(struct line *l, uint64_t v, bool oct)
{
	if (oct)
		trace_put(l, ", %#llo", (unsigned long long)v);
	else if ((int64_t)v > -4096 && (int64_t)v < 65536)
		trace_put(l, ", %lld", (long long)(int64_t)v);
	else
		trace_put(l, ", %#llx", (unsigned long long)v);
}

/* The variadic arguments worth showing. */
static void put_variadic(struct line *l, const struct tent *t, void **args)
{
	uint64_t x[7] = { 0 };
	int flags = t->nfixed ? *(int *)args[t->nfixed - 1] : 0;
	unsigned n = t->nargs - t->nfixed;
	bool creat = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;

	for (unsigned i = 0; i < n && i < 7; i++)
		memcpy(&x[i], args[t->nfixed + i], 8);
	switch (t->var) {
	case V_MODE:
	case V_MODE2:
		if (creat)
			put_extra(l, x[0], true);
		if (creat && t->var == V_MODE2)
			put_extra(l, x[1], false);
		return;
	case V_FCNTL:
		if (flags != F_GETFD && flags != F_GETFL &&
		    flags != F_GETOWN && flags != F_GETSIG &&
		    flags != F_GETLEASE && flags != F_GETPIPE_SZ &&
		    flags != F_GET_SEALS)
			put_extra(l, x[0], false);
		return;
	default:
		n = t->var == V_HEX1 ? 1 : t->var == V_HEX4 ? 4 : 6;
		for (unsigned i = 0; i < n; i++)
			put_extra(l, x[i], false);
	}
}

void trace_put_call(struct line *l, pid_t tid, const struct tent *t,
	void **args)
{
	trace_put(l, "[shim-trace %d] %s(", (int)tid, lx_sym_name(t->def));
	for (unsigned i = 0; i < t->nfixed; i++) {
		if (i)
			trace_put(l, ", ");
		put_val(l, tid, &t->args[i], args[i], false);
	}
	if (t->var != V_NONE)
		put_variadic(l, t, args);
	trace_put(l, ")");
}

static void put_errno(struct line *l, int e);

/* " = VALUE", with the error decoded as ERRS says. */
void trace_put_result(struct line *l, pid_t tid, const struct tent *t,
	const void *rv, int err, bool changed)
{
	const struct targ *r = &t->ret;
	bool isint = r->kind == K_SINT || r->kind == K_UINT || r->kind == K_OCT;
	bool isptr = r->kind == K_PTR || r->kind == K_STR;
	int64_t v = isint ? int_of(r, rv) : 0;
	void *p = isptr ? *(void *const *)rv : NULL;
	bool fail = false;

	if (r->kind == K_VOID)
		return;
	trace_put(l, " = ");
	put_val(l, tid, r, rv, true);
	switch (t->def->errs) {
	case LX_ERRS_NEG1_ERRNO:
		fail = isint && v == -1;
		break;
	case LX_ERRS_NULL_ERRNO:
		fail = isptr && !p;
		break;
	case LX_ERRS_RET_ERRNO:
		if (isint && v > 0)
			put_errno(l, (int)v);
		return;
	case LX_ERRS_EOF_ERRNO:
	case LX_ERRS_OTHER:
		fail = changed && ((isint && v == -1) || (isptr && !p) ||
			(isptr && p == (void *)-1));
		break;
	default:
		break;
	}
	if (fail)
		put_errno(l, err);
}

void trace_emit(struct line *l)
{
	ssize_t r;

	if (l->cut) {
		memcpy(l->buf + l->n, "...", 3);
		l->n += 3;
	}
	l->buf[l->n++] = '\n';
	do
		r = write(out_fd, l->buf, l->n);
	while (r < 0 && errno == EINTR);
	l->n = 0;
	l->cut = false;
}

/* --- errno names ---------------------------------------------------------- */

#define E(x) [x] = #x
static const char enames[][16] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
	E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK),
	E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG),
	E(ENOLCK), E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EIDRM),
	E(ECHRNG), E(EL2NSYNC), E(EL3HLT), E(EL3RST), E(ELNRNG), E(EUNATCH),
	E(ENOCSI), E(EL2HLT), E(EBADE), E(EBADR), E(EXFULL), E(ENOANO),
	E(EBADRQC), E(EBADSLT), E(EBFONT), E(ENOSTR), E(ENODATA), E(ETIME),
	E(ENOSR), E(ENONET), E(ENOPKG), E(EREMOTE), E(ENOLINK), E(EADV),
	E(ESRMNT), E(ECOMM), E(EPROTO), E(EMULTIHOP), E(EDOTDOT),
	E(EBADMSG), E(EOVERFLOW), E(ENOTUNIQ), E(EBADFD), E(EREMCHG),
	E(ELIBACC), E(ELIBBAD), E(ELIBSCN), E(ELIBMAX), E(ELIBEXEC),
	E(EILSEQ), E(ERESTART), E(ESTRPIPE), E(EUSERS), E(ENOTSOCK),
	E(EDESTADDRREQ), E(EMSGSIZE), E(EPROTOTYPE), E(ENOPROTOOPT),
	E(EPROTONOSUPPORT), E(ESOCKTNOSUPPORT), E(EOPNOTSUPP),
	E(EPFNOSUPPORT), E(EAFNOSUPPORT), E(EADDRINUSE), E(EADDRNOTAVAIL),
	E(ENETDOWN), E(ENETUNREACH), E(ENETRESET), E(ECONNABORTED),
	E(ECONNRESET), E(ENOBUFS), E(EISCONN), E(ENOTCONN), E(ESHUTDOWN),
	E(ETOOMANYREFS), E(ETIMEDOUT), E(ECONNREFUSED), E(EHOSTDOWN),
	E(EHOSTUNREACH), E(EALREADY), E(EINPROGRESS), E(ESTALE), E(EUCLEAN),
	E(ENOTNAM), E(ENAVAIL), E(EISNAM), E(EREMOTEIO), E(EDQUOT),
	E(ENOMEDIUM), E(EMEDIUMTYPE), E(ECANCELED), E(ENOKEY),
	E(EKEYEXPIRED), E(EKEYREVOKED), E(EKEYREJECTED), E(EOWNERDEAD),
	E(ENOTRECOVERABLE), E(ERFKILL), E(EHWPOISON),
};
#undef E

/* " ENOENT (No such file or directory)" */
static void put_errno(struct line *l, int e)
{
	const char *msg = lx_gnu_errmsg(e);

	if (e > 0 && (size_t)e < sizeof enames / sizeof *enames && enames[e][0])
		trace_put(l, " %s", enames[e]);
	else
		trace_put(l, " errno %d", e);
	if (msg)
		trace_put(l, " (%s)", msg);
}

#else
typedef int trace_compiled_out;
#endif
