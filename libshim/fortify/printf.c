/*
 * glibc's _FORTIFY_SOURCE printf family: __printf_chk, __sprintf_chk,
 * __snprintf_chk, __asprintf_chk, __syslog_chk, __obstack_printf_chk and
 * their va_list forms.  FLAG is the fortify level; the size checks are
 * glibc's.  XXX: glibc also refuses "%n" in a writable format string when
 * FLAG > 0; not done here. Formatting is glibc's printf (libshim/printf/printf.c).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include "shim/gnu.h"
#include "lx/obstack.h"
#include "lx/printf.h"

int
lx___vsprintf_chk(char *s, int flag, size_t slen, const char *fmt,
    va_list ap)
{
	int r;

	(void)flag;
	if (slen == 0)
		lx___chk_fail();
	r = lx_vsnprintf(s, slen, fmt, ap);
	if (r >= 0 && (size_t)r >= slen)
		lx___chk_fail();
	return r;
}

int
lx___sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vsprintf_chk(s, flag, slen, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
    const char *fmt, va_list ap)
{
	(void)flag;
	if (maxlen > slen)
		lx___chk_fail();
	return lx_vsnprintf(s, maxlen, fmt, ap);
}

int
lx___snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
    const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return lx_vfprintf(fp, fmt, ap);
}

int
lx___fprintf_chk(FILE *fp, int flag, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vfprintf_chk(fp, flag, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vprintf_chk(int flag, const char *fmt, va_list ap)
{
	return lx___vfprintf_chk(stdout, flag, fmt, ap);
}

int
lx___printf_chk(int flag, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vfprintf_chk(stdout, flag, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vdprintf_chk(int fd, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return lx_vdprintf(fd, fmt, ap);
}

int
lx___dprintf_chk(int fd, int flag, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vdprintf_chk(fd, flag, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vasprintf_chk(char **sp, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return lx_vasprintf(sp, fmt, ap);
}

int
lx___asprintf_chk(char **sp, int flag, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vasprintf_chk(sp, flag, fmt, ap);
	va_end(ap);
	return r;
}

void
lx___vsyslog_chk(int pri, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	lx_vsyslog(pri, fmt, ap);
}

void
lx___syslog_chk(int pri, int flag, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lx___vsyslog_chk(pri, flag, fmt, ap);
	va_end(ap);
}

int
lx___obstack_vprintf_chk(struct lx_obstack *ob, int flag, const char *fmt,
    va_list ap)
{
	(void)flag;
	return lx_obstack_vprintf(ob, fmt, ap);
}

int
lx___obstack_printf_chk(struct lx_obstack *ob, int flag, const char *fmt,
    ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___obstack_vprintf_chk(ob, flag, fmt, ap);
	va_end(ap);
	return r;
}
