/*
 * glibc's printf formatting where musl's differs. musl formats most
 * conversions exactly as glibc does, and the printf family hands those
 * formats to it unchanged (lx_fmt_native decides from the format alone).
 * The rest come here: "%p" ("(nil)", sign flags, precision), "%m" and
 * "%#m" with glibc's texts and names, "%s" of NULL, "%b"/"%B", "%a" of
 * subnormals and of long double (glibc's leading digit), the 'I' flag, the
 * 'q' and 'Z' lengths, "%5%", unknown conversions (glibc prints them back;
 * musl fails the whole call) and the conversions <printf.h> handlers were
 * registered for. The arguments are collected by type first (spec.c),
 * then each conversion is formatted: here (strings, %m, %n and the
 * registered handlers), in number.c or float.c, or by musl with a rebuilt
 * single-conversion format. The output buffer is kept here.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "shim/gnu.h"
#include "fmt-int.h"

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

int fmt_put(struct lx_fmtbuf *b, const char *s, size_t n)
{
	if (reserve(b, n))
		return -1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
	return 0;
}

int fmt_fill(struct lx_fmtbuf *b, char c, size_t n)
{
	if (reserve(b, n))
		return -1;
	memset(b->p + b->len, c, n);
	b->len += n;
	b->p[b->len] = 0;
	return 0;
}

/* musl's snprintf of one conversion SPEC into B. */
int __attribute__((format(printf, 2, 3)))
fmt_musl_conv(struct lx_fmtbuf *b, const char *spec, ...)
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
int fmt_put_padded(struct lx_fmtbuf *b, const struct conv *cv,
    const char *s, size_t n)
{
	size_t w = (size_t)cv->width > n ? cv->width - n : 0;

	if (!(cv->flags & F_LEFT) && fmt_fill(b, ' ', w))
		return -1;
	if (fmt_put(b, s, n))
		return -1;
	return cv->flags & F_LEFT ? fmt_fill(b, ' ', w) : 0;
}

/* SIGN PREFIX ZEROS DIGITS, padded to CV's width; '0' pads after PREFIX
 * when ZEROPAD. */
int fmt_put_number(struct lx_fmtbuf *b, const struct conv *cv,
    const char *prefix, const char *digits, size_t nd, size_t zeros,
    int zeropad)
{
	size_t np = strlen(prefix), total = np + zeros + nd;
	size_t w = (size_t)cv->width > total ? cv->width - total : 0;

	if (cv->flags & F_LEFT)
		zeropad = 0;
	if (!(cv->flags & F_LEFT) && !zeropad && fmt_fill(b, ' ', w))
		return -1;
	if (fmt_put(b, prefix, np) ||
	    fmt_fill(b, '0', zeros + (zeropad ? w : 0)) ||
	    fmt_put(b, digits, nd))
		return -1;
	return cv->flags & F_LEFT ? fmt_fill(b, ' ', w) : 0;
}

const char *fmt_sign(const struct conv *cv, int neg)
{
	if (neg)
		return "-";
	return cv->flags & F_PLUS ? "+" : cv->flags & F_SPACE ? " " : "";
}

/* musl's single-conversion format for CV: flags it knows, the resolved
 * width and precision, LEN, C. */
void fmt_musl_spec(char *s, const struct conv *cv, const char *len, int c)
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

/* %s, %ls, %S: glibc prints NULL as "(null)", or nothing when the
 * precision is below its length. */
static int conv_string(struct lx_fmtbuf *b, const struct conv *cv,
    void *s, int wide)
{
	char spec[48];

	if (!s) {
		struct conv c = *cv;

		if (cv->prec >= 0 && cv->prec < 6)
			return fmt_put_padded(b, cv, "", 0);
		c.prec = -1;
		return fmt_put_padded(b, &c, "(null)", 6);
	}
	if (!wide)	/* the bytes, up to the precision, padded */
		return fmt_put_padded(b, cv, s, cv->prec >= 0 ?
		    strnlen(s, cv->prec) : strlen(s));
	fmt_musl_spec(spec, cv, "l", 's');
	return fmt_musl_conv(b, spec, (wchar_t *)s);
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
	return fmt_put_padded(b, &c, s, cv->prec >= 0 ?
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
	fmt_info_of(cv, &in);
	r = lx_printf_specs[cv->c].func(f, &in,
	    (const void *const *)(cv->data_arg >= 0 ? ptrs + cv->data_arg :
	    ptrs));
	if (fclose(f) || (r < 0 && r != -2) || (r >= 0 && fmt_put(b, mem, n)))
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
		return fmt_conv_int(b, cv, &v, type);
	case 'b': case 'B':
		return fmt_conv_binary(b, cv, fmt_uint_arg(cv, &v, type));
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		return fmt_conv_float(b, cv, &v, type);
	case 'c': case 'C':
		if (cv->c == 'C' || cv->len == L_L) {
			fmt_musl_spec(spec, cv, "l", 'c');
			return fmt_musl_conv(b, spec, (wint_t)v.i);
		}
		fmt_musl_spec(spec, cv, "", 'c');
		return fmt_musl_conv(b, spec, v.i);
	case 's': case 'S':
		return conv_string(b, cv, v.p, cv->c == 'S' || cv->len == L_L);
	case 'p':
		return fmt_conv_pointer(b, cv, v.p);
	case 'n':
		return conv_count(cv, v.p, b->len + b->adj);
	case 'm':
		return conv_errno(b, cv, e);
	case '%':
		return fmt_put(b, "%", 1);
	default:
		return fmt_conv_unknown(b, cv);
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

		if (fmt_put(b, cv->lit, cv->litlen))
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
	if (fmt_parse(fmt, &ps))
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
	r = fmt_fetch_args(&ps, vals, ptrs, &aq);
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
	fmt_parse_free(&ps);
	return r;
}
