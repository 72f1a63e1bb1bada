/*
 * Template of the memory functions for one vector width (fast-vec.h):
 * fast-mem.c includes it once per width. Sizes up to 8 vectors are done
 * with loads of the head and of the tail that may overlap, every load
 * before the first store, so the same code is memmove's; larger sizes
 * store whole vectors at aligned destinations in a loop of 4, with the
 * unaligned head and tail loaded before the loop and stored after it.
 */

/* N < V: the widest scalar (or 16-byte) pairs that cover N bytes. */
static inline __attribute__((always_inline)) void
FN(copy_lt_v)(unsigned char *d, const unsigned char *s, size_t n)
{
	if (V == 32 && n >= 16) {
		__m128i a = XLOADU(s), b = XLOADU(s + n - 16);

		XSTOREU(d, a);
		XSTOREU(d + n - 16, b);
	} else if (n >= 8) {
		uint64_t a = LD64(s), b = LD64(s + n - 8);

		ST64(d, a);
		ST64(d + n - 8, b);
	} else if (n >= 4) {
		uint32_t a = LD32(s), b = LD32(s + n - 4);

		ST32(d, a);
		ST32(d + n - 4, b);
	} else if (n >= 2) {
		uint16_t a = LD16(s), b = LD16(s + n - 2);

		ST16(d, a);
		ST16(d + n - 2, b);
	} else if (n == 1) {
		*d = *s;
	}
}

/* N <= 8V, any overlap: everything is loaded before anything is stored. */
static inline __attribute__((always_inline)) void
FN(copy_le_8v)(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n < V) {
		FN(copy_lt_v)(d, s, n);
	} else if (n <= 2 * V) {
		VT a = VLOADU(s), b = VLOADU(s + n - V);

		VSTOREU(d, a);
		VSTOREU(d + n - V, b);
	} else if (n <= 4 * V) {
		VT a = VLOADU(s), b = VLOADU(s + V);
		VT c = VLOADU(s + n - 2 * V), e = VLOADU(s + n - V);

		VSTOREU(d, a);
		VSTOREU(d + V, b);
		VSTOREU(d + n - 2 * V, c);
		VSTOREU(d + n - V, e);
	} else {
		VT a = VLOADU(s), b = VLOADU(s + V);
		VT c = VLOADU(s + 2 * V), e = VLOADU(s + 3 * V);
		VT f = VLOADU(s + n - 4 * V), g = VLOADU(s + n - 3 * V);
		VT h = VLOADU(s + n - 2 * V), i = VLOADU(s + n - V);

		VSTOREU(d, a);
		VSTOREU(d + V, b);
		VSTOREU(d + 2 * V, c);
		VSTOREU(d + 3 * V, e);
		VSTOREU(d + n - 4 * V, f);
		VSTOREU(d + n - 3 * V, g);
		VSTOREU(d + n - 2 * V, h);
		VSTOREU(d + n - V, i);
	}
}

/*
 * N > 8V, ascending: correct when D does not overlap S or lies below it.
 * Each block is loaded before it is stored, and a store only reaches
 * source bytes already read; the head and tail, loaded first, are stored
 * last over what the loop wrote.
 */
static void
FN(copy_fwd)(unsigned char *d, const unsigned char *s, size_t n)
{
	VT head = VLOADU(s);
	VT t0 = VLOADU(s + n - 4 * V), t1 = VLOADU(s + n - 3 * V);
	VT t2 = VLOADU(s + n - 2 * V), t3 = VLOADU(s + n - V);
	unsigned char *end = d + n;
	size_t skew = V - ((uintptr_t)d & (V - 1));
	unsigned char *p = d + skew;
	const unsigned char *q = s + skew;

	while ((size_t)(end - p) > 4 * V) {
		VT a = VLOADU(q), b = VLOADU(q + V);
		VT c = VLOADU(q + 2 * V), e = VLOADU(q + 3 * V);

		VSTOREA(p, a);
		VSTOREA(p + V, b);
		VSTOREA(p + 2 * V, c);
		VSTOREA(p + 3 * V, e);
		p += 4 * V;
		q += 4 * V;
	}
	VSTOREU(d, head);
	VSTOREU(end - 4 * V, t0);
	VSTOREU(end - 3 * V, t1);
	VSTOREU(end - 2 * V, t2);
	VSTOREU(end - V, t3);
}

