/*
 * glibc's printf formatting where musl's differs. musl formats most
 * conversions exactly as glibc does, and the printf family hands those
 * formats to it unchanged (lx_fmt_native decides from the format alone).
 * The rest come here: "%p" ("(nil)", sign flags, precision), "%m" and
 * "%#m" with glibc's texts and names, "%s" of NULL, "%b"/"%B", "%a" of
 * subnormals and of long double (glibc's leading digit), the 'I' flag, the
 * 'q' and 'Z' lengths, "%5%", unknown conversions (glibc prints them back;
 * musl fails the whole call) and the conversions <printf.h> handlers were
 * registered for. The arguments are collected by type first (positional
 * ones too), then each conversion is formatted: here, or by musl with a
 * rebuilt single-conversion format.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "shim/gnu.h"
#include "lx/printf.h"

enum {
	F_ALT = 1, F_GROUP = 2, F_PLUS = 4, F_SPACE = 8, F_LEFT = 16,
	F_ZERO = 32, F_I18N = 64,
};
enum len { L_NONE, L_HH, L_H, L_L, L_LL, L_BIGL, L_J, L_Z, L_T };

struct conv {
	const char *lit;	/* literal text before the conversion */
	size_t litlen;
	const char *spec;	/* the '%' */
	int flags, width, prec;	/* width 0 / prec -1: not given */
	int width_arg, prec_arg, data_arg;	/* -1: none */
	int nargs;		/* data arguments */
	enum len len;
	unsigned short user;
	int c;			/* conversion; 0: the format ends in it; -1:
				   no conversion (trailing literal) */
	int ext;		/* a registered handler formats it */
};

union val {
	int i;
	long l;
	long long ll;
	double d;
	long double ld;
	void *p;
};

struct parse {
	struct conv *cv;
	size_t ncv, cvcap;
	int *types, *sizes;
	size_t nargs, argcap;
	size_t seq;
	/* room for the usual format without malloc */
	struct conv cv_in[16];
	int types_in[32], sizes_in[32];
};

#define PARSE_INIT(ps) do {						\
	memset(&(ps), 0, offsetof(struct parse, cv_in));		\
	(ps).cv = (ps).cv_in;						\
	(ps).cvcap = sizeof (ps).cv_in / sizeof *(ps).cv_in;		\
	(ps).types = (ps).types_in;					\
	(ps).sizes = (ps).sizes_in;					\
	(ps).argcap = sizeof (ps).types_in / sizeof *(ps).types_in;	\
} while (0)

static void parse_free(struct parse *ps)
{
	if (ps->cv != ps->cv_in)
		free(ps->cv);
	if (ps->types != ps->types_in)
		free(ps->types);
	if (ps->sizes != ps->sizes_in)
		free(ps->sizes);
}

