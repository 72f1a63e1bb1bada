/*
 * The printf formatter's reading of a format (fmt.c drives it): each
 * conversion with its flags, width, precision, length and position; the
 * types of the arguments it consumes, by glibc's rules or by a registered
 * arginfo function; and those arguments read from the va_list by type,
 * positional ones too. Also what is answered from the format alone:
 * lx_fmt_argtypes (parse_printf_format) and lx_fmt_native (whether musl
 * formats every conversion as glibc does).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt-int.h"

void fmt_parse_free(struct parse *ps)
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

void fmt_info_of(const struct conv *cv, struct lx_printf_info *in)
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

	fmt_info_of(cv, &in);
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

int fmt_parse(const char *fmt, struct parse *ps)
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
int fmt_fetch_args(struct parse *ps, union val *vals, void **ptrs,
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

size_t lx_fmt_argtypes(const char *fmt, size_t n, int *types)
{
	struct parse ps;
	size_t r = 0;

	PARSE_INIT(ps);
	if (!fmt_parse(fmt, &ps)) {
		for (size_t i = 0; i < n && i < ps.nargs; i++)
			if (ps.types[i] >= 0)
				types[i] = ps.types[i];
		r = ps.nargs;
	}
	fmt_parse_free(&ps);
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
