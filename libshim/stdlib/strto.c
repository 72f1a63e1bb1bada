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

/* Each type's char and wchar_t parsers, over the host's STR and WCS. */
#define INT_PARSERS(type, str, wcs) \
	INT_PARSER(lx_##str, char, type, str) \
	INT_PARSER(lx_##wcs, wchar_t, type, wcs)
#define FLOAT_PARSERS(type, str, wcs) \
	FLOAT_PARSER(lx_##str, char, type, str) \
	FLOAT_PARSER(lx_##wcs, wchar_t, type, wcs)

INT_PARSERS(long, strtol, wcstol)
INT_PARSERS(long long, strtoll, wcstoll)
INT_PARSERS(unsigned long, strtoul, wcstoul)
INT_PARSERS(unsigned long long, strtoull, wcstoull)
INT_PARSERS(intmax_t, strtoimax, wcstoimax)
INT_PARSERS(uintmax_t, strtoumax, wcstoumax)
FLOAT_PARSERS(double, strtod, wcstod)
FLOAT_PARSERS(float, strtof, wcstof)
FLOAT_PARSERS(long double, strtold, wcstold)

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