/* N > 8V, descending: for D above S and overlapping it (the mirror). */
static void
FN(copy_bwd)(unsigned char *d, const unsigned char *s, size_t n)
{
	VT tail = VLOADU(s + n - V);
	VT h0 = VLOADU(s), h1 = VLOADU(s + V);
	VT h2 = VLOADU(s + 2 * V), h3 = VLOADU(s + 3 * V);
	unsigned char *p = (unsigned char *)((uintptr_t)(d + n) & -(uintptr_t)V);

	while ((size_t)(p - d) > 4 * V) {
		const unsigned char *q;
		VT a, b, c, e;

		p -= 4 * V;
		q = s + (p - d);
		a = VLOADU(q);
		b = VLOADU(q + V);
		c = VLOADU(q + 2 * V);
		e = VLOADU(q + 3 * V);
		VSTOREA(p, a);
		VSTOREA(p + V, b);
		VSTOREA(p + 2 * V, c);
		VSTOREA(p + 3 * V, e);
	}
	VSTOREU(d + n - V, tail);
	VSTOREU(d, h0);
	VSTOREU(d + V, h1);
	VSTOREU(d + 2 * V, h2);
	VSTOREU(d + 3 * V, h3);
}

/*
 * Whether to copy N bytes with rep movsb: from shim_str_rep_min on, and
 * not when the destination is less than 64 bytes after the source
 * modulo the page size: rep movsb then runs 20 to 30 times slower than
 * the vector loop (measured on an AMD EPYC, 8 KiB copies; the same
 * 4 KiB aliasing glibc avoids).
 */
static inline __attribute__((always_inline)) int
FN(use_rep)(uintptr_t d, uintptr_t s, size_t n)
{
	return n >= shim_str_rep_min && ((d - s) & 4095) >= 64;
}

