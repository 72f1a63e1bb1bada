/*
 * glibc 2.38's __isoc23_* integer parsers: C23 strtol and friends, which
 * also take a "0b"/"0B" binary prefix when the base is 0 or 2.  Everything
 * else is the C99 parse of the host.  The __isoc99_* scanf family is the
 * host's scanf (musl's is C99) and needs no code: see the symmap.
 * XXX: the __isoc23_ scanf family is bound to the host's too, so "%i"
 * does not take "0b" and "%b" is not known.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>

#include "lx/locale.h"
#include "shim/strto.h"

/*
 * If S (base BASE) is a C23 binary literal, parses it: returns 1 with the
 * magnitude in *mag, the sign in *neg, errno ERANGE on overflow and the
 * end in *end.  Else returns 0 and the caller parses as C99.
 */
#define BINARY_PARSER(NAME, CHAR, ISSPACE, STRTOUMAX)			\
static int								\
NAME(const CHAR *s, int base, uintmax_t *mag, int *neg, CHAR **end)	\
{									\
	const CHAR *p = s;						\
									\
	if (base != 0 && base != 2)					\
		return 0;						\
	while (ISSPACE(*p))						\
		p++;							\
	*neg = *p == '-';						\
	if (*p == '-' || *p == '+')					\
		p++;							\
	if (p[0] != '0' || (p[1] != 'b' && p[1] != 'B') ||		\
	    (p[2] != '0' && p[2] != '1'))				\
		return 0;						\
	*mag = STRTOUMAX(p + 2, end, 2);				\
	return 1;							\
}

BINARY_PARSER(bin_parse, char, isspace, strtoumax)
BINARY_PARSER(wbin_parse, wchar_t, iswspace, wcstoumax)

static intmax_t
to_signed(uintmax_t mag, int neg, intmax_t min, intmax_t max)
{
	if (neg) {
		if (mag > (uintmax_t)max + 1) {
			errno = ERANGE;
			return min;
		}
		return mag == (uintmax_t)max + 1 ? min : -(intmax_t)mag;
	}
	if (mag > (uintmax_t)max) {
		errno = ERANGE;
		return max;
	}
	return (intmax_t)mag;
}

static uintmax_t
to_unsigned(uintmax_t mag, int neg, uintmax_t max)
{
	if (mag > max) {
		errno = ERANGE;
		return max;
	}
	return neg ? (max - mag + 1) & max : mag;
}

#define SIGNED(NAME, CHAR, PARSE, T, MIN, MAX, HOST)			\
T NAME(const CHAR *s, CHAR **end, int base)				\
{									\
	uintmax_t mag;							\
	int neg;							\
	CHAR *e;							\
									\
	if (!PARSE(s, base, &mag, &neg, &e))				\
		return HOST(s, end, base);				\
	if (end != NULL)						\
		*end = e;						\
	return (T)to_signed(mag, neg, MIN, MAX);			\
}									\
T NAME##_l(const CHAR *s, CHAR **end, int base,			\
    struct lx_locale *loc)						\
{									\
	(void)loc;	/* integers do not depend on the locale */	\
	return NAME(s, end, base);					\
}

#define UNSIGNED(NAME, CHAR, PARSE, T, MAX, HOST)			\
T NAME(const CHAR *s, CHAR **end, int base)				\
{									\
	uintmax_t mag;							\
	int neg;							\
	CHAR *e;							\
									\
	if (!PARSE(s, base, &mag, &neg, &e))				\
		return HOST(s, end, base);				\
	if (end != NULL)						\
		*end = e;						\
	return (T)to_unsigned(mag, neg, MAX);				\
}									\
T NAME##_l(const CHAR *s, CHAR **end, int base,			\
    struct lx_locale *loc)						\
{									\
	(void)loc;							\
	return NAME(s, end, base);					\
}

SIGNED(lx___isoc23_strtol, char, bin_parse, long, LONG_MIN, LONG_MAX,
    lx_strtol)
SIGNED(lx___isoc23_strtoll, char, bin_parse, long long, LLONG_MIN,
    LLONG_MAX, lx_strtoll)
SIGNED(lx___isoc23_strtoimax, char, bin_parse, intmax_t, INTMAX_MIN,
    INTMAX_MAX, lx_strtoimax)
UNSIGNED(lx___isoc23_strtoul, char, bin_parse, unsigned long, ULONG_MAX,
    lx_strtoul)
UNSIGNED(lx___isoc23_strtoull, char, bin_parse, unsigned long long,
    ULLONG_MAX, lx_strtoull)
UNSIGNED(lx___isoc23_strtoumax, char, bin_parse, uintmax_t, UINTMAX_MAX,
    lx_strtoumax)
SIGNED(lx___isoc23_wcstol, wchar_t, wbin_parse, long, LONG_MIN, LONG_MAX,
    lx_wcstol)
SIGNED(lx___isoc23_wcstoll, wchar_t, wbin_parse, long long, LLONG_MIN,
    LLONG_MAX, lx_wcstoll)
SIGNED(lx___isoc23_wcstoimax, wchar_t, wbin_parse, intmax_t, INTMAX_MIN,
    INTMAX_MAX, lx_wcstoimax)
UNSIGNED(lx___isoc23_wcstoul, wchar_t, wbin_parse, unsigned long,
    ULONG_MAX, lx_wcstoul)
UNSIGNED(lx___isoc23_wcstoull, wchar_t, wbin_parse, unsigned long long,
    ULLONG_MAX, lx_wcstoull)
UNSIGNED(lx___isoc23_wcstoumax, wchar_t, wbin_parse, uintmax_t,
    UINTMAX_MAX, lx_wcstoumax)
