/*
 * Number parsing on hard cases, run natively and through the shim: the
 * outputs must be the same. For every input, strtod, strtof, strtold,
 * wcstod and the _FloatN aliases print the value's bits, how much of the
 * input was consumed and errno. The inputs: subnormals and the boundaries
 * of underflow and overflow, decimal halfway cases (with the deciding digit
 * hundreds of digits in), hex floats with rounding, inf and nan in every
 * spelling, malformed numbers; then seeded random decimal strings around
 * the same boundaries.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void bytes(const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		printf("%02x", b[n]);
}

/* The value of FN(S) as TYPE: its first NBYTES bytes, how much of S it
 * took and errno. */
#define SHOW(tag, type, fn, nbytes) do { \
	type v_; \
	char *e_; \
	errno = 0; \
	v_ = fn(s, &e_); \
	err = errno; \
	printf("  %s ", tag); \
	bytes(&v_, nbytes); \
	printf(" +%td e%d\n", e_ - s, err); \
} while (0)

static void one(const char *s)
{
	wchar_t ws[2048], *we;
	double d;
	int err;

	printf("[%.60s%s] len %zu\n", s, strlen(s) > 60 ? "..." : "",
	    strlen(s));
	errno = 0;
	d = strtod(s, NULL);
	printf("  %a\n", d);
	SHOW("d ", double, strtod, sizeof(double));
	SHOW("f ", float, strtof, sizeof(float));
	SHOW("ld", long double, strtold, 10);
	SHOW("f32", _Float32, strtof32, sizeof(_Float32));
	SHOW("f64", _Float64, strtof64, sizeof(_Float64));
	SHOW("f32x", _Float32x, strtof32x, sizeof(_Float32x));
	SHOW("f64x", _Float64x, strtof64x, 10);
	if (mbstowcs(ws, s, sizeof ws / sizeof ws[0]) != (size_t)-1) {
		errno = 0;
		d = wcstod(ws, &we);
		err = errno;
		printf("  wd ");
		bytes(&d, sizeof d);
		printf(" +%td e%d\n", we - ws, err);
	}
}

