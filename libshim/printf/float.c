/*
 * The printf formatter's floating-point conversions: %a and %A are made
 * here as glibc prints them (its leading hex digit for subnormals and for
 * the x87 long double, rounding to even at a given precision); %e, %f and
 * %g go to musl with a rebuilt single-conversion format.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt-int.h"

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

		snprintf(prefix, sizeof prefix, "%s", fmt_sign(cv, h->neg));
		return fmt_put_number(b, cv, prefix, s, 3, 0, 0);
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
	r = fmt_put(&body, digits, d - digits);
	if (!r && cv->prec > h->nfrac)
		r = fmt_fill(&body, '0', cv->prec - h->nfrac);
	if (!r)
		r = fmt_musl_conv(&body, "%c%+d", upper ? 'P' : 'p', h->exp);
	snprintf(prefix, sizeof prefix, "%s0%c", fmt_sign(cv, h->neg),
	    upper ? 'X' : 'x');
	if (!r)
		r = fmt_put_number(b, cv, prefix, body.p, body.len, 0,
		    cv->flags & F_ZERO);
	lx_fmt_free(&body);
	return r;
}

int fmt_conv_float(struct lx_fmtbuf *b, const struct conv *cv,
    const union val *v, int type)
{
	char spec[48];
	struct hexfp h;

	if (cv->c == 'a' || cv->c == 'A') {
		if (type & LX_PA_FLAG_LONG_DOUBLE)
			hex_ldouble(v->ld, &h);
		else
			hex_double(v->d, &h);
		return conv_hexfloat(b, cv, &h, cv->c == 'A');
	}
	if (type & LX_PA_FLAG_LONG_DOUBLE) {
		fmt_musl_spec(spec, cv, "L", cv->c);
		return fmt_musl_conv(b, spec, v->ld);
	}
	fmt_musl_spec(spec, cv, "", cv->c);
	return fmt_musl_conv(b, spec, v->d);
}
