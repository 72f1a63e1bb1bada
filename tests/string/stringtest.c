/*
 * The string functions against glibc's: memcpy, memmove, memset, memcmp,
 * bcmp, strlen, strnlen, strchr, strchrnul, strrchr, memchr, memrchr,
 * rawmemchr, strcmp, strncmp, strcpy and stpcpy, at every alignment of
 * their pointers (0..63, or 0..31 each for two), every length 0..300 and
 * some large ones, bytes from 0x80 on, overlapping moves both ways, and
 * data that ends at a page followed by an inaccessible one (or starts
 * after one), where reading a byte too many faults.
 *
 * A record is one FNV-1a hash per size class of everything the calls
 * gave: results (as offsets) and the bytes of the destination and around
 * it. memcmp and bcmp are recorded by the sign of their result only: the
 * C standard specifies no more, and glibc's own variants differ in the
 * value (some give -1 and 1); strcmp and strncmp give the difference of
 * the first differing bytes in every glibc variant and are checked for
 * it. The shim build runs every case once per variant (shim.h).
 */
#include <sys/mman.h>

#include "difftest.h"

#define MAXN	300
#define PAGE	4096

/* Size classes of the records: a failure names where to look. */
static const size_t class_end[] = { 16, 32, 64, 128, 256, MAXN + 1 };
#define NCLASS	(sizeof class_end / sizeof class_end[0])
static uint64_t hash[NCLASS];

static unsigned char src[64 + MAXN + 64 + 64] __attribute__((aligned(64)));
static unsigned char src2[64 + MAXN + 64 + 64] __attribute__((aligned(64)));
static unsigned char dst[64 + MAXN + 64 + 64] __attribute__((aligned(64)));
static unsigned char big[2][70000] __attribute__((aligned(64)));

/* Called through volatile pointers: never expanded by the compiler. */
static void *(*volatile t_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile t_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile t_memset)(void *, int, size_t) = memset;
static int (*volatile t_memcmp)(const void *, const void *, size_t) = memcmp;
static int (*volatile t_bcmp)(const void *, const void *, size_t) = bcmp;
static size_t (*volatile t_strlen)(const char *) = strlen;
static size_t (*volatile t_strnlen)(const char *, size_t) = strnlen;
static char *(*volatile t_strchr)(const char *, int) = strchr;
static char *(*volatile t_strchrnul)(const char *, int) = strchrnul;
static char *(*volatile t_strrchr)(const char *, int) = strrchr;
static void *(*volatile t_memchr)(const void *, int, size_t) = memchr;
static void *(*volatile t_memrchr)(const void *, int, size_t) = memrchr;
static void *(*volatile t_rawmemchr)(const void *, int) = F(rawmemchr);
static int (*volatile t_strcmp)(const char *, const char *) = strcmp;
static int (*volatile t_strncmp)(const char *, const char *, size_t) =
	strncmp;
static char *(*volatile t_strcpy)(char *, const char *) = strcpy;
static char *(*volatile t_stpcpy)(char *, const char *) = stpcpy;

static void h_start(void)
{
	for (size_t i = 0; i < NCLASS; i++)
		hash[i] = 0xcbf29ce484222325u;
}

static void h_bytes(size_t n, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t c = 0;

	while (n >= class_end[c] && c < NCLASS - 1)
		c++;
	for (size_t i = 0; i < len; i++)
		hash[c] = (hash[c] ^ b[i]) * 0x100000001b3u;
}

static void h_long(size_t n, long v)
{
	h_bytes(n, &v, sizeof v);
}

/* A pointer result as an offset from BASE, -1 for NULL. */
static void h_ptr(size_t n, const void *p, const void *base)
{
	h_long(n, p ? (long)((const char *)p - (const char *)base) : -1);
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void h_done(const char *name)
{
	for (size_t i = 0; i < NCLASS; i++)
		dt_say("%s%016llx", i ? " " : "", (unsigned long long)hash[i]);
	dt_done(name, NULL);
}

/* Bytes 1..255 (no 0) in a pattern that depends on SEED, many >= 0x80. */
static void fill(unsigned char *p, size_t len, unsigned seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)((i * 167 + seed * 31 + 1) % 255 + 1);
}