/* *P (CAP elements, INL while it is the inline room) to hold NEED. */
static int grow(void **p, size_t *cap, size_t need, size_t elem, void *inl)
{
	size_t n = *cap ? *cap : 8;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if (*p == inl) {
		if ((q = malloc(n * elem)))
			memcpy(q, *p, *cap * elem);
	} else {
		q = realloc(*p, n * elem);
	}
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Records that argument I has TYPE (SIZE bytes for user types). */
static int set_arg(struct parse *ps, size_t i, int type, int size)
{
	size_t cap = ps->argcap;

	if (i >= INT_MAX / 2)
		return errno = EOVERFLOW, -1;
	if (grow((void **)&ps->types, &ps->argcap, i + 1, sizeof(int),
	    ps->types_in) ||
	    grow((void **)&ps->sizes, &cap, i + 1, sizeof(int), ps->sizes_in))
		return errno = ENOMEM, -1;
	while (ps->nargs <= i) {
		ps->types[ps->nargs] = -1;
		ps->sizes[ps->nargs++] = 0;
	}
	ps->types[i] = type;
	ps->sizes[i] = size;
	return 0;
}

static int read_num(const char **pp)
{
	long v = 0;

	for (; **pp >= '0' && **pp <= '9'; (*pp)++)
		if (v <= INT_MAX)
			v = 10 * v + (**pp - '0');
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* "N$" at *PP: N, moving past it; 0 otherwise. */
static int read_pos(const char **pp)
{
	const char *p = *pp;
	int n;

	if (*p < '1' || *p > '9')
		return 0;
	n = read_num(&p);
	if (*p != '$')
		return 0;
	*pp = p + 1;
	return n;
}

/* The argument a '*' (just passed) takes: "*N$" or the next one. */
static int star_arg(const char **pp, struct parse *ps)
{
	int n = read_pos(pp);

	return n ? n - 1 : (int)ps->seq++;
}

static int read_flags(const char **pp)
{
	int f = 0;

	for (;; (*pp)++) {
		switch (**pp) {
		case '#': f |= F_ALT; break;
		case '\'': f |= F_GROUP; break;
		case '+': f |= F_PLUS; break;
		case ' ': f |= F_SPACE; break;
		case '-': f |= F_LEFT; break;
		case '0': f |= F_ZERO; break;
		case 'I': f |= F_I18N; break;
		default: return f;
		}
	}
}

static enum len read_len(const char **pp)
{
	const char *p = *pp;
	enum len l = L_NONE;

	switch (*p++) {
	case 'h': l = *p == 'h' ? (p++, L_HH) : L_H; break;
	case 'l': l = *p == 'l' ? (p++, L_LL) : L_L; break;
	case 'L': case 'q': l = L_BIGL; break;
	case 'j': l = L_J; break;
	case 'z': case 'Z': l = L_Z; break;
	case 't': l = L_T; break;
	default: return L_NONE;
	}
	*pp = p;
	return l;
}

static int int_type(enum len l)
{
	switch (l) {
	case L_HH: return LX_PA_CHAR;
	case L_H: return LX_PA_INT | LX_PA_FLAG_SHORT;
	case L_L: case L_J: case L_Z: case L_T:
		return LX_PA_INT | LX_PA_FLAG_LONG;
	case L_LL: case L_BIGL: return LX_PA_INT | LX_PA_FLAG_LONG_LONG;
	default: return LX_PA_INT;
	}
}

/* The type of the data argument of a standard conversion; -1: none. */
static int std_type(int c, enum len l)
{
	switch (c) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
	case 'b': case 'B':
		return int_type(l);
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		return LX_PA_DOUBLE | (l == L_BIGL || l == L_LL ?
		    LX_PA_FLAG_LONG_DOUBLE : 0);
	case 'c': return l == L_L ? LX_PA_WCHAR : LX_PA_CHAR;
	case 'C': return LX_PA_WCHAR;
	case 's': return l == L_L ? LX_PA_WSTRING : LX_PA_STRING;
	case 'S': return LX_PA_WSTRING;
	case 'p': return LX_PA_POINTER;
	case 'n': return int_type(l) | LX_PA_FLAG_PTR;
	default: return -1;
	}
}

static void info_of(const struct conv *cv, struct lx_printf_info *in)
{
	memset(in, 0, sizeof *in);
	in->prec = cv->prec;
	in->width = cv->width;
	in->spec = cv->c;
	in->is_long_double = cv->len == L_BIGL || cv->len == L_LL;
	in->is_short = cv->len == L_H;
	in->is_long = cv->len == L_L || cv->len == L_J || cv->len == L_Z ||
	    cv->len == L_T;
	in->is_char = cv->len == L_HH;
	in->alt = !!(cv->flags & F_ALT);
	in->space = !!(cv->flags & F_SPACE);
	in->left = !!(cv->flags & F_LEFT);
	in->showsign = !!(cv->flags & F_PLUS);
	in->group = !!(cv->flags & F_GROUP);
	in->i18n = !!(cv->flags & F_I18N);
	in->user = cv->user;
	in->pad = cv->flags & F_ZERO && !(cv->flags & F_LEFT) ? '0' : ' ';
}

/* A registered arginfo for CV: the number of data arguments it takes,
 * their types at TYPES; -1: the standard conversion applies. */
static int ext_args(struct conv *cv, int *types, int *sizes, size_t cap)
{
	const struct lx_printf_spec *s = &lx_printf_specs[cv->c & 0xff];
	struct lx_printf_info in;

	info_of(cv, &in);
	memset(sizes, 0, cap * sizeof *sizes);
	if (s->arginfo)
		return s->arginfo(&in, cap, types, sizes);
	if (s->old_arginfo)
		return s->old_arginfo(&in, cap, types);
	return -1;
}

/* The data arguments of CV whose position is POS (0: sequential). */
static int conv_args(struct parse *ps, struct conv *cv, int pos)
{
	int types[16], sizes[16], n = -1, t;

	if (cv->c > 0 && cv->c < 256 && lx_printf_extended) {
		n = ext_args(cv, types, sizes, 16);
		if (n > 16)
			return errno = EINVAL, -1;
		cv->ext = n >= 0 && lx_printf_specs[cv->c].func != NULL;
	}
	if (n < 0) {
		t = std_type(cv->c, cv->len);
		n = t >= 0;
		types[0] = t;
		sizes[0] = 0;
	}
	cv->nargs = n;
	if (n == 0)
		return 0;
	cv->data_arg = pos ? pos - 1 : (int)ps->seq;
	if (!pos)
		ps->seq += n;
	for (int i = 0; i < n; i++)
		if (set_arg(ps, cv->data_arg + i, types[i], sizes[i]))
			return -1;
	return 0;
}

/* The conversion at *PP (just past its '%'); *PP moves past it. */
static int parse_conv(const char **pp, struct parse *ps, struct conv *cv)
{
	const char *p = *pp;
	int pos = read_pos(&p);

	cv->flags = read_flags(&p);
	cv->width = 0;
	cv->prec = -1;
	cv->width_arg = cv->prec_arg = cv->data_arg = -1;
	if (*p == '*') {
		p++;
		cv->width_arg = star_arg(&p, ps);
		if (set_arg(ps, cv->width_arg, LX_PA_INT, 0))
			return -1;
	} else {
		cv->width = read_num(&p);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			cv->prec_arg = star_arg(&p, ps);
			if (set_arg(ps, cv->prec_arg, LX_PA_INT, 0))
				return -1;
		} else {
			cv->prec = read_num(&p);
		}
	}
	cv->user = lx_printf_extended ? lx_printf_modifier(&p) : 0;
	cv->len = cv->user ? L_NONE : read_len(&p);
	cv->c = (unsigned char)*p;
	if (*p)
		p++;
	*pp = p;
	return conv_args(ps, cv, pos);
}

