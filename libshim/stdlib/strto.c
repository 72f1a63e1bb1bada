/*
 * Number parsing with glibc's errno contract: glibc sets errno only for
 * ERANGE and an invalid base, never because nothing was converted; musl
 * also sets EINVAL when there are no digits (POSIX allows both). A program
 * that clears errno, parses an empty or non-numeric string and then tests
 * errno (coreutils' printf does) must see glibc's answer. The locale_t
 * variants parse as the C locale, which is what musl's numeric locale is.
 * The floating-point parsers then say what glibc's say beyond the value:
 * ERANGE on underflow and overflow, the sign and payload of a NaN
 * (strto-float.c).
 */
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

#include "lx/locale.h"
#include "shim/strto.h"

/* After a host call that converted nothing: undo musl's no-digits EINVAL. */
#define KEEP_ERRNO(s, e, saved, bad_base) do { \
	if ((e) == (s) && errno == EINVAL && !(bad_base)) \
		errno = (saved); \
} while (0)

#define BAD_BASE(b) ((b) < 0 || (b) == 1 || (b) > 36)

#define INT_PARSER(name, C, type, host) \
type name(const C *s, C **end, int base) \
{ \
	int saved = errno; \
	C *e; \
	type v = host(s, &e, base); \
	KEEP_ERRNO(s, e, saved, BAD_BASE(base)); \
	if (end) \
		*end = e; \
	return v; \
} \
type name##_l(const C *s, C **end, int base, struct lx_locale *loc) \
{ \
	(void)loc; \
	return name(s, end, base); \
}

#define FLOAT_PARSER(name, C, type, host, fix, min) \
type name(const C *s, C **end) \
{ \
	int saved = errno; \
	C *e; \
	type v = host(s, &e); \
	KEEP_ERRNO(s, e, saved, 0); \
	/* What the value alone does not settle: the smallest normal number \
	 * (a tiny value may have been rounded up to it), below, and beyond. */ \
	if (!(__builtin_isfinite(v) && (v > (min) || v < -(min)))) \
		fix(s, e, &v, saved); \
	if (end) \
		*end = e; \
	return v; \
} \
type name##_l(const C *s, C **end, struct lx_locale *loc) \
{ \
	(void)loc; \
	return name(s, end); \
}

/* Each type's char and wchar_t parsers, over the host's STR and WCS. */
#define INT_PARSERS(type, str, wcs) \
	INT_PARSER(lx_##str, char, type, str) \
	INT_PARSER(lx_##wcs, wchar_t, type, wcs)
#define FLOAT_PARSERS(type, str, wcs, sfx, min) \
	FLOAT_PARSER(lx_##str, char, type, str, shim_strto_fixup_##sfx, min) \
	FLOAT_PARSER(lx_##wcs, wchar_t, type, wcs, shim_wcsto_fixup_##sfx, min)

INT_PARSERS(long, strtol, wcstol)
INT_PARSERS(long long, strtoll, wcstoll)
INT_PARSERS(unsigned long, strtoul, wcstoul)
INT_PARSERS(unsigned long long, strtoull, wcstoull)
INT_PARSERS(intmax_t, strtoimax, wcstoimax)
INT_PARSERS(uintmax_t, strtoumax, wcstoumax)
/*
 * strtod's common case without the host's general algorithm: a decimal
 * of at most 19 significant digits whose value M * 10^E has M below 2^53
 * and |E| at most 22. Both are exact doubles, so one multiplication or
 * division rounds the result correctly, in the current rounding mode
 * (Clinger's fast path). Anything else (more digits, a larger exponent,
 * hex, inf, nan, no digits) is the host's.
 */
static double strtod_fast(const char *s, char **end)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
		1e19, 1e20, 1e21, 1e22 };
	const char *p = s;
	uint64_t m = 0;
	int n = 0, frac = 0, any = 0, neg = 0;
	long e = 0;
	double v;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] | 32) == 'x')
		return strtod(s, end);
	for (; *p >= '0' && *p <= '9'; p++, any = 1)
		if (m || *p != '0') {
			if (++n > 19)
				return strtod(s, end);
			m = m * 10 + (uint64_t)(*p - '0');
		}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, any = 1) {
			frac++;
			if (m || *p != '0') {
				if (++n > 19)
					return strtod(s, end);
				m = m * 10 + (uint64_t)(*p - '0');
			}
		}
	if (!any || m > (1ULL << 53))
		return strtod(s, end);
	if ((*p | 32) == 'e') {
		const char *q = p + 1;
		int eneg = 0;
		long x = 0;

		if (*q == '+' || *q == '-')
			eneg = *q++ == '-';
		if (*q >= '0' && *q <= '9') {
			for (; *q >= '0' && *q <= '9'; q++)
				if ((x = x * 10 + (*q - '0')) > 100000)
					return strtod(s, end);
			e = eneg ? -x : x;
			p = q;
		}
	}
	e -= frac;
	if (e < -22 || e > 22)
		return strtod(s, end);
	v = (double)m;
	v = e < 0 ? v / p10[-e] : v * p10[e];
	if (end)
		*end = (char *)p;
	return neg ? -v : v;
}

FLOAT_PARSER(lx_strtod, char, double, strtod_fast, shim_strto_fixup_d,
	DBL_MIN)
FLOAT_PARSER(lx_wcstod, wchar_t, double, wcstod, shim_wcsto_fixup_d, DBL_MIN)
FLOAT_PARSERS(float, strtof, wcstof, f, FLT_MIN)
FLOAT_PARSERS(long double, strtold, wcstold, ld, LDBL_MIN)

/* The pre-C99 entry points of glibc's own <stdlib.h> and <wchar.h>
 * inlines; GROUP (thousands grouping) is never set by those inlines. */
#define INT_INTERNAL(type, name) \
type lx___##name##_internal(const char *s, char **end, int base, int group) \
{ \
	(void)group; \
	return lx_##name(s, end, base); \
}
#define WINT_INTERNAL(type, name) \
type lx___##name##_internal(const wchar_t *s, wchar_t **end, int base, \
	int group) \
{ \
	(void)group; \
	return lx_##name(s, end, base); \
}
#define FLOAT_INTERNAL(type, name, C) \
type lx___##name##_internal(const C *s, C **end, int group) \
{ \
	(void)group; \
	return lx_##name(s, end); \
}

INT_INTERNAL(long, strtol)
INT_INTERNAL(long long, strtoll)
INT_INTERNAL(unsigned long, strtoul)
INT_INTERNAL(unsigned long long, strtoull)
WINT_INTERNAL(long, wcstol)
WINT_INTERNAL(long long, wcstoll)
WINT_INTERNAL(unsigned long, wcstoul)
WINT_INTERNAL(unsigned long long, wcstoull)
FLOAT_INTERNAL(double, strtod, char)
FLOAT_INTERNAL(float, strtof, char)
FLOAT_INTERNAL(long double, strtold, char)
FLOAT_INTERNAL(double, wcstod, wchar_t)
FLOAT_INTERNAL(float, wcstof, wchar_t)
FLOAT_INTERNAL(long double, wcstold, wchar_t)