static void test_copy(int move)
{
	h_start();
	fill(src, sizeof src, 1);
	for (size_t n = 0; n <= MAXN; n++)
		for (int sa = 0; sa < 32; sa++)
			for (int da = 0; da < 32; da++) {
				unsigned char *d = dst + 32 + da;
				void *r;

				fill(dst, 64 + n + 32, 7);
				r = (move ? t_memmove : t_memcpy)(d,
					src + 32 + sa, n);
				h_ptr(n, r, d);
				h_bytes(n, dst + 16 + da, n + 32);
			}
	h_done(move ? "memmove" : "memcpy");
}

/* Large sizes, around the rep movsb thresholds and the loop's ends. */
static const size_t large[] = { 301, 511, 512, 513, 1000, 2047, 2048,
	2049, 3000, 4095, 4096, 4097, 8191, 8192, 10000, 65536 + 7 };
static const int large_align[] = { 0, 1, 15, 16, 31, 33, 63 };
#define NL(a)	(sizeof (a) / sizeof (a)[0])

static void test_copy_large(void)
{
	h_start();
	fill(big[0], sizeof big[0], 3);
	for (size_t i = 0; i < NL(large); i++)
		for (size_t sa = 0; sa < NL(large_align); sa++)
			for (size_t da = 0; da < NL(large_align); da++) {
				size_t n = large[i];
				unsigned char *s = big[0] + large_align[sa];
				unsigned char *d = big[1] + 64 +
					large_align[da];

				fill(big[1], n + 192, 5);
				h_ptr(MAXN, t_memcpy(d, s, n), d);
				h_bytes(MAXN, big[1], n + 192);
				fill(big[1], n + 192, 5);
				h_ptr(MAXN, t_memmove(d, s, n), d);
				h_bytes(MAXN, big[1], n + 192);
				h_ptr(MAXN, t_memset(d, (int)(n + da), n), d);
				h_bytes(MAXN, big[1], n + 192);
			}
	h_done("large");
}

/* memmove within one buffer, the destination DELTA bytes from the source. */
static const int deltas[] = { 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33,
	63, 64, 65, 100, 127, 128, 129, 255, 256, 300 };

static void test_overlap(void)
{
	static unsigned char buf[1024] __attribute__((aligned(64)));

	h_start();
	for (size_t n = 0; n <= MAXN; n++)
		for (int a = 0; a < 32; a++)
			for (size_t k = 0; k < 2 * NL(deltas); k++) {
				int delta = deltas[k / 2] * (k & 1 ? -1 : 1);
				unsigned char *s = buf + 320 + a;
				/* what the move may touch, and 16 around */
				unsigned char *w = s - deltas[k / 2] - 16;
				size_t wlen = n + 2 * (size_t)deltas[k / 2] + 32;

				fill(w, wlen, (unsigned)n);
				h_ptr(n, t_memmove(s + delta, s, n), s + delta);
				h_bytes(n, w, wlen);
			}
	h_done("memmove-overlap");
	h_start();
	for (size_t i = 0; i < NL(large); i++)
		for (size_t k = 0; k < 2 * NL(deltas); k++) {
			int delta = deltas[k / 2] * (k & 1 ? -1 : 1);
			unsigned char *s = big[0] + 512 + 3;
			size_t n = large[i];

			fill(big[0], n + 1024, (unsigned)k);
			h_ptr(MAXN, t_memmove(s + delta, s, n), s + delta);
			h_bytes(MAXN, big[0], n + 1024);
		}
	h_done("memmove-overlap-large");
}

static void test_memset(void)
{
	static const int cs[] = { 0, 0x5a, 0x80, 0xff, 0x1234 };

	h_start();
	for (size_t n = 0; n <= MAXN; n++)
		for (int da = 0; da < 64; da++)
			for (size_t c = 0; c < NL(cs); c++) {
				unsigned char *d = dst + 32 + da;

				fill(dst, 64 + n + 64, 9);
				h_ptr(n, t_memset(d, cs[c], n), d);
				h_bytes(n, dst + 16 + da, n + 32);
			}
	h_done("memset");
}

/* memcmp and bcmp of equal data, then of data differing at one byte. */
static void test_memcmp(void)
{
	h_start();
	fill(src, sizeof src, 2);
	for (size_t n = 0; n <= MAXN; n++)
		for (int aa = 0; aa < 32; aa++)
			for (int ba = 0; ba < 32; ba++) {
				unsigned char *a = src + 32 + aa;
				unsigned char *b = src2 + 32 + ba;
				size_t at[3] = { 0, n / 2, n - 1 };

				for (size_t i = 0; i < n + 32; i++)
					b[i] = a[i];
				h_long(n, sign(t_memcmp(a, b, n)));
				h_long(n, !t_bcmp(a, b, n));
				for (int k = 0; k < 3 && n; k++) {
					unsigned char was = b[at[k]];

					b[at[k]] = (unsigned char)(was + 0x81);
					h_long(n, sign(t_memcmp(a, b, n)));
					h_long(n, sign(t_memcmp(b, a, n)));
					h_long(n, !t_bcmp(a, b, n));
					b[at[k]] = was;
				}
			}
	h_done("memcmp");
}