static int parse_format(const char *fmt, struct parse *ps)
{
	const char *p = fmt;

	for (;;) {
		const char *pct = strchr(p, '%');
		struct conv *cv;

		if (grow((void **)&ps->cv, &ps->cvcap, ps->ncv + 1,
		    sizeof *ps->cv, ps->cv_in))
			return errno = ENOMEM, -1;
		cv = &ps->cv[ps->ncv++];
		memset(cv, 0, sizeof *cv);
		cv->lit = p;
		cv->litlen = pct ? (size_t)(pct - p) : strlen(p);
		if (!pct) {
			cv->c = -1;
			return 0;
		}
		cv->spec = pct;
		p = pct + 1;
		if (parse_conv(&p, ps, cv))
			return -1;
		if (cv->c == 0)
			return 0;
	}
}

/* Reads every argument in order, by type, into VALS (and user types'
 * values into memory at PTRS[i]). */
static int fetch_args(struct parse *ps, union val *vals, void **ptrs,
    va_list *ap)
{
	for (size_t i = 0; i < ps->nargs; i++) {
		int t = ps->types[i], base = t & ~LX_PA_FLAG_MASK;

		ptrs[i] = &vals[i];
		if (t >= 0 && t & LX_PA_FLAG_PTR) {
			vals[i].p = va_arg(*ap, void *);
		} else if (base == LX_PA_STRING || base == LX_PA_WSTRING ||
		    base == LX_PA_POINTER) {
			vals[i].p = va_arg(*ap, void *);
		} else if (base == LX_PA_FLOAT || base == LX_PA_DOUBLE) {
			if (t & LX_PA_FLAG_LONG_DOUBLE)
				vals[i].ld = va_arg(*ap, long double);
			else
				vals[i].d = va_arg(*ap, double);
		} else if (base >= LX_PA_LAST) {
			lx_printf_va_arg_function *fn = lx_printf_type(base);

			if (!fn || ps->sizes[i] <= 0 ||
			    !(ptrs[i] = calloc(1, ps->sizes[i])))
				return errno = EINVAL, -1;
			fn(ptrs[i], ap);
		} else if (t >= 0 && t & LX_PA_FLAG_LONG_LONG) {
			vals[i].ll = va_arg(*ap, long long);
		} else if (t >= 0 && t & LX_PA_FLAG_LONG) {
			vals[i].l = va_arg(*ap, long);
		} else {
			/* int, char, wint_t, short; an unused slot too */
			vals[i].i = va_arg(*ap, int);
		}
	}
	return 0;
}

