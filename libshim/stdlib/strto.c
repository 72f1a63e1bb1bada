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

#define FLOAT_PARSER(name, C, type, host, fix) \
type name(const C *s, C **end) \
{ \
	int saved = errno; \
	C *e; \
	type v = host(s, &e); \
	KEEP_ERRNO(s, e, saved, 0); \
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
#define FLOAT_PARSERS(type, str, wcs, sfx) \
	FLOAT_PARSER(lx_##str, char, type, str, shim_strto_fixup_##sfx) \
	FLOAT_PARSER(lx_##wcs, wchar_t, type, wcs, shim_wcsto_fixup_##sfx)

INT_PARSERS(long, strtol, wcstol)
INT_PARSERS(long long, strtoll, wcstoll)
INT_PARSERS(unsigned long, strtoul, wcstoul)
INT_PARSERS(unsigned long long, strtoull, wcstoull)
INT_PARSERS(intmax_t, strtoimax, wcstoimax)
INT_PARSERS(uintmax_t, strtoumax, wcstoumax)
FLOAT_PARSERS(double, strtod, wcstod, d)
FLOAT_PARSERS(float, strtof, wcstof, f)
FLOAT_PARSERS(long double, strtold, wcstold, ld)

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