/* A string of length L at S (nonzero bytes, then 0, then more bytes). */
static void string_at(unsigned char *buf, size_t cap, unsigned char *s,
	size_t l, unsigned seed)
{
	fill(buf, cap, seed);
	s[l] = 0;
}

static void test_scan(void)
{
	static const int cs[] = { 0x41, 0xc3, 0x100 + 0xc3, 0 };
	unsigned char *s;

	h_start();
	for (size_t l = 0; l <= MAXN; l++)
		for (int a = 0; a < 64; a++) {
			s = src + 32 + a;
			string_at(src, sizeof src, s, l, (unsigned)(l + a));
			h_long(l, (long)t_strlen((char *)s));
			h_long(l, (long)t_strnlen((char *)s, 0));
			h_long(l, (long)t_strnlen((char *)s, l / 2));
			h_long(l, (long)t_strnlen((char *)s, l));
			h_long(l, (long)t_strnlen((char *)s, l + 1));
			h_long(l, (long)t_strnlen((char *)s, SIZE_MAX));
			for (size_t c = 0; c < NL(cs); c++) {
				/* one needle in the middle, another near the
				 * end; and C where the string has none */
				for (int put = 0; put < 2; put++) {
					if (put && l > 0) {
						s[l / 2] = (unsigned char)cs[c];
						s[l - 1] = (unsigned char)cs[c];
						if (cs[c] == 0)
							s[l - 1] = 1;
					}
					h_ptr(l, t_strchr((char *)s, cs[c]), s);
					h_ptr(l, t_strchrnul((char *)s, cs[c]), s);
					h_ptr(l, t_strrchr((char *)s, cs[c]), s);
					h_ptr(l, t_memchr(s, cs[c], l), s);
					h_ptr(l, t_memchr(s, cs[c], l / 2 + 1), s);
					h_ptr(l, t_memrchr(s, cs[c], l), s);
					h_ptr(l, t_memrchr(s, cs[c], l / 2), s);
					h_ptr(l, t_rawmemchr(s, cs[c]), s);
				}
				string_at(src, sizeof src, s, l,
					(unsigned)(l + a));
			}
		}
	h_done("scan");
}

static void test_strcmp(void)
{
	h_start();
	for (size_t l = 0; l <= MAXN; l++)
		for (int aa = 0; aa < 32; aa++)
			for (int ba = 0; ba < 32; ba++) {
				unsigned char *a = src + 32 + aa;
				unsigned char *b = src2 + 32 + ba;
				size_t at[3] = { 0, l / 2, l ? l - 1 : 0 };

				string_at(src, sizeof src, a, l, 4);
				for (size_t i = 0; i <= l; i++)
					b[i] = a[i];
				h_long(l, t_strcmp((char *)a, (char *)b));
				h_long(l, t_strncmp((char *)a, (char *)b, l));
				h_long(l, t_strncmp((char *)a, (char *)b,
					SIZE_MAX));
				for (int k = 0; k < 3 && l; k++) {
					unsigned char was = b[at[k]];
					size_t p = at[k];

					/* a differing byte, then B ending there */
					b[p] = (unsigned char)(was ^ 0x80);
					if (b[p] == 0)
						b[p] = 1;
					h_long(l, t_strcmp((char *)a, (char *)b));
					h_long(l, t_strcmp((char *)b, (char *)a));
					h_long(l, t_strncmp((char *)a, (char *)b,
						p));
					h_long(l, t_strncmp((char *)a, (char *)b,
						p + 1));
					b[p] = 0;
					h_long(l, t_strcmp((char *)a, (char *)b));
					h_long(l, t_strncmp((char *)b, (char *)a,
						l + 5));
					b[p] = was;
				}
			}
	h_done("strcmp");
}