/* Output. */

static int reserve(struct lx_fmtbuf *b, size_t n)
{
	size_t cap = b->cap;
	char *q;

	if (b->len + n < b->cap)
		return 0;
	if (b->len + n >= INT_MAX)
		return errno = EOVERFLOW, -1;
	while (cap <= b->len + n)
		cap *= 2;
	if (b->p == b->small) {
		q = malloc(cap);
		if (q)
			memcpy(q, b->p, b->len);
	} else {
		q = realloc(b->p, cap);
	}
	if (!q)
		return errno = ENOMEM, -1;
	b->p = q;
	b->cap = cap;
	return 0;
}

static int put(struct lx_fmtbuf *b, const char *s, size_t n)
{
	if (reserve(b, n))
		return -1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
	return 0;
}

static int fill(struct lx_fmtbuf *b, char c, size_t n)
{
	if (reserve(b, n))
		return -1;
	memset(b->p + b->len, c, n);
	b->len += n;
	b->p[b->len] = 0;
	return 0;
}

/* musl's snprintf of one conversion SPEC into B. */
static int __attribute__((format(printf, 2, 3)))
musl_conv(struct lx_fmtbuf *b, const char *spec, ...)
{
	va_list ap;
	int n;

	va_start(ap, spec);
	n = vsnprintf(b->p + b->len, b->cap - b->len, spec, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= b->cap - b->len) {
		if (reserve(b, n + 1))
			return -1;
		va_start(ap, spec);
		n = vsnprintf(b->p + b->len, b->cap - b->len, spec, ap);
		va_end(ap);
		if (n < 0)
			return -1;
	}
	b->len += n;
	return 0;
}

/* S (N bytes) padded with spaces to CV's width. */
static int put_padded(struct lx_fmtbuf *b, const struct conv *cv,
    const char *s, size_t n)
{
	size_t w = (size_t)cv->width > n ? cv->width - n : 0;

	if (!(cv->flags & F_LEFT) && fill(b, ' ', w))
		return -1;
	if (put(b, s, n))
		return -1;
	return cv->flags & F_LEFT ? fill(b, ' ', w) : 0;
}

/* SIGN PREFIX ZEROS DIGITS, padded to CV's width; '0' pads after PREFIX
 * when ZEROPAD. */
static int put_number(struct lx_fmtbuf *b, const struct conv *cv,
    const char *prefix, const char *digits, size_t nd, size_t zeros,
    int zeropad)
{
	size_t np = strlen(prefix), total = np + zeros + nd;
	size_t w = (size_t)cv->width > total ? cv->width - total : 0;

	if (cv->flags & F_LEFT)
		zeropad = 0;
	if (!(cv->flags & F_LEFT) && !zeropad && fill(b, ' ', w))
		return -1;
	if (put(b, prefix, np) || fill(b, '0', zeros + (zeropad ? w : 0)) ||
	    put(b, digits, nd))
		return -1;
	return cv->flags & F_LEFT ? fill(b, ' ', w) : 0;
}

static const char *sign_of(const struct conv *cv, int neg)
{
	if (neg)
		return "-";
	return cv->flags & F_PLUS ? "+" : cv->flags & F_SPACE ? " " : "";
}

/* %p: "(nil)" for NULL, else as "%#lx" with the sign flags. */
static int conv_pointer(struct lx_fmtbuf *b, const struct conv *cv,
    void *p)
{
	char digits[20], prefix[4];
	size_t nd = 0, zeros;
	uintptr_t v = (uintptr_t)p;

	if (!p)
		return put_padded(b, cv, "(nil)", 5);
	for (uintptr_t t = v; t; t >>= 4)
		nd++;
	for (size_t i = nd; i > 0; v >>= 4)
		digits[--i] = "0123456789abcdef"[v & 15];
	zeros = cv->prec > 0 && (size_t)cv->prec > nd ? cv->prec - nd : 0;
	snprintf(prefix, sizeof prefix, "%s0x", sign_of(cv, 0));
	return put_number(b, cv, prefix, digits, nd, zeros,
	    cv->flags & F_ZERO && cv->prec < 0);
}

static unsigned long long uint_arg(const struct conv *cv, union val v,
    int type)
{
	if (type & LX_PA_FLAG_LONG_LONG)
		return v.ll;
	if (type & LX_PA_FLAG_LONG)
		return (unsigned long)v.l;
	if (cv->len == L_HH)
		return (unsigned char)v.i;
	if (cv->len == L_H)
		return (unsigned short)v.i;
	return (unsigned)v.i;
}