static const char *const fixed[] = {
	/* Plain values, signs, white space. */
	"0", "-0", "+0", "  \t\n1.5", "-.5", "+.5e1", "1.", ".1", "007",
	"1e0", "1E+2", "1e-2", "123456789012345678901234567890",
	/* Malformed: nothing or a prefix converts. */
	"", " ", ".", "-", "+", "e5", ".e5", "1e", "1e+", "1e-", "1ex",
	"--1", "+-1", "0x", "0x.", "0xg", "0x1p", "0x1p+", "0x1.8p-", "1..2",
	/* Around the bounds of exact one-operation results (19 digits, a
	 * mantissa up to 2^53, powers of ten up to 22). */
	"1e22", "1e23", "-1e-22", "1e-23", "9007199254740992e22",
	"9007199254740993e-22", "123456789012345678", "1234567890123456789",
	"12345678901234567890", "0.000000000000000000001", "4.35", "0.1e1",
	"  +1.5e+3x", "1.5E-3", "1.e5", "00000000000000000000000000001.5",
	"1.0000000000000000000000000000001", "7e-0", "8e+000000000000000021",
	"9007199254740991.5", "2.5e-5", "1000000000000000000000000",
	/* Overflow and the largest values. */
	"1.7976931348623157e308", "1.7976931348623158e308",
	"1.7976931348623159e308", "1e308", "1e309", "-1e309", "1e400",
	"3.4028234663852886e38", "3.4028235677973366e38", "3.5e38",
	"1.18973149535723176502e4932", "1.2e4932", "1e5000",
	"1e2147483647", "1e2147483648", "1e99999999999999999999",
	/* Underflow, subnormals and the smallest values. */
	"2.2250738585072014e-308", "2.2250738585072011e-308",
	"2.2250738585072012e-308", "2.2250738585072009e-308",
	"4.9406564584124654e-324", "5e-324", "3e-324",
	"2.4703282292062327e-324", "2.4703282292062328e-324",
	"2.47032822920623272e-324", "1e-320", "1e-323", "1e-324",
	"1e-400", "-1e-400", "1.401298464324817e-45", "1e-45", "7e-46",
	"7.006492321624085e-46", "7.006492321624086e-46", "1e-38",
	"1.1754942e-38", "3.6451995318824746e-4951", "1e-4950", "1e-4952",
	"1e-2147483648", "1e-99999999999999999999", "0e99999999999",
	"0.000000000000000000000000000000000000000000000000000000001e-300",
	/* Decimal halfway cases and near-halfway cases. */
	"9007199254740993", "9007199254740993.0000000000000000000000001",
	"9007199254740995", "9007199254740992.9999999999999999999999",
	"16777217", "16777217.000000000000001", "16777219",
	"0.1", "0.2", "0.3", "1.1", "3.14159265358979323846264338327950288",
	"2.718281828459045235360287471352662497757",
	"1.00000000000000011102230246251565404236316680908203125",
	"1.00000000000000011102230246251565404236316680908203124",
	"1.00000000000000011102230246251565404236316680908203126",
	"8.98846567431158e307", "4.4501477170144023e-308",
	"1.8446744073709551615e19", "18446744073709551616",
	"9223372036854775807", "9223372036854775808",
	/* Hex floats, rounding at every width. */
	"0x1p0", "0X1P+3", "0x.8p1", "0x1.fffffffffffffp1023",
	"0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p1024",
	"0x1p-1022", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
	"0x1.8p-1074", "0x1.8p-1075", "0x3p-1076", "0x1p-1076",
	"0x1.000001p0", "0x1.0000008p0", "0x1.0000018p0", "0x1.00000000000008p0",
	"0x1.00000000000018p0", "0x1.000000000000000000000000000001p0",
	"0x1.fffffep127", "0x1.ffffffp127", "0x1p-149", "0x1p-150",
	"0x1.000002p-150", "0x1p-16445", "0x1p-16446", "0x1p16384",
	"0xffffffffffffffffffffffffp0", "-0x1.23456789abcdefp-5",
	"0x1p99999999999999999999", "0x1p-99999999999999999999",
	/* Just below the smallest normal: tiny or not after rounding. */
	"0x1.fffffffffffffp-1023", "0x1.ffffffffffffffp-1023",
	"0x1.fffffffffffff8p-1023", "0x1.fffffffffffff7ffffp-1023",
	"0x1.fffffep-127", "0x1.ffffffp-127", "0x1.fffffe8p-127",
	"0x1.fffffffffffffffep-16383", "0x1.ffffffffffffffffp-16383",
	"0x1.ffffffffffffffff8p-16383", "0x1.fffffffffffffffe8p-16383",
	"2.22507385850720113605740979670913197593481954635164564e-308",
	"2.2250738585072013830902327173324040642192159804623318306e-308",
	"4.9406564584124654417656879286822137236505980e-324",
	/* inf and nan in every spelling. */
	"inf", "INF", "Inf", "-inf", "+inf", "infinity", "INFINITY",
	"infinit", "infx", "in", "i", "nan", "NAN", "-nan", "+NaN", "nan()",
	"nan(123)", "nan(0x7)", "nan(abc_DEF09)", "nan(abc", "nan(a-b)",
	"nan(", "na", "nanx", "  -infinity!", "nan(0xfffffffffffff)",
	"nan(0x8000000000000)", "nan(0x7ffffffffffff)", "nan(0x400000)",
	"nan(0x3fffff)", "nan(-1)", "nan(010)", "nan(0xffffffffffffffffff)",
	"nan( 1)", "nan(+1)", "nan(1_)", "nan(0)", "-nan(5)", "nan(08)",
	"nan(0x4000000000000000)", "nan(0xffffffffffffffff)", "nan(_)",
	"nan(0x)", "NaN(0X1F)",
};

/* A seeded generator, the same in both runs. */
static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void randoms(int n)
{
	static const int exps[] = { 0, 1, 22, 23, 37, 38, 39, 45, 46, 300,
		307, 308, 309, 310, 320, 323, 324, 325, 4931, 4932, 4950, 4951 };
	char s[900];

	for (int i = 0; i < n; i++) {
		size_t len = 0;
		int digits = 1 + (int)(next() % (i % 10 == 0 ? 780 : 25));
		int e = exps[next() % (sizeof exps / sizeof exps[0])];

		if (next() % 4 == 0)
			s[len++] = '-';
		for (int k = 0; k < digits; k++) {
			s[len++] = (char)('0' + next() % 10);
			if (k == 0 && digits > 1)
				s[len++] = '.';
		}
		/* Some strings end in ...5000..., a decimal halfway shape. */
		if (i % 7 == 0 && digits > 20)
			for (int k = 0; k < 5 && len > 8; k++)
				s[len - 1 - (size_t)k] = k == 4 ? '5' : '0';
		len += (size_t)sprintf(s + len, "e%s%d",
		    next() % 2 ? "-" : "", e);
		s[len] = '\0';
		one(s);
	}
}

int main(void)
{
	char big[1200];

	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		one(fixed[i]);
	/* Long inputs: the deciding digit far from the first. */
	memset(big, '0', sizeof big);
	memcpy(big, "9007199254740993.", 17);
	big[17 + 700] = '1';
	big[17 + 701] = '\0';
	one(big);
	big[17 + 700] = '0';
	one(big);
	memcpy(big, "0.", 2);
	big[2 + 800] = '1';
	strcpy(big + 3 + 800, "e-10");
	one(big);
	for (size_t i = 0; i < 1100; i++)
		big[i] = (char)('1' + i % 9);
	big[1100] = '\0';
	one(big);
	randoms(3000);
	return 0;
}