static inline __attribute__((always_inline)) void
FN(rep_movsb)(void *d, const void *s, size_t n)
{
	__asm__ volatile("rep movsb"
		: "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

void *
FN(memcpy)(void *dst, const void *src, size_t n)
{
	if (n <= 8 * V)
		FN(copy_le_8v)(dst, src, n);
	else if (FN(use_rep)((uintptr_t)dst, (uintptr_t)src, n))
		FN(rep_movsb)(dst, src, n);
	else
		FN(copy_fwd)(dst, src, n);
	return dst;
}

void *
FN(memmove)(void *dst, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dst, s = (uintptr_t)src;

	if (n <= 8 * V)
		FN(copy_le_8v)(dst, src, n);
	else if (d - s >= n) {
		/* D below S, or no overlap: rep movsb only for the latter
		 * (an overlapping forward rep movsb is slow, not wrong). */
		if (s - d >= n && FN(use_rep)(d, s, n))
			FN(rep_movsb)(dst, src, n);
		else
			FN(copy_fwd)(dst, src, n);
	} else
		FN(copy_bwd)(dst, src, n);
	return dst;
}

void *
FN(memset)(void *dst, int c, size_t n)
{
	unsigned char *d = dst, *end = d + n, *p;
	VT v;

	if (n < V) {
		uint64_t x = (uint64_t)(unsigned char)c * 0x0101010101010101u;

		if (V == 32 && n >= 16) {
			__m128i y = _mm_set1_epi8((char)c);

			XSTOREU(d, y);
			XSTOREU(end - 16, y);
		} else if (n >= 8) {
			ST64(d, x);
			ST64(end - 8, x);
		} else if (n >= 4) {
			ST32(d, (uint32_t)x);
			ST32(end - 4, (uint32_t)x);
		} else if (n >= 2) {
			ST16(d, (uint16_t)x);
			ST16(end - 2, (uint16_t)x);
		} else if (n == 1) {
			*d = (unsigned char)c;
		}
		return dst;
	}
	v = VSET1(c);
	if (n <= 2 * V) {
		VSTOREU(d, v);
		VSTOREU(end - V, v);
		return dst;
	}
	if (n <= 4 * V) {
		VSTOREU(d, v);
		VSTOREU(d + V, v);
		VSTOREU(end - 2 * V, v);
		VSTOREU(end - V, v);
		return dst;
	}
	if (n >= shim_str_rep_min) {
		__asm__ volatile("rep stosb"
			: "+D"(d), "+c"(n) : "a"(c) : "memory");
		return dst;
	}
	VSTOREU(d, v);
	p = (unsigned char *)(((uintptr_t)d + V) & -(uintptr_t)V);
	while ((size_t)(end - p) > 4 * V) {
		VSTOREA(p, v);
		VSTOREA(p + V, v);
		VSTOREA(p + 2 * V, v);
		VSTOREA(p + 3 * V, v);
		p += 4 * V;
	}
	VSTOREU(end - 4 * V, v);
	VSTOREU(end - 3 * V, v);
	VSTOREU(end - 2 * V, v);
	VSTOREU(end - V, v);
	return dst;
}

/* The difference of the first differing bytes, as glibc's variants give
 * it (unsigned char). */
static inline __attribute__((always_inline)) int
FN(diff_at)(const unsigned char *a, const unsigned char *b, size_t i)
{
	return (int)a[i] - (int)b[i];
}

/* Index of the first differing byte of the 8-byte words at A and B, or 8. */
static inline __attribute__((always_inline)) unsigned
FN(diff64)(const unsigned char *a, const unsigned char *b)
{
	uint64_t x = LD64(a) ^ LD64(b);

	return x ? (unsigned)__builtin_ctzll(x) / 8 : 8;
}

int
FN(memcmp)(const void *va, const void *vb, size_t n)
{
	const unsigned char *a = va, *b = vb;
	size_t i;
	uint32_t m;

	if (n < 8) {
		if (n >= 4) {
			uint32_t x = LD32(a) ^ LD32(b);

			if (x)
				return FN(diff_at)(a, b, __builtin_ctz(x) / 8);
			x = LD32(a + n - 4) ^ LD32(b + n - 4);
			if (x)
				return FN(diff_at)(a, b,
					n - 4 + __builtin_ctz(x) / 8);
			return 0;
		}
		for (i = 0; i < n; i++)
			if (a[i] != b[i])
				return FN(diff_at)(a, b, i);
		return 0;
	}
	if (n < 16) {
		unsigned k = FN(diff64)(a, b);

		if (k < 8)
			return FN(diff_at)(a, b, k);
		k = FN(diff64)(a + n - 8, b + n - 8);
		return k < 8 ? FN(diff_at)(a, b, n - 8 + k) : 0;
	}
	if (V == 32 && n < 32) {
		m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(XLOADU(a),
			XLOADU(b)));
		if (m != 0xffff)
			return FN(diff_at)(a, b, __builtin_ctz(~m));
		i = n - 16;
		m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(XLOADU(a + i),
			XLOADU(b + i)));
		return m != 0xffff ?
			FN(diff_at)(a, b, i + __builtin_ctz(~m)) : 0;
	}
	/* Four vectors at a time while they last, then one; the last
	 * vector ends at N (it may overlap what was compared). */
	for (i = 0; n - i >= 4 * V; i += 4 * V) {
		VT e0 = VEQ(VLOADU(a + i), VLOADU(b + i));
		VT e1 = VEQ(VLOADU(a + i + V), VLOADU(b + i + V));
		VT e2 = VEQ(VLOADU(a + i + 2 * V), VLOADU(b + i + 2 * V));
		VT e3 = VEQ(VLOADU(a + i + 3 * V), VLOADU(b + i + 3 * V));

		if (VMASK(VAND(VAND(e0, e1), VAND(e2, e3))) != VALL)
			break;
	}
	for (; i < n; i += V) {
		if (n - i < V)
			i = n - V;
		m = VMASK(VEQ(VLOADU(a + i), VLOADU(b + i)));
		if (m != VALL)
			return FN(diff_at)(a, b, i + __builtin_ctz(~m));
	}
	return 0;
}