/* %b, %B: binary, "0b"/"0B" for '#' and a nonzero value. */
static int conv_binary(struct lx_fmtbuf *b, const struct conv *cv,
    unsigned long long v)
{
	char digits[64];
	size_t nd = 0, zeros;
	const char *prefix = "";

	for (unsigned long long t = v; t; t >>= 1)
		nd++;
	for (size_t i = nd; i > 0; v >>= 1)
		digits[--i] = '0' + (v & 1);
	if (cv->prec < 0 && nd == 0)
		digits[nd++] = '0';
	if (cv->flags & F_ALT && nd && digits[0] != '0')
		prefix = cv->c == 'b' ? "0b" : "0B";
	zeros = cv->prec > 0 && (size_t)cv->prec > nd ? cv->prec - nd : 0;
	return put_number(b, cv, prefix, digits, nd, zeros,
	    cv->flags & F_ZERO && cv->prec < 0);
}

/* A binary floating value as glibc's %a sees it: LEAD.FRAC (NFRAC hex
 * digits) times 2^EXP. */
struct hexfp {
	int neg, special;	/* special: 'i'nf, 'n'an */
	unsigned lead;
	uint64_t frac;
	int nfrac, exp;
};

static void hex_double(double d, struct hexfp *h)
{
	uint64_t bits;
	int e;

	memcpy(&bits, &d, sizeof bits);
	memset(h, 0, sizeof *h);
	h->neg = bits >> 63;
	e = (bits >> 52) & 0x7ff;
	h->frac = bits & ((1ULL << 52) - 1);
	h->nfrac = 13;
	if (e == 0x7ff) {
		h->special = h->frac ? 'n' : 'i';
	} else if (e == 0) {
		h->exp = h->frac ? -1022 : 0;
	} else {
		h->lead = 1;
		h->exp = e - 1023;
	}
}

/* x87 80-bit: the leading hex digit is the top four bits of the 64-bit
 * significand (integer bit included), as glibc prints it. */
static void hex_ldouble(long double x, struct hexfp *h)
{
	unsigned char raw[16];
	uint64_t m;
	uint16_t se;
	int e;

	memcpy(raw, &x, 10);
	memcpy(&m, raw, 8);
	memcpy(&se, raw + 8, 2);
	memset(h, 0, sizeof *h);
	h->neg = se >> 15;
	e = se & 0x7fff;
	if (e == 0x7fff) {
		h->special = m << 1 ? 'n' : 'i';
		return;
	}
	h->lead = m >> 60;
	h->frac = m & ((1ULL << 60) - 1);
	h->nfrac = 15;
	h->exp = m ? (e ? e : 1) - 16383 - 3 : 0;
}

/* Rounds H to PREC fraction digits, to nearest, ties to even. */
static void hex_round(struct hexfp *h, int prec, int renorm)
{
	int shift = 4 * (h->nfrac - prec);
	uint64_t rem, half, odd;

	rem = h->frac & ((1ULL << shift) - 1);
	half = 1ULL << (shift - 1);
	h->frac >>= shift;
	h->nfrac = prec;
	odd = prec ? h->frac & 1 : h->lead & 1;
	if (rem > half || (rem == half && odd)) {
		h->frac++;
		if (prec < 16 && h->frac >> (4 * prec)) {
			h->frac = 0;
			h->lead++;
		}
	}
	if (renorm && h->lead > 15) {
		h->lead = 1;
		h->exp += 4;
	}
}

