/*
 * glibc's printf family. A format whose conversions musl formats exactly
 * as glibc does goes to musl unchanged (lx_fmt_native); any other is
 * formatted by libshim/printf/fmt.c into a buffer, which is then written
 * out at once. glibc's snprintf also accepts sizes above INT_MAX, which
 * musl refuses with EOVERFLOW.
 * XXX: the wide family (wprintf, ...) is musl's.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "lx/printf.h"

/* The result of a formatted call: B's length, or -1. */
static int
result(int r, const struct lx_fmtbuf *b)
{
	long n = (long)b->len + b->adj;

	if (r < 0)
		return -1;
	if (n > INT_MAX || n < 0) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)n;
}

int
lx_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct lx_fmtbuf b;
	int r;

	if (lx_fmt_native(fmt))
		return vfprintf(f, fmt, ap);
	lx_fmt_init(&b);
	r = lx_fmt_format(&b, fmt, ap);
	if (b.len && fwrite(b.p, 1, b.len, f) != b.len)
		r = -1;
	r = result(r, &b);
	lx_fmt_free(&b);
	return r;
}

int
lx_vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
	struct lx_fmtbuf b;
	int r;

	if (lx_fmt_native(fmt))
		return vsnprintf(s, n > INT_MAX ? INT_MAX : n, fmt, ap);
	lx_fmt_init(&b);
	r = result(lx_fmt_format(&b, fmt, ap), &b);
	if (n > 0) {	/* on an error too, as glibc does */
		size_t k = b.len < n ? b.len : n - 1;

		memcpy(s, b.p, k);
		s[k] = 0;
	}
	lx_fmt_free(&b);
	return r;
}

int
lx_vsprintf(char *s, const char *fmt, va_list ap)
{
	return lx_vsnprintf(s, (size_t)INT_MAX + 1, fmt, ap);
}

int
lx_vasprintf(char **sp, const char *fmt, va_list ap)
{
	struct lx_fmtbuf b;
	int r;

	if (lx_fmt_native(fmt))
		return vasprintf(sp, fmt, ap);
	lx_fmt_init(&b);
	r = result(lx_fmt_format(&b, fmt, ap), &b);
	if (r >= 0) {
		*sp = malloc(b.len + 1);
		if (*sp)
			memcpy(*sp, b.p, b.len + 1);
		else
			r = -1;
	}
	lx_fmt_free(&b);
	return r;
}

int
lx_vdprintf(int fd, const char *fmt, va_list ap)
{
	struct lx_fmtbuf b;
	size_t off = 0;
	int r;

	if (lx_fmt_native(fmt))
		return vdprintf(fd, fmt, ap);
	lx_fmt_init(&b);
	r = lx_fmt_format(&b, fmt, ap);
	while (off < b.len) {
		ssize_t w = write(fd, b.p + off, b.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			r = -1;
			break;
		}
		off += w;
	}
	r = result(r, &b);
	lx_fmt_free(&b);
	return r;
}

int
lx_vprintf(const char *fmt, va_list ap)
{
	return lx_vfprintf(stdout, fmt, ap);
}

#define VARIADIC(call) do {		\
	va_list ap;			\
	int r;				\
					\
	va_start(ap, fmt);		\
	r = call;			\
	va_end(ap);			\
	return r;			\
} while (0)

int
lx_printf(const char *fmt, ...)
{
	VARIADIC(lx_vfprintf(stdout, fmt, ap));
}

int
lx_fprintf(FILE *f, const char *fmt, ...)
{
	VARIADIC(lx_vfprintf(f, fmt, ap));
}

int
lx_sprintf(char *s, const char *fmt, ...)
{
	VARIADIC(lx_vsprintf(s, fmt, ap));
}

int
lx_snprintf(char *s, size_t n, const char *fmt, ...)
{
	VARIADIC(lx_vsnprintf(s, n, fmt, ap));
}

int
lx_asprintf(char **sp, const char *fmt, ...)
{
	VARIADIC(lx_vasprintf(sp, fmt, ap));
}

int
lx_dprintf(int fd, const char *fmt, ...)
{
	VARIADIC(lx_vdprintf(fd, fmt, ap));
}

/* syslog's "%m" is glibc's text too: the message is formatted here. */
void
lx_vsyslog(int pri, const char *fmt, va_list ap)
{
	char *msg;

	if (lx_fmt_native(fmt)) {
		vsyslog(pri, fmt, ap);
		return;
	}
	if (lx_vasprintf(&msg, fmt, ap) < 0)
		return;
	syslog(pri, "%s", msg);
	free(msg);
}

void
lx_syslog(int pri, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lx_vsyslog(pri, fmt, ap);
	va_end(ap);
}
