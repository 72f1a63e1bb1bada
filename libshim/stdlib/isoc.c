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

/*
 * NAME and NAME_l for the integer type T: a C23 binary literal through
 * PARSE, its magnitude converted by TO(mag, neg, LIMITS...); anything else
 * by the host parser HOST.
 */
#define PARSER(NAME, CHAR, PARSE, T, HOST, TO, ...)			\
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
	return (T)TO(mag, neg, __VA_ARGS__);				\
}									\
T NAME##_l(const CHAR *s, CHAR **end, int base,			\
    struct lx_locale *loc)						\
{									\
	(void)loc;	/* integers do not depend on the locale */	\
	return NAME(s, end, base);					\
}

/* The char and wchar_t parsers of one type: __isoc23_STR and _WCS. */
#define PARSERS(STR, WCS, T, TO, ...)					\
	PARSER(lx___isoc23_##STR, char, bin_parse, T, lx_##STR, TO,	\
	    __VA_ARGS__)						\
	PARSER(lx___isoc23_##WCS, wchar_t, wbin_parse, T, lx_##WCS, TO, \
	    __VA_ARGS__)

PARSERS(strtol, wcstol, long, to_signed, LONG_MIN, LONG_MAX)
PARSERS(strtoll, wcstoll, long long, to_signed, LLONG_MIN, LLONG_MAX)
PARSERS(strtoimax, wcstoimax, intmax_t, to_signed, INTMAX_MIN, INTMAX_MAX)
PARSERS(strtoul, wcstoul, unsigned long, to_unsigned, ULONG_MAX)
PARSERS(strtoull, wcstoull, unsigned long long, to_unsigned, ULLONG_MAX)
PARSERS(strtoumax, wcstoumax, uintmax_t, to_unsigned, UINTMAX_MAX)