static int conv_hexfloat(struct lx_fmtbuf *b, const struct conv *cv,
    struct hexfp *h, int upper)
{
	const char *xd = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24], prefix[4], *d = digits;
	struct lx_fmtbuf body;
	int r;

	if (h->special) {
		const char *s = h->special == 'i' ? (upper ? "INF" : "inf") :
		    (upper ? "NAN" : "nan");

		snprintf(prefix, sizeof prefix, "%s", sign_of(cv, h->neg));
		return put_number(b, cv, prefix, s, 3, 0, 0);
	}
	if (cv->prec >= 0 && cv->prec < h->nfrac)
		hex_round(h, cv->prec, h->nfrac == 15);
	while (cv->prec < 0 && h->nfrac > 0 && !(h->frac & 15)) {
		h->frac >>= 4;
		h->nfrac--;
	}
	*d++ = xd[h->lead];
	if (h->nfrac || cv->prec > 0 || cv->flags & F_ALT)
		*d++ = '.';
	for (int i = h->nfrac - 1; i >= 0; i--)
		*d++ = xd[(h->frac >> (4 * i)) & 15];
	lx_fmt_init(&body);
	r = put(&body, digits, d - digits);
	if (!r && cv->prec > h->nfrac)
		r = fill(&body, '0', cv->prec - h->nfrac);
	if (!r)
		r = musl_conv(&body, "%c%+d", upper ? 'P' : 'p', h->exp);
	snprintf(prefix, sizeof prefix, "%s0%c", sign_of(cv, h->neg),
	    upper ? 'X' : 'x');
	if (!r)
		r = put_number(b, cv, prefix, body.p, body.len, 0,
		    cv->flags & F_ZERO);
	lx_fmt_free(&body);
	return r;
}

/* A conversion glibc does not know: printed back as "%" FLAGS WIDTH
 * .PREC C, in glibc's order, without length or position. */
static int conv_unknown(struct lx_fmtbuf *b, const struct conv *cv)
{
	char s[64], *p = s;
	int f = cv->flags;

	*p++ = '%';
	if (f & F_ALT)
		*p++ = '#';
	if (f & F_GROUP)
		*p++ = '\'';
	if (f & (F_PLUS | F_SPACE))
		*p++ = f & F_PLUS ? '+' : ' ';
	if (f & F_LEFT)
		*p++ = '-';
	else if (f & F_ZERO)
		*p++ = '0';
	if (f & F_I18N)
		*p++ = 'I';
	if (cv->width)
		p += snprintf(p, 12, "%d", cv->width);
	if (cv->prec >= 0)
		p += snprintf(p, 13, ".%d", cv->prec);
	*p++ = (char)cv->c;
	return put(b, s, p - s);
}

/* musl's single-conversion format for CV: flags it knows, the resolved
 * width and precision, LEN, C. */
static void musl_spec(char *s, const struct conv *cv, const char *len, int c)
{
	int f = cv->flags;

	*s++ = '%';
	if (f & F_ALT) *s++ = '#';
	if (f & F_GROUP) *s++ = '\'';
	if (f & F_PLUS) *s++ = '+';
	if (f & F_SPACE) *s++ = ' ';
	if (f & F_LEFT) *s++ = '-';
	if (f & F_ZERO) *s++ = '0';
	if (cv->width)
		s += sprintf(s, "%d", cv->width);
	if (cv->prec >= 0)
		s += sprintf(s, ".%d", cv->prec);
	s += sprintf(s, "%s%c", len, c);
}

static int conv_int(struct lx_fmtbuf *b, const struct conv *cv,
    union val v, int type)
{
	char spec[48];

	/* plain %d, %i, %u: digits here, padded with spaces */
	if ((cv->c == 'd' || cv->c == 'i' || cv->c == 'u') &&
	    !(cv->flags & ~F_LEFT) && cv->prec < 0) {
		char digits[24], *d = digits + sizeof digits;
		long long sv = type & LX_PA_FLAG_LONG_LONG ? v.ll :
		    type & LX_PA_FLAG_LONG ? v.l : cv->len == L_HH ?
		    (signed char)v.i : cv->len == L_H ? (short)v.i : v.i;
		unsigned long long u = cv->c == 'u' ?
		    uint_arg(cv, v, type) : sv < 0 ? 0ULL - (unsigned long long)sv :
		    (unsigned long long)sv;

		do
			*--d = (char)('0' + u % 10);
		while (u /= 10);
		if (cv->c != 'u' && sv < 0)
			*--d = '-';
		return put_padded(b, cv, d, digits + sizeof digits - d);
	}

	if (type & LX_PA_FLAG_LONG_LONG) {
		musl_spec(spec, cv, "ll", cv->c);
		return musl_conv(b, spec, v.ll);
	}
	if (type & LX_PA_FLAG_LONG) {
		musl_spec(spec, cv, "l", cv->c);
		return musl_conv(b, spec, v.l);
	}
	musl_spec(spec, cv, cv->len == L_HH ? "hh" : cv->len == L_H ? "h" :
	    "", cv->c);
	return musl_conv(b, spec, v.i);
}

static int conv_float(struct lx_fmtbuf *b, const struct conv *cv,
    union val v, int type)
{
	char spec[48];
	struct hexfp h;

