/*
 * The printf formatter's integer conversions where glibc's output is not
 * musl's: %p ("(nil)" for NULL, the sign flags, a precision), %b and %B,
 * plain %d/%i/%u (digits made here), and a conversion glibc does not know,
 * printed back; every other integer conversion goes to musl with a
 * rebuilt single-conversion format.
 */
#include <stdint.h>
#include <stdio.h>

#include "fmt-int.h"

/* %p: "(nil)" for NULL, else as "%#lx" with the sign flags. */
int fmt_conv_pointer(struct lx_fmtbuf *b, const struct conv *cv,
    void *p)
{
	char digits[20], prefix[4];
	size_t nd = 0, zeros;
	uintptr_t v = (uintptr_t)p;

	if (!p)
		return fmt_put_padded(b, cv, "(nil)", 5);
	for (uintptr_t t = v; t; t >>= 4)
		nd++;
	for (size_t i = nd; i > 0; v >>= 4)
		digits[--i] = "0123456789abcdef"[v & 15];
	zeros = cv->prec > 0 && (size_t)cv->prec > nd ? cv->prec - nd : 0;
	snprintf(prefix, sizeof prefix, "%s0x", fmt_sign(cv, 0));
	return fmt_put_number(b, cv, prefix, digits, nd, zeros,
	    cv->flags & F_ZERO && cv->prec < 0);
}

unsigned long long fmt_uint_arg(const struct conv *cv, const union val *v,
    int type)
{
	if (type & LX_PA_FLAG_LONG_LONG)
		return v->ll;
	if (type & LX_PA_FLAG_LONG)
		return (unsigned long)v->l;
	if (cv->len == L_HH)
		return (unsigned char)v->i;
	if (cv->len == L_H)
		return (unsigned short)v->i;
	return (unsigned)v->i;
}

/* %b, %B: binary, "0b"/"0B" for '#' and a nonzero value. */
int fmt_conv_binary(struct lx_fmtbuf *b, const struct conv *cv,
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
	return fmt_put_number(b, cv, prefix, digits, nd, zeros,
	    cv->flags & F_ZERO && cv->prec < 0);
}

/* A conversion glibc does not know: printed back as "%" FLAGS WIDTH
 * .PREC C, in glibc's order, without length or position. */
int fmt_conv_unknown(struct lx_fmtbuf *b, const struct conv *cv)
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
	return fmt_put(b, s, p - s);
}

int fmt_conv_int(struct lx_fmtbuf *b, const struct conv *cv,
    const union val *v, int type)
{
	char spec[48];

	/* plain %d, %i, %u: digits here, padded with spaces */
	if ((cv->c == 'd' || cv->c == 'i' || cv->c == 'u') &&
	    !(cv->flags & ~F_LEFT) && cv->prec < 0) {
		char digits[24], *d = digits + sizeof digits;
		long long sv = type & LX_PA_FLAG_LONG_LONG ? v->ll :
		    type & LX_PA_FLAG_LONG ? v->l : cv->len == L_HH ?
		    (signed char)v->i : cv->len == L_H ? (short)v->i : v->i;
		unsigned long long u = cv->c == 'u' ?
		    fmt_uint_arg(cv, v, type) :
		    sv < 0 ? 0ULL - (unsigned long long)sv :
		    (unsigned long long)sv;

		do
			*--d = (char)('0' + u % 10);
		while (u /= 10);
		if (cv->c != 'u' && sv < 0)
			*--d = '-';
		return fmt_put_padded(b, cv, d, digits + sizeof digits - d);
	}

	if (type & LX_PA_FLAG_LONG_LONG) {
		fmt_musl_spec(spec, cv, "ll", cv->c);
		return fmt_musl_conv(b, spec, v->ll);
	}
	if (type & LX_PA_FLAG_LONG) {
		fmt_musl_spec(spec, cv, "l", cv->c);
		return fmt_musl_conv(b, spec, v->l);
	}
	fmt_musl_spec(spec, cv, cv->len == L_HH ? "hh" : cv->len == L_H ? "h" :
	    "", cv->c);
	return fmt_musl_conv(b, spec, v->i);
}