static void test_strcpy(void)
{
	h_start();
	for (size_t l = 0; l <= MAXN; l++)
		for (int sa = 0; sa < 32; sa++)
			for (int da = 0; da < 32; da++) {
				unsigned char *s = src + 32 + sa;
				unsigned char *d = dst + 32 + da;

				string_at(src, sizeof src, s, l, 6);
				fill(dst, 64 + l + 32, 8);
				h_ptr(l, t_strcpy((char *)d, (char *)s), d);
				h_bytes(l, dst + 16 + da, l + 32);
				fill(dst, 64 + l + 32, 8);
				h_ptr(l, t_stpcpy((char *)d, (char *)s), d);
				h_bytes(l, dst + 16 + da, l + 32);
			}
	h_done("strcpy");
}

/*
 * Data that ends at the end of a page followed by an inaccessible one,
 * or starts at the start of a page after one: a read too far faults.
 * PAGES is [none][data][data][none]; data ends at HI, starts at LO.
 */
static unsigned char *pages;

static void test_guard(void)
{
	unsigned char *hi, *lo, *a, *b, *d;

	h_start();
	hi = pages + 3 * PAGE;
	lo = pages + PAGE;
	for (size_t n = 0; n <= MAXN; n++) {
		/* the last N bytes of the data pages, a string ending there */
		a = hi - n;
		fill(lo, 2 * PAGE, 11);
		h_long(n, sign(t_memcmp(a, lo, n)));
		h_long(n, sign(t_memcmp(lo, a, n)));
		h_ptr(n, t_memchr(a, 0x100, n), a);
		h_ptr(n, t_memrchr(lo, 0x100, n), lo);
		h_ptr(n, t_memrchr(a, 0x101, n), a);
		h_long(n, (long)t_strnlen((char *)a, n));
		d = lo + 64;
		h_ptr(n, t_memcpy(d, a, n), d);
		h_ptr(n, t_memmove(a, a + (n > 0), n ? n - 1 : 0), a);
		h_ptr(n, t_memmove(lo, lo + 1, n), lo);
		h_ptr(n, t_memmove(lo + 1, lo, n), lo + 1);
		h_ptr(n, t_memset(a, 0x77, n), a);
		h_bytes(n, lo, 2 * PAGE);
		if (n == 0)
			continue;
		/* a string of length N-1 whose terminator is the last byte */
		fill(lo, 2 * PAGE, 12);
		hi[-1] = 0;
		h_long(n, (long)t_strlen((char *)a));
		h_long(n, (long)t_strnlen((char *)a, n + 100));
		h_ptr(n, t_strchr((char *)a, 0x41), a);
		h_ptr(n, t_strchrnul((char *)a, 0x41), a);
		h_ptr(n, t_strrchr((char *)a, 0x41), a);
		h_ptr(n, t_strrchr((char *)a, 0), a);
		h_ptr(n, t_rawmemchr(a, 0), a);
		/* two strings ending at the page end: B at the start of the
		 * second page ends with the same bytes */
		b = lo + PAGE - n;
		for (size_t i = 0; i < n; i++)
			b[i] = a[i];
		h_long(n, t_strcmp((char *)a, (char *)b));
		h_long(n, t_strncmp((char *)a, (char *)b, n + 7));
		h_long(n, t_strcmp((char *)a + n / 2, (char *)b));
		h_long(n, t_strcmp((char *)b, (char *)a + n / 2));
		h_long(n, t_strncmp((char *)b + n / 3, (char *)a, SIZE_MAX));
		d = lo + 128 + (n & 31);
		h_ptr(n, t_strcpy((char *)d, (char *)a), d);
		h_ptr(n, t_stpcpy((char *)d + 1, (char *)a), d);
		h_bytes(n, lo, 2 * PAGE);
	}
	h_done("guard");
}

int main(int argc, char **argv)
{
	dt_start(argc, argv);
	pages = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED || mprotect(pages, PAGE, PROT_NONE) ||
	    mprotect(pages + 3 * PAGE, PAGE, PROT_NONE)) {
		perror("mmap");
		return 2;
	}
	for (int v = 0; v < VARIANTS; v++) {
		const char *name = variant_use(v);

		if (name == NULL) {
			fprintf(stderr, "variant %d: not on this CPU\n", v);
			continue;
		}
		fprintf(stderr, "variant %s\n", name);
		test_copy(0);
		test_copy(1);
		test_copy_large();
		test_overlap();
		test_memset();
		test_memcmp();
		test_scan();
		test_strcmp();
		test_strcpy();
		test_guard();
	}
	return dt_finish();
}