	if (cv->c == 'a' || cv->c == 'A') {
		if (type & LX_PA_FLAG_LONG_DOUBLE)
			hex_ldouble(v.ld, &h);
		else
			hex_double(v.d, &h);
		return conv_hexfloat(b, cv, &h, cv->c == 'A');
	}
	if (type & LX_PA_FLAG_LONG_DOUBLE) {
		musl_spec(spec, cv, "L", cv->c);
		return musl_conv(b, spec, v.ld);
	}
	musl_spec(spec, cv, "", cv->c);
	return musl_conv(b, spec, v.d);
}

/* %s, %ls, %S: glibc prints NULL as "(null)", or nothing when the
 * precision is below its length. */
static int conv_string(struct lx_fmtbuf *b, const struct conv *cv,
    void *s, int wide)
{
	char spec[48];

	if (!s) {
		struct conv c = *cv;

		if (cv->prec >= 0 && cv->prec < 6)
			return put_padded(b, cv, "", 0);
		c.prec = -1;
		return put_padded(b, &c, "(null)", 6);
	}
	if (!wide)	/* the bytes, up to the precision, padded */
		return put_padded(b, cv, s, cv->prec >= 0 ?
		    strnlen(s, cv->prec) : strlen(s));
	musl_spec(spec, cv, "l", 's');
	return musl_conv(b, spec, (wchar_t *)s);
}

/* %m and %#m: glibc's message or name of errno (E). */
static int conv_errno(struct lx_fmtbuf *b, const struct conv *cv, int e)
{
	char buf[32];
	const char *s;
	struct conv c = *cv;

	if (cv->flags & F_ALT) {
		s = lx_gnu_errname(e);
		if (!s) {
			snprintf(buf, sizeof buf, "%d", e);
			s = buf;
		}
	} else {
		s = lx_gnu_strerror(e, buf, sizeof buf);
	}
	c.flags &= F_LEFT;
	return put_padded(b, &c, s, cv->prec >= 0 ?
	    strnlen(s, cv->prec) : strlen(s));
}

static int conv_count(const struct conv *cv, void *p, size_t n)
{
	switch (cv->len) {
	case L_HH: *(signed char *)p = n; break;
	case L_H: *(short *)p = n; break;
	case L_NONE: *(int *)p = n; break;
	default: *(long long *)p = n; break;
	}
	return 0;
}

/* A registered handler writes to a FILE: a memory stream here. */
static int conv_ext(struct lx_fmtbuf *b, const struct conv *cv,
    void **ptrs)
{
	struct lx_printf_info in;
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	int r;

	if (!f)
		return -1;
	info_of(cv, &in);
	r = lx_printf_specs[cv->c].func(f, &in,
	    (const void *const *)(cv->data_arg >= 0 ? ptrs + cv->data_arg :
	    ptrs));
	if (fclose(f) || (r < 0 && r != -2) || (r >= 0 && put(b, mem, n)))
		r = -1;
	else if (r >= 0)
		b->adj += r - (long)n;
	free(mem);
	return r;
}

static int conv_std(struct lx_fmtbuf *b, const struct conv *cv,
    const struct parse *ps, union val *vals, int e)
{
	union val v = cv->data_arg >= 0 ? vals[cv->data_arg] : (union val){0};
	int type = cv->data_arg >= 0 ? ps->types[cv->data_arg] : -1;
	char spec[48];

	switch (cv->c) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		return conv_int(b, cv, v, type);
	case 'b': case 'B':
		return conv_binary(b, cv, uint_arg(cv, v, type));
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		return conv_float(b, cv, v, type);
	case 'c': case 'C':
		if (cv->c == 'C' || cv->len == L_L) {
			musl_spec(spec, cv, "l", 'c');
			return musl_conv(b, spec, (wint_t)v.i);
		}
		musl_spec(spec, cv, "", 'c');
		return musl_conv(b, spec, v.i);
	case 's': case 'S':
		return conv_string(b, cv, v.p, cv->c == 'S' || cv->len == L_L);
	case 'p':
		return conv_pointer(b, cv, v.p);
	case 'n':
		return conv_count(cv, v.p, b->len + b->adj);
	case 'm':
		return conv_errno(b, cv, e);
	case '%':
		return put(b, "%", 1);
	default:
		return conv_unknown(b, cv);
	}
}

