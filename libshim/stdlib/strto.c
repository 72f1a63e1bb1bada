/*
 * Number parsing with glibc's errno contract: glibc sets errno only for
 * ERANGE and an invalid base, never because nothing was converted; musl
 * also sets EINVAL when there are no digits (POSIX allows both). A program
 * that clears errno, parses an empty or non-numeric string and then tests
 * errno (coreutils' printf does) must see glibc's answer. The locale_t
 * variants parse as the C locale, which is what musl's numeric locale is.
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

#define FLOAT_PARSER(name, C, type, host) \
type name(const C *s, C **end) \
{ \
	int saved = errno; \
	C *e; \
	type v = host(s, &e); \
	KEEP_ERRNO(s, e, saved, 0); \
	if (end) \
		*end = e; \
	return v; \
} \
type name##_l(const C *s, C **end, struct lx_locale *loc) \
{ \
	(void)loc; \
	return name(s, end); \
}

INT_PARSER(lx_strtol, char, long, strtol)
INT_PARSER(lx_strtoll, char, long long, strtoll)
INT_PARSER(lx_strtoul, char, unsigned long, strtoul)
INT_PARSER(lx_strtoull, char, unsigned long long, strtoull)
INT_PARSER(lx_strtoimax, char, intmax_t, strtoimax)
INT_PARSER(lx_strtoumax, char, uintmax_t, strtoumax)
INT_PARSER(lx_wcstol, wchar_t, long, wcstol)
INT_PARSER(lx_wcstoll, wchar_t, long long, wcstoll)
INT_PARSER(lx_wcstoul, wchar_t, unsigned long, wcstoul)
INT_PARSER(lx_wcstoull, wchar_t, unsigned long long, wcstoull)
INT_PARSER(lx_wcstoimax, wchar_t, intmax_t, wcstoimax)
INT_PARSER(lx_wcstoumax, wchar_t, uintmax_t, wcstoumax)
FLOAT_PARSER(lx_strtod, char, double, strtod)
FLOAT_PARSER(lx_strtof, char, float, strtof)
FLOAT_PARSER(lx_strtold, char, long double, strtold)
FLOAT_PARSER(lx_wcstod, wchar_t, double, wcstod)
FLOAT_PARSER(lx_wcstof, wchar_t, float, wcstof)
FLOAT_PARSER(lx_wcstold, wchar_t, long double, wcstold)

/* The pre-C99 entry points of glibc's own <stdlib.h> inlines. */
long lx___strtol_internal(const char *s, char **end, int base, int group)
{
	(void)group;
	return lx_strtol(s, end, base);
}

long long lx___strtoll_internal(const char *s, char **end, int base, int group)
{
	(void)group;
	return lx_strtoll(s, end, base);
}

unsigned long lx___strtoul_internal(const char *s, char **end, int base,
	int group)
{
	(void)group;
	return lx_strtoul(s, end, base);
}

unsigned long long lx___strtoull_internal(const char *s, char **end,
	int base, int group)
{
	(void)group;
	return lx_strtoull(s, end, base);
}

double lx___strtod_internal(const char *s, char **end, int group)
{
	(void)group;
	return lx_strtod(s, end);
}

float lx___strtof_internal(const char *s, char **end, int group)
{
	(void)group;
	return lx_strtof(s, end);
}

long double lx___strtold_internal(const char *s, char **end, int group)
{
	(void)group;
	return lx_strtold(s, end);
}
