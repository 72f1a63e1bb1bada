/*
 * What glibc's floating-point parsers report beyond the value, decided
 * from the text the host's parser consumed and the value it returned:
 *
 *  - errno ERANGE on overflow to infinity, and when the result is tiny and
 *    inexact: IEEE underflow, with tininess detected after rounding as
 *    x86-64 does (the exact value, rounded to the type's precision with an
 *    unbounded exponent, is below the smallest normal number). A
 *    subnormal that is exact, such as 0x1p-1074, is not an error.
 *  - the sign of "-nan" and the payload of "nan(N-CHAR-SEQUENCE)": the
 *    sequence read as an unsigned number in base 0, masked to the
 *    mantissa, with the quiet bit set; ERANGE when it overflows.
 *
 * Tininess and exactness are settled by exact comparison of the input
 * with binary numbers, in big integers: the input is D * 10^E (or
 * D * 2^E for hex floats), where D keeps the first digits and one more
 * nonzero digit stands for any nonzero tail. That is exact as long as D
 * keeps more digits than the binary number compared with has in decimal,
 * which bounds the work by the type, whatever the input's length.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "shim/strto.h"

/* The text: the host's parser consumed N characters of C or W. */
struct text {
	const char *c;
	const wchar_t *w;
	size_t n;
};

static int at(const struct text *t, size_t i)
{
	if (i >= t->n)
		return -1;
	return t->c ? (unsigned char)t->c[i] : (t->w[i] < 128 ? (int)t->w[i] : -2);
}

