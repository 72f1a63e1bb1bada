/*
 * Template of the string functions for one vector width (fast-vec.h):
 * fast-str.c includes it once per width.
 *
 * No function reads a byte of a page that its contract does not let it
 * touch: the one-pointer scans load whole vectors at aligned addresses
 * (an aligned vector never straddles a page), starting with the vector
 * that holds the first byte, whose bytes before the start are masked
 * off; they stop at the vector that holds the terminator or the limit.
 * strcmp and strncmp, with two pointers of any alignment, load unaligned
 * vectors only where neither crosses a page, bytes otherwise.
 */

/* What the scans look for: the terminator, a byte C, or either. */
enum { FN(find_nul), FN(find_c), FN(find_c_or_nul) };

/* A vector whose bytes are zero where V's bytes are what WHAT looks for. */
static inline __attribute__((always_inline)) VT
FN(key)(VT v, VT cv, int what)
{
	if (what == FN(find_nul))
		return v;
	if (what == FN(find_c))
		return VXOR(v, cv);
	return VMIN(VXOR(v, cv), v);
}

static inline __attribute__((always_inline)) uint32_t
FN(hits)(const unsigned char *p, VT cv, int what)
{
	return VMASK(VEQ(FN(key)(VLOADA(p), cv, what), VZERO()));
}

/* The first byte at or after S that WHAT looks for (no limit). */
/* Whether the four aligned vectors at P hold a hit. */
static inline __attribute__((always_inline)) int
FN(hits4)(const unsigned char *p, VT cv, int what)
{
	VT k = VMIN(VMIN(FN(key)(VLOADA(p), cv, what),
		FN(key)(VLOADA(p + V), cv, what)),
		VMIN(FN(key)(VLOADA(p + 2 * V), cv, what),
		FN(key)(VLOADA(p + 3 * V), cv, what)));

	return VMASK(VEQ(k, VZERO())) != 0;
}

static inline __attribute__((always_inline)) const unsigned char *
FN(scan)(const void *str, int c, int what)
{
	const unsigned char *s = str;
	uintptr_t off = (uintptr_t)s & (V - 1);
	const unsigned char *p = s - off;
	VT cv = VSET1(c);
	uint32_t m = FN(hits)(p, cv, what) >> off;

	if (m)
		return s + __builtin_ctz(m);
	for (p += V; (uintptr_t)p & (4 * V - 1); p += V)
		if ((m = FN(hits)(p, cv, what)) != 0)
			return p + __builtin_ctz(m);
	/* 4V-aligned blocks: four vectors of one page at a time. */
	for (;; p += 4 * V) {
		if (FN(hits4)(p, cv, what))
			break;
	}
	for (;; p += V)
		if ((m = FN(hits)(p, cv, what)) != 0)
			return p + __builtin_ctz(m);
}

/* The same within the N bytes at S, or NULL. Every vector loaded starts
 * before S + N. */
static inline __attribute__((always_inline)) const unsigned char *
FN(scan_n)(const void *str, int c, size_t n, int what)
{
	const unsigned char *s = str;
	uintptr_t off = (uintptr_t)s & (V - 1);
	const unsigned char *p = s - off;
	VT cv = VSET1(c);
	uint32_t m;
	size_t left;		/* bytes from p on that may be looked at */

	if (n == 0)
		return NULL;
	m = FN(hits)(p, cv, what) >> off;
	if (m)
		return (size_t)__builtin_ctz(m) < n ? s + __builtin_ctz(m) : NULL;
	if (n <= V - off)
		return NULL;
	left = n - (V - off);
	p += V;
	while (left > 4 * V) {
		if ((uintptr_t)p & (4 * V - 1)) {
			if ((m = FN(hits)(p, cv, what)) != 0)
				return p + __builtin_ctz(m);
			p += V;
			left -= V;
			continue;
		}
		if (FN(hits4)(p, cv, what))
			break;
		p += 4 * V;
		left -= 4 * V;
	}
	for (;; p += V, left -= V) {
		if ((m = FN(hits)(p, cv, what)) != 0)
			return (size_t)__builtin_ctz(m) < left ?
				p + __builtin_ctz(m) : NULL;
		if (left <= V)
			return NULL;
	}
}

size_t
FN(strlen)(const char *s)
{
	return (size_t)((const char *)FN(scan)(s, 0, FN(find_nul)) - s);
}

size_t
FN(strnlen)(const char *s, size_t n)
{
	const char *p = (const char *)FN(scan_n)(s, 0, n, FN(find_nul));

	return p ? (size_t)(p - s) : n;
}

