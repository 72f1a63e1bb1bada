/*
 * glibc's _FORTIFY_SOURCE entry points for wide characters: wmem*, wcs*,
 * the wprintf family and the multibyte conversions.  Sizes passed by the
 * compiler count wchar_t elements for the wide buffers and bytes for the
 * multibyte ones, as in glibc.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fortify-int.h"
#include "shim/gnu.h"

CHK_BOUNDED(wchar_t *, wmemcpy, (wchar_t *d, const wchar_t *s, size_t n),
    (d, s, n))
CHK_BOUNDED(wchar_t *, wmemmove, (wchar_t *d, const wchar_t *s, size_t n),
    (d, s, n))
CHK_BOUNDED(wchar_t *, wmemset, (wchar_t *d, wchar_t c, size_t n), (d, c, n))
CHK_BOUNDED(wchar_t *, wcsncpy, (wchar_t *d, const wchar_t *s, size_t n),
    (d, s, n))
CHK_BOUNDED(wchar_t *, wcpncpy, (wchar_t *d, const wchar_t *s, size_t n),
    (d, s, n))

wchar_t *
lx___wmempcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wmemcpy(d, s, n) + n;
}

CHK_STRCPY(wchar_t, wcscpy, wcpcpy, wcslen, wmemcpy)
CHK_STRCAT(wchar_t, wcscat, wcsncat, wcslen, wcsnlen, wmemcpy)

/* glibc 2.38 */
size_t
lx___wcslcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	size_t sl = wcslen(s);

	CHECK(n <= dlen);
	if (n > 0) {
		size_t k = sl < n - 1 ? sl : n - 1;

		wmemcpy(d, s, k);
		d[k] = L'\0';
	}
	return sl;
}

size_t
lx___wcslcat_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	size_t dl;

	CHECK(n <= dlen);
	dl = wcsnlen(d, n);
	if (dl == n)
		return n + wcslen(s);
	return dl + lx___wcslcpy_chk(d + dl, s, n - dl, n - dl);
}

size_t
lx___wcrtomb_chk(char *s, wchar_t wc, mbstate_t *ps, size_t buflen)
{
	CHECK(buflen >= MB_CUR_MAX);
	return wcrtomb(s, wc, ps);
}

int
lx___wctomb_chk(char *s, wchar_t wc, size_t buflen)
{
	CHECK(buflen >= MB_CUR_MAX);
	return wctomb(s, wc);
}

CHK_BOUNDED(size_t, mbstowcs, (wchar_t *d, const char *s, size_t n), (d, s, n))
CHK_BOUNDED(size_t, wcstombs, (char *d, const wchar_t *s, size_t n), (d, s, n))
CHK_BOUNDED(size_t, mbsrtowcs,
    (wchar_t *d, const char **s, size_t n, mbstate_t *ps), (d, s, n, ps))
CHK_BOUNDED(size_t, mbsnrtowcs,
    (wchar_t *d, const char **s, size_t nms, size_t n, mbstate_t *ps),
    (d, s, nms, n, ps))
CHK_BOUNDED(size_t, wcsrtombs,
    (char *d, const wchar_t **s, size_t n, mbstate_t *ps), (d, s, n, ps))
CHK_BOUNDED(size_t, wcsnrtombs,
    (char *d, const wchar_t **s, size_t nwc, size_t n, mbstate_t *ps),
    (d, s, nwc, n, ps))

int
lx___vswprintf_chk(wchar_t *s, size_t n, int flag, size_t slen,
    const wchar_t *fmt, va_list ap)
{
	(void)flag;
	CHECK(n <= slen);
	return vswprintf(s, n, fmt, ap);
}

CHK_PRINTF(swprintf, vswprintf, wchar_t,
    (wchar_t *s, size_t n, int flag, size_t slen), (s, n, flag, slen))
CHK_VPRINTF(vfwprintf, vfwprintf, wchar_t, (FILE *fp, int flag), (fp))
CHK_PRINTF(fwprintf, vfwprintf, wchar_t, (FILE *fp, int flag), (fp, flag))
CHK_VPRINTF(vwprintf, lx___vfwprintf_chk, wchar_t, (int flag), (stdout, flag))
CHK_PRINTF(wprintf, vfwprintf, wchar_t, (int flag), (stdout, flag))

CHK_GETS(wchar_t, wint_t, WEOF, L'\n', wcslen)

wchar_t *
lx___fgetws_chk(wchar_t *buf, size_t size, int n, FILE *fp)
{
	return gets_checked(buf, size, n, fp, fgetws, fgetwc);
}

wchar_t *
lx___fgetws_unlocked_chk(wchar_t *buf, size_t size, int n, FILE *fp)
{
	return gets_checked(buf, size, n, fp, fgetws_unlocked,
	    fgetwc_unlocked);
}