static int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static int digit(int ch, int base)
{
	int v;

	ch = lower(ch);
	if (ch >= '0' && ch <= '9')
		v = ch - '0';
	else if (ch >= 'a' && ch <= 'z')
		v = ch - 'a' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

/* ---- Big unsigned integers, little-endian 32-bit limbs. ---- */

struct big {
	uint32_t *l;
	size_t n, cap;
};

static int big_init(struct big *b, size_t bits)
{
	b->cap = bits / 32 + 2;
	b->n = 0;
	b->l = calloc(b->cap, sizeof *b->l);
	return b->l ? 0 : -1;
}

static void big_mul_add(struct big *b, uint32_t m, uint32_t a)
{
	uint64_t carry = a;

	for (size_t i = 0; i < b->n; i++) {
		carry += (uint64_t)b->l[i] * m;
		b->l[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry && b->n < b->cap)
		b->l[b->n++] = (uint32_t)carry;
}

static void big_set64(struct big *b, uint64_t v)
{
	b->l[0] = (uint32_t)v;
	b->l[1] = (uint32_t)(v >> 32);
	b->n = b->l[1] ? 2 : b->l[0] ? 1 : 0;
}

/* B * 5^K. */
static void big_pow5(struct big *b, uint64_t k)
{
	for (; k >= 13; k -= 13)
		big_mul_add(b, 1220703125u, 0);	/* 5^13 */
	for (; k; k--)
		big_mul_add(b, 5, 0);
}

/* B * 2^K. */
static void big_shl(struct big *b, uint64_t k)
{
	size_t words = (size_t)(k / 32), bits = (size_t)(k % 32);

	if (!b->n)
		return;
	if (bits)
		big_mul_add(b, (uint32_t)1 << bits, 0);
	if (words) {
		memmove(b->l + words, b->l, b->n * sizeof *b->l);
		memset(b->l, 0, words * sizeof *b->l);
		b->n += words;
	}
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = a->n; i--;)
		if (a->l[i] != b->l[i])
			return a->l[i] < b->l[i] ? -1 : 1;
	return 0;
}

/* ---- The input as D * BASE^E. ---- */

struct num {
	struct big d;		/* the kept digits, with a sticky digit */
	int64_t e;		/* the power of 10 (decimal) or of 2 (hex) */
	int hex;
	int nonzero;
};

/* Read the number of T from index I (after the sign): at most KEEP
 * significant digits, a nonzero tail as one more nonzero digit. */
static int read_num(const struct text *t, size_t i, size_t keep,
	struct num *x)
{
	int base = 10, point = 0, sticky = 0, ch, v;
	size_t kept = 0;
	int64_t scale = 0, exp = 0;
	uint32_t acc = 0, mul = 1;

	if (at(t, i) == '0' && lower(at(t, i + 1)) == 'x') {
		base = 16;
		i += 2;
	}
	x->hex = base == 16;
	x->nonzero = 0;
	if (big_init(&x->d, (keep + 1) * 4 + 64))
		return -1;
	for (;; i++) {
		ch = at(t, i);
		if (ch == '.' && !point) {
			point = 1;
			continue;
		}
		if ((v = digit(ch, base)) < 0)
			break;
		if (!kept && !v) {
			scale -= point;		/* a leading zero */
			continue;
		}
		if (kept < keep) {
			kept++;
			acc = acc * (uint32_t)base + (uint32_t)v;
			mul *= (uint32_t)base;
			if (mul >= 100000000u) {
				big_mul_add(&x->d, mul, acc);
				acc = 0;
				mul = 1;
			}
			scale -= point;
		} else {
			sticky |= v != 0;
			scale += !point;
		}
	}
	if (mul > 1)
		big_mul_add(&x->d, mul, acc);
	if (sticky) {
		big_mul_add(&x->d, (uint32_t)base, 1);
		scale--;
	}
	x->nonzero = kept != 0;
	if (lower(ch) == (base == 16 ? 'p' : 'e')) {
		int neg = 0;

		ch = at(t, ++i);
		if (ch == '+' || ch == '-') {
			neg = ch == '-';
			ch = at(t, ++i);
		}
		for (; (v = digit(ch, 10)) >= 0; ch = at(t, ++i))
			if (exp < ((int64_t)1 << 40))
				exp = exp * 10 + v;
		if (neg)
			exp = -exp;
	}
	/* A hex digit is 4 bits: the scale counts digits. */
	x->e = exp + (base == 16 ? 4 * scale : scale);
	return 0;
}

/* Compare the input X with M * 2^K: -1, 0 or 1; 2 if out of memory. */
static int compare(const struct num *x, uint64_t m, unsigned mbits_extra,
	int64_t k)
{
	struct big a, b;
	int64_t e5 = x->hex ? 0 : x->e, e2 = x->e, shift;
	uint64_t p5 = (uint64_t)(e5 < 0 ? -e5 : e5);
	size_t bits;
	int r;

	shift = e2 - k;
	/* R is within a factor of two of X: far larger is a host's error. */
	if (p5 > 40000 || shift > 200000 || shift < -200000)
		return 2;
	bits = x->d.n * 32 + 64 + (size_t)(p5 * 7 / 3) +
		(size_t)(shift < 0 ? -shift : shift) + mbits_extra;
	if (big_init(&a, bits) || big_init(&b, bits)) {
		free(a.l);
		return 2;
	}
	memcpy(a.l, x->d.l, x->d.n * sizeof *a.l);
	a.n = x->d.n;
	big_set64(&b, m);
	/* M * 2^K with M's extra low bits all ones: (M + 1) * 2^EXTRA - 1. */
	if (mbits_extra) {
		big_shl(&b, mbits_extra);
		b.l[0] |= ((uint32_t)1 << mbits_extra) - 1;
	}
	if (e5 > 0)
		big_pow5(&a, p5);
	else
		big_pow5(&b, p5);
	if (shift > 0)
		big_shl(&a, (uint64_t)shift);
	else
		big_shl(&b, (uint64_t)-shift);
	r = big_cmp(&a, &b);
	free(a.l);
	free(b.l);
	return r;
}

/* The precision and smallest normal exponent of each type, and how many
 * significant digits are enough to compare with its numbers exactly. */
enum kind { K_FLOAT, K_DOUBLE, K_LDOUBLE };
static const struct {
	int p, emin;
	size_t keep;
} kinds[] = {
	[K_FLOAT] = { FLT_MANT_DIG, FLT_MIN_EXP - 1, 130 },
	[K_DOUBLE] = { DBL_MANT_DIG, DBL_MIN_EXP - 1, 800 },
	[K_LDOUBLE] = { LDBL_MANT_DIG, LDBL_MIN_EXP - 1, 11600 },
};

/* The ERANGE decision for a finite nonzero R of at most the smallest
 * normal magnitude: tiny and inexact. */
static int underflows(const struct num *x, long double r, enum kind kd)
{
	int p = kinds[kd].p, emin = kinds[kd].emin, ex, c;
	long double f = frexpl(fabsl(r), &ex);
	uint64_t m = (uint64_t)ldexpl(f, 64);

	/* Inexact: X differs from R = M * 2^(EX - 64). */
	c = compare(x, m, 0, ex - 64);
	if (c == 2 || c == 0)
		return 0;
	/* Tiny: X < 2^EMIN - 2^(EMIN - P - 1), the midpoint below the
	 * smallest normal, which rounds up to it (its mantissa is even):
	 * P + 1 one bits times 2^(EMIN - P - 1). */
	if (p + 1 <= 64)
		c = compare(x, p + 1 == 64 ? UINT64_MAX :
			((uint64_t)1 << (p + 1)) - 1, 0, emin - p - 1);
	else
		c = compare(x, UINT64_MAX, (unsigned)(p + 1 - 64),
			emin - p - 1);
	return c == -1;
}

/* The base-0 number of a NaN's parentheses, [I, END), or -1. */
static int nan_payload(const struct text *t, size_t i, size_t end,
	uint64_t *out, int *range)
{
	int base = 10, v;
	uint64_t r = 0;

	if (at(t, i) == '0') {
		base = 8;
		if (lower(at(t, i + 1)) == 'x' && digit(at(t, i + 2), 16) >= 0) {
			base = 16;
			i += 2;
		}
	}
	if (i >= end)
		return -1;
	*range = 0;
	for (; i < end; i++) {
		if ((v = digit(at(t, i), base)) < 0)
			return -1;
		if (r > (UINT64_MAX - (uint64_t)v) / (uint64_t)base) {
			*range = 1;
			r = UINT64_MAX;
		} else if (!*range) {
			r = r * (uint64_t)base + (uint64_t)v;
		}
	}
	*out = r;
	return 0;
}

static void fixup(const struct text *t, void *val, enum kind kd, int saved)
{
	size_t i = 0;
	int neg = 0, ch;
	long double r;
	struct num x;

	r = kd == K_FLOAT ? *(float *)val : kd == K_DOUBLE ? *(double *)val :
		*(long double *)val;
	if (!t->n)
		return;
	while ((ch = at(t, i)) == ' ' || (ch >= '\t' && ch <= '\r'))
		i++;
	if (ch == '+' || ch == '-') {
		neg = ch == '-';
		ch = at(t, ++i);
	}
	if (lower(ch) == 'i')
		return;
	if (lower(ch) == 'n') {
		uint64_t pay = 0, mask = ((uint64_t)1 << (kinds[kd].p - 1)) - 1;
		int range = 0, has;

		has = t->n >= i + 5 && at(t, i + 3) == '(' &&
			at(t, t->n - 1) == ')' &&
			!nan_payload(t, i + 4, t->n - 1, &pay, &range);
		if (kd == K_LDOUBLE)
			mask >>= 1;	/* the explicit integer bit */
		pay = (pay & mask) | ((uint64_t)1 << (kinds[kd].p - 2));
		if (kd == K_FLOAT) {
			uint32_t b = 0x7f800000u | (has ? (uint32_t)pay :
				0x400000u) | (neg ? 0x80000000u : 0);
			memcpy(val, &b, sizeof b);
		} else if (kd == K_DOUBLE) {
			uint64_t b = 0x7ff0000000000000u |
				(has ? pay : (uint64_t)1 << 51) |
				(neg ? (uint64_t)1 << 63 : 0);
			memcpy(val, &b, sizeof b);
		} else {
			unsigned char b[sizeof(long double)] = { 0 };
			uint64_t mant = ((uint64_t)1 << 63) |
				(has ? pay : (uint64_t)1 << 62);
			uint16_t se = 0x7fff | (neg ? 0x8000 : 0);

			memcpy(b, &mant, 8);
			memcpy(b + 8, &se, 2);
			memcpy(val, b, sizeof b);
		}
		errno = range ? ERANGE : saved;
		return;
	}
	if (isinf(r)) {
		errno = ERANGE;
		return;
	}
	if (read_num(t, i, kinds[kd].keep, &x))
		return;
	if (r == 0)
		errno = x.nonzero ? ERANGE : saved;
	else
		errno = underflows(&x, r, kd) ? ERANGE : saved;
	free(x.d.l);
}

#define FIXUP(name, C, field, type, kd) \
void name(const C *s, const C *end, type *v, int saved) \
{ \
	struct text t = { .field = s, .n = (size_t)(end - s) }; \
	fixup(&t, v, kd, saved); \
}

FIXUP(shim_strto_fixup_f, char, c, float, K_FLOAT)
FIXUP(shim_strto_fixup_d, char, c, double, K_DOUBLE)
FIXUP(shim_strto_fixup_ld, char, c, long double, K_LDOUBLE)
FIXUP(shim_wcsto_fixup_f, wchar_t, w, float, K_FLOAT)
FIXUP(shim_wcsto_fixup_d, wchar_t, w, double, K_DOUBLE)
FIXUP(shim_wcsto_fixup_ld, wchar_t, w, long double, K_LDOUBLE)