char *
FN(strchrnul)(const char *s, int c)
{
	return (char *)FN(scan)(s, c, FN(find_c_or_nul));
}

char *
FN(strchr)(const char *s, int c)
{
	char *p = (char *)FN(scan)(s, c, FN(find_c_or_nul));

	return *p == (char)c ? p : NULL;
}

void *
FN(rawmemchr)(const void *s, int c)
{
	return (void *)FN(scan)(s, c, FN(find_c));
}

void *
FN(memchr)(const void *s, int c, size_t n)
{
	return (void *)FN(scan_n)(s, c, n, FN(find_c));
}

/* Vector masks of bytes from index I on (I < V), and below index I (I <= V). */
#define MASK_FROM(i)	((uint32_t)(VALL << (i)) & VALL)
#define MASK_BELOW(i)	((uint32_t)(((uint64_t)1 << (i)) - 1))

void *
FN(memrchr)(const void *str, int c, size_t n)
{
	const unsigned char *s = str, *end = s + n, *p;
	VT cv = VSET1(c);
	uint32_t m;

	if (n == 0)
		return NULL;
	p = (const unsigned char *)((uintptr_t)(end - 1) & -(uintptr_t)V);
	m = VMASK(VEQ(VLOADA(p), cv)) & MASK_BELOW(end - p);
	for (;;) {
		if (p <= s)
			m &= MASK_FROM(s - p);
		if (m)
			return (void *)(p + 31 - __builtin_clz(m));
		if (p <= s)
			return NULL;
		p -= V;
		m = VMASK(VEQ(VLOADA(p), cv));
	}
}

char *
FN(strrchr)(const char *str, int c)
{
	const unsigned char *s = (const unsigned char *)str, *p, *last = NULL;
	uintptr_t off = (uintptr_t)s & (V - 1);
	VT cv = VSET1(c), z = VZERO();
	uint32_t zm, cm;

	if ((unsigned char)c == 0)
		return (char *)FN(scan)(s, 0, FN(find_nul));
	p = s - off;
	zm = VMASK(VEQ(VLOADA(p), z)) & MASK_FROM(off);
	cm = VMASK(VEQ(VLOADA(p), cv)) & MASK_FROM(off);
	for (;;) {
		if (zm) {
			/* the hits up to the terminator */
			cm &= zm ^ (zm - 1);
			return (char *)(cm ? p + 31 - __builtin_clz(cm) : last);
		}
		if (cm)
			last = p + 31 - __builtin_clz(cm);
		p += V;
		zm = VMASK(VEQ(VLOADA(p), z));
		cm = VMASK(VEQ(VLOADA(p), cv));
	}
}

/* Whether a V-byte load at P would reach into the next page. */
#define CROSSES(p)	(((uintptr_t)(p) & 4095) > 4096 - V)

/*
 * strncmp with N, and strcmp with N = SIZE_MAX: the difference of the
 * first differing bytes as unsigned char (glibc's variants give it so),
 * 0 if the strings agree up to a terminator or N bytes.
 */
static inline __attribute__((always_inline)) int
FN(cmp)(const char *sa, const char *sb, size_t n)
{
	const unsigned char *a = (const unsigned char *)sa;
	const unsigned char *b = (const unsigned char *)sb;
	size_t i = 0, j;

	for (;;) {
		if (i >= n)
			return 0;
		if (CROSSES(a + i) || CROSSES(b + i)) {
			/* bytes, up to the next vector of either page */
			for (j = 0; j < V && i < n; j++, i++)
				if (a[i] != b[i] || a[i] == 0)
					return (int)a[i] - (int)b[i];
			continue;
		}
		VT va = VLOADU(a + i), vb = VLOADU(b + i);
		/* zero where the bytes differ or A's is the terminator */
		uint32_t m = VMASK(VEQ(VMIN(va, VEQ(va, vb)), VZERO()));

		if (m) {
			size_t k = i + __builtin_ctz(m);

			return k < n ? (int)a[k] - (int)b[k] : 0;
		}
		i += V;
	}
}

int
FN(strcmp)(const char *a, const char *b)
{
	return FN(cmp)(a, b, SIZE_MAX);
}

int
FN(strncmp)(const char *a, const char *b, size_t n)
{
	return FN(cmp)(a, b, n);
}

char *
FN(stpcpy)(char *d, const char *s)
{
	size_t n = FN(strlen)(s);

	FN(memcpy)(d, s, n + 1);
	return d + n;
}

char *
FN(strcpy)(char *d, const char *s)
{
	FN(stpcpy)(d, s);
	return d;
}

#undef MASK_FROM
#undef MASK_BELOW
#undef CROSSES