/* '*' arguments into width and precision, as glibc reads them. */
static void resolve_stars(struct conv *cv, const union val *vals)
{
	if (cv->width_arg >= 0) {
		int w = vals[cv->width_arg].i;

		if (w < 0) {
			cv->flags |= F_LEFT;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		cv->width = w;
	}
	if (cv->prec_arg >= 0) {
		int p = vals[cv->prec_arg].i;

		cv->prec = p < 0 ? -1 : p;
	}
}

static int format_all(struct lx_fmtbuf *b, struct parse *ps,
    union val *vals, void **ptrs, int e)
{
	for (size_t i = 0; i < ps->ncv; i++) {
		struct conv *cv = &ps->cv[i];
		int r = -2;

		if (put(b, cv->lit, cv->litlen))
			return -1;
		if (cv->c < 0)
			return 0;
		if (cv->c == 0)		/* the format ends inside a conversion */
			return errno = EINVAL, -1;
		resolve_stars(cv, vals);
		if (cv->ext)
			r = conv_ext(b, cv, ptrs);
		if (r == -2)
			r = conv_std(b, cv, ps, vals, e);
		if (r < 0)
			return -1;
	}
	return 0;
}

void lx_fmt_init(struct lx_fmtbuf *b)
{
	b->p = b->small;
	b->len = 0;
	b->adj = 0;
	b->cap = sizeof b->small;
	b->small[0] = 0;
}

void lx_fmt_free(struct lx_fmtbuf *b)
{
	if (b->p != b->small)
		free(b->p);
	lx_fmt_init(b);
}

int lx_fmt_format(struct lx_fmtbuf *b, const char *fmt, va_list ap)
{
	struct parse ps;
	union val vals_in[32], *vals = NULL;
	void *ptrs_in[32], **ptrs = NULL;
	int e = errno, r = -1;
	va_list aq;

	PARSE_INIT(ps);
	if (parse_format(fmt, &ps))
		goto out;
	if (ps.nargs < 32) {
		vals = vals_in;
		ptrs = ptrs_in;
	} else {
		vals = calloc(ps.nargs + 1, sizeof *vals);
		ptrs = calloc(ps.nargs + 1, sizeof *ptrs);
		if (!vals || !ptrs) {
			errno = ENOMEM;
			goto out;
		}
	}
	va_copy(aq, ap);
	r = fetch_args(&ps, vals, ptrs, &aq);
	va_end(aq);
	if (!r)
		r = format_all(b, &ps, vals, ptrs, e);
out:
	for (size_t i = 0; ptrs && i < ps.nargs; i++)
		if (ptrs[i] != &vals[i])
			free(ptrs[i]);
	if (vals != vals_in)
		free(vals);
	if (ptrs != ptrs_in)
		free(ptrs);
	parse_free(&ps);
	return r;
}

size_t lx_fmt_argtypes(const char *fmt, size_t n, int *types)
{
	struct parse ps;
	size_t r = 0;

	PARSE_INIT(ps);
	if (!parse_format(fmt, &ps)) {
		for (size_t i = 0; i < n && i < ps.nargs; i++)
			if (ps.types[i] >= 0)
				types[i] = ps.types[i];
		r = ps.nargs;
	}
	parse_free(&ps);
	return r;
}

/* Whether every conversion of FMT is one musl formats as glibc does. */
static int native_conv(const char **pp)
{
	const char *p = *pp;
	int prec = -1;
	enum len l;

	read_pos(&p);
	if (read_flags(&p) & F_I18N)
		return 0;
	if (*p == '*')
		p++, read_pos(&p);
	else
		read_num(&p);
	if (*p == '.') {
		p++;
		if (*p == '*')
			return 0;
		prec = read_num(&p);
	}
	if (*p == 'q' || *p == 'Z')
		return 0;
	l = read_len(&p);
	*pp = p + 1;
	switch (*p) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		return l != L_BIGL;
	case 'c':
		return l == L_NONE || l == L_L;
	case 's':
		return (l == L_NONE || l == L_L) && (prec < 0 || prec >= 6);
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		return l == L_NONE || l == L_L || l == L_BIGL;
	case 'n':
		return l != L_BIGL;
	default:
		return 0;
	}
}

int lx_fmt_native(const char *fmt)
{
	const char *p = fmt;

	while ((p = strchr(p, '%'))) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		if (lx_printf_extended || !native_conv(&p))
			return 0;
	}
	return 1;
}
