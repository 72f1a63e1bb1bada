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

#include "shim/gnu.h"

#define CHECK(cond)	do { if (__builtin_expect(!(cond), 0)) \
				lx___chk_fail(); } while (0)

wchar_t *
lx___wmemcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wmemcpy(d, s, n);
}

wchar_t *
lx___wmemmove_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wmemmove(d, s, n);
}

wchar_t *
lx___wmempcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wmemcpy(d, s, n) + n;
}

wchar_t *
lx___wmemset_chk(wchar_t *d, wchar_t c, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wmemset(d, c, n);
}

wchar_t *
lx___wcscpy_chk(wchar_t *d, const wchar_t *s, size_t dlen)
{
	size_t n = wcslen(s);

	CHECK(n < dlen);
	return wmemcpy(d, s, n + 1);
}

wchar_t *
lx___wcpcpy_chk(wchar_t *d, const wchar_t *s, size_t dlen)
{
	return lx___wcscpy_chk(d, s, dlen) + wcslen(s);
}

wchar_t *
lx___wcsncpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wcsncpy(d, s, n);
}

wchar_t *
lx___wcpncpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wcpncpy(d, s, n);
}

wchar_t *
lx___wcscat_chk(wchar_t *d, const wchar_t *s, size_t dlen)
{
	size_t dl = wcsnlen(d, dlen), sl;

	CHECK(dl < dlen);
	sl = wcslen(s);
	CHECK(sl < dlen - dl);
	wmemcpy(d + dl, s, sl + 1);
	return d;
}

wchar_t *
lx___wcsncat_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dlen)
{
	size_t dl = wcsnlen(d, dlen), sl;

	CHECK(dl < dlen);
	sl = wcsnlen(s, n);
	CHECK(sl < dlen - dl);
	wmemcpy(d + dl, s, sl);
	d[dl + sl] = L'\0';
	return d;
}

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

size_t
lx___mbstowcs_chk(wchar_t *d, const char *s, size_t len, size_t dlen)
{
	CHECK(len <= dlen);
	return mbstowcs(d, s, len);
}

size_t
lx___wcstombs_chk(char *d, const wchar_t *s, size_t len, size_t dlen)
{
	CHECK(len <= dlen);
	return wcstombs(d, s, len);
}

size_t
lx___mbsrtowcs_chk(wchar_t *d, const char **s, size_t len, mbstate_t *ps,
    size_t dlen)
{
	CHECK(len <= dlen);
	return mbsrtowcs(d, s, len, ps);
}

size_t
lx___mbsnrtowcs_chk(wchar_t *d, const char **s, size_t nms, size_t len,
    mbstate_t *ps, size_t dlen)
{
	CHECK(len <= dlen);
	return mbsnrtowcs(d, s, nms, len, ps);
}

size_t
lx___wcsrtombs_chk(char *d, const wchar_t **s, size_t len, mbstate_t *ps,
    size_t dlen)
{
	CHECK(len <= dlen);
	return wcsrtombs(d, s, len, ps);
}

size_t
lx___wcsnrtombs_chk(char *d, const wchar_t **s, size_t nwc, size_t len,
    mbstate_t *ps, size_t dlen)
{
	CHECK(len <= dlen);
	return wcsnrtombs(d, s, nwc, len, ps);
}

int
lx___vswprintf_chk(wchar_t *s, size_t n, int flag, size_t slen,
    const wchar_t *fmt, va_list ap)
{
	(void)flag;
	CHECK(n <= slen);
	return vswprintf(s, n, fmt, ap);
}

int
lx___swprintf_chk(wchar_t *s, size_t n, int flag, size_t slen,
    const wchar_t *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vswprintf_chk(s, n, flag, slen, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vfwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, va_list ap)
{
	(void)flag;
	return vfwprintf(fp, fmt, ap);
}

int
lx___fwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vfwprintf_chk(fp, flag, fmt, ap);
	va_end(ap);
	return r;
}

int
lx___vwprintf_chk(int flag, const wchar_t *fmt, va_list ap)
{
	return lx___vfwprintf_chk(stdout, flag, fmt, ap);
}

int
lx___wprintf_chk(int flag, const wchar_t *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = lx___vfwprintf_chk(stdout, flag, fmt, ap);
	va_end(ap);
	return r;
}

/*
 * glibc reads up to N - 1 characters and fails only when that actually
 * passes the end of BUF (SIZE elements): read SIZE - 1, and if the line
 * goes on, that is the overflow.
 */
static wchar_t *
fgetws_checked(wchar_t *buf, size_t size, int n, FILE *fp,
    wchar_t *(*get)(wchar_t *, int, FILE *), wint_t (*getc1)(FILE *))
{
	size_t len;

	if (n <= 0 || (size_t)n <= size)
		return get(buf, n, fp);
	CHECK(size > 0);
	if (get(buf, size > INT_MAX ? INT_MAX : (int)size, fp) == NULL)
		return NULL;
	len = wcslen(buf);
	if (len == size - 1 && (len == 0 || buf[len - 1] != L'\n') &&
	    getc1(fp) != WEOF)
		lx___chk_fail();
	return buf;
}

wchar_t *
lx___fgetws_chk(wchar_t *buf, size_t size, int n, FILE *fp)
{
	return fgetws_checked(buf, size, n, fp, fgetws, fgetwc);
}

wchar_t *
lx___fgetws_unlocked_chk(wchar_t *buf, size_t size, int n, FILE *fp)
{
	return fgetws_checked(buf, size, n, fp, fgetws_unlocked,
	    fgetwc_unlocked);
}
