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

#include "fortify-int.h"
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

CHK_PRINTF(sprintf, vsprintf, char, (char *s, int flag, size_t slen),
    (s, flag, slen))

int
lx___vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
    const char *fmt, va_list ap)
{
	(void)flag;
	if (maxlen > slen)
		lx___chk_fail();
	return lx_vsnprintf(s, maxlen, fmt, ap);
}

CHK_PRINTF(snprintf, vsnprintf, char,
    (char *s, size_t maxlen, int flag, size_t slen), (s, maxlen, flag, slen))
CHK_VPRINTF(vfprintf, lx_vfprintf, char, (FILE *fp, int flag), (fp))
CHK_PRINTF(fprintf, vfprintf, char, (FILE *fp, int flag), (fp, flag))
CHK_VPRINTF(vprintf, lx___vfprintf_chk, char, (int flag), (stdout, flag))
CHK_PRINTF(printf, vfprintf, char, (int flag), (stdout, flag))
CHK_VPRINTF(vdprintf, lx_vdprintf, char, (int fd, int flag), (fd))
CHK_PRINTF(dprintf, vdprintf, char, (int fd, int flag), (fd, flag))
CHK_VPRINTF(vasprintf, lx_vasprintf, char, (char **sp, int flag), (sp))
CHK_PRINTF(asprintf, vasprintf, char, (char **sp, int flag), (sp, flag))
CHK_VPRINTF(obstack_vprintf, lx_obstack_vprintf, char,
    (struct lx_obstack *ob, int flag), (ob))
CHK_PRINTF(obstack_printf, obstack_vprintf, char,
    (struct lx_obstack *ob, int flag), (ob, flag))

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
