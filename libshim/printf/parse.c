/*
 * glibc's parse_printf_format (<printf.h>), which musl lacks: the types of
 * the arguments a printf format consumes, as glibc's printf reads them:
 * positional (%N$, *N$) and sequential arguments, '*' widths and
 * precisions (int), the length modifiers, %m and %% (no argument).
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "lx/printf.h"

/* One conversion: argument indexes (-1: none) and the data type. */
struct conv {
	int width_arg, prec_arg, data_arg;
	int type;		/* LX_PA_* | LX_PA_FLAG_*, or -1: no data */
};

/* Reads a decimal number at *PP (a digit): its value, -1 if above
 * INT_MAX; *PP moves past all digits. */
static int
read_num(const char **pp)
{
	const char *p = *pp;
	int v = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		if (v < 0)
			continue;
		if (v > (INT_MAX - (*p - '0')) / 10)
			v = -1;
		else
			v = 10 * v + (*p - '0');
	}
	*pp = p;
	return v;
}

/* At *PP "N$" with N > 0: moves past it, returns N (-1 if too big),
 * records the highest index.  0 (nothing consumed) otherwise. */
static int
read_pos(const char **pp, size_t *maxref)
{
	const char *p = *pp;
	int n;

	if (*p < '0' || *p > '9')
		return 0;
	n = read_num(&p);
	if (n == 0 || *p != '$')
		return 0;
	*pp = p + 1;
	if (n > 0 && (size_t)n > *maxref)
		*maxref = (size_t)n;
	return n;
}

/* A '*' width or precision at *PP (just past the '*'): its argument
 * index, positional or the next sequential one (counted in *SEQ; then
 * *PP stays just past the '*'). */
static int
star_arg(const char **pp, size_t *posn, size_t *seq, size_t *maxref)
{
	const char *start = *pp;
	int n = read_pos(pp, maxref);

	if (n > 0)
		return n - 1;
	*pp = start;
	++*seq;
	return (int)(*posn)++;
}

/* A field width or precision at *PP, which moves past it: "*" takes an
 * argument, whose index is returned; digits are skipped (-1). */
static int
field_arg(const char **pp, size_t *posn, size_t *seq, size_t *maxref)
{
	if (**pp == '*') {
		++*pp;
		return star_arg(pp, posn, seq, maxref);
	}
	if (**pp >= '0' && **pp <= '9')
		read_num(pp);
	return -1;
}

/* What a length modifier says; glibc's printf keeps these apart. */
#define LEN_LONG	1	/* l, ll, z, t, j */
#define LEN_LDOUBLE	2	/* ll, L, q */
#define LEN_SHORT	4	/* h */
#define LEN_CHAR	8	/* hh */

/* The length modifier at *PP: LEN_* bits, *PP moves past it. */
static int
read_length(const char **pp)
{
	const char *p = *pp;
	int len = 0;

	switch (*p++) {
	case 'h':
		len = *p == 'h' ? (p++, LEN_CHAR) : LEN_SHORT;
		break;
	case 'l':
		len = *p == 'l' ? (p++, LEN_LONG | LEN_LDOUBLE) : LEN_LONG;
		break;
	case 'L':
	case 'q':
		len = LEN_LDOUBLE;
		break;
	case 'z':
	case 'Z':
	case 't':
	case 'j':
		len = LEN_LONG;	/* 64-bit on x86-64 */
		break;
	default:
		p--;
	}
	*pp = p;
	return len;
}

/*
 * The data type of conversion C with length LEN, -1 if it takes none.
 * As in glibc on x86-64: integers are long for l, ll, z, t and j (L and
 * q leave them int), floating point is long double for ll, L and q, and
 * l changes neither %c nor %s.
 */
static int
data_type(int c, int len)
{
	switch (c) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
	case 'b': case 'B':
		return len & LEN_LONG ? LX_PA_INT | LX_PA_FLAG_LONG :
			len & LEN_SHORT ? LX_PA_INT | LX_PA_FLAG_SHORT :
			len & LEN_CHAR ? LX_PA_CHAR : LX_PA_INT;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		return len & LEN_LDOUBLE ?
			LX_PA_DOUBLE | LX_PA_FLAG_LONG_DOUBLE : LX_PA_DOUBLE;
	case 'c':
		return LX_PA_CHAR;
	case 'C':
		return LX_PA_WCHAR;
	case 's':
		return LX_PA_STRING;
	case 'S':
		return LX_PA_WSTRING;
	case 'p':
		return LX_PA_POINTER;
	case 'n':
		return LX_PA_INT | LX_PA_FLAG_PTR;
	default:		/* %m, %%, unknown conversions */
		return -1;
	}
}

/* Parses the conversion after the '%' at *PP into *CV; *PP moves to its
 * last character (or the end of the format).  Returns the number of
 * sequential arguments it consumes. */
static size_t
parse_conv(const char **pp, size_t posn, size_t *maxref, struct conv *cv)
{
	const char *p = *pp;
	size_t seq = 0;
	int n, len;

	n = read_pos(&p, maxref);
	cv->data_arg = n > 0 ? n - 1 : -1;
	cv->prec_arg = -1;
	while (*p && strchr(" +-#0'I", *p))
		p++;
	cv->width_arg = field_arg(&p, &posn, &seq, maxref);
	if (*p == '.') {
		p++;
		cv->prec_arg = field_arg(&p, &posn, &seq, maxref);
	}
	len = read_length(&p);
	cv->type = data_type(*p, len);
	if (cv->type >= 0 && cv->data_arg < 0) {
		cv->data_arg = (int)posn;
		seq++;
	}
	*pp = p;
	return seq;
}

size_t
lx_parse_printf_format(const char *fmt, size_t n, int *types)
{
	size_t nargs = 0, maxref = 0;
	struct conv cv;

	if (lx_printf_extended)	/* registered arginfo functions decide */
		return lx_fmt_argtypes(fmt, n, types);
	for (fmt = strchrnul(fmt, '%'); *fmt; fmt = strchrnul(fmt, '%')) {
		fmt++;
		nargs += parse_conv(&fmt, nargs, &maxref, &cv);
		if (cv.width_arg >= 0 && (size_t)cv.width_arg < n)
			types[cv.width_arg] = LX_PA_INT;
		if (cv.prec_arg >= 0 && (size_t)cv.prec_arg < n)
			types[cv.prec_arg] = LX_PA_INT;
		if (cv.type >= 0 && cv.data_arg >= 0 &&
		    (size_t)cv.data_arg < n)
			types[cv.data_arg] = cv.type;
		if (*fmt == '\0')
			break;
		fmt++;
	}
	return nargs > maxref ? nargs : maxref;
}
