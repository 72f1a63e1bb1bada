/*
 * The vector vocabulary of the string templates (fast-mem.h, fast-str.h),
 * spelt for one width: define VEC_AVX2 before including it for 32-byte
 * AVX2 vectors, else it is the 16-byte SSE2 baseline. Included once per
 * width; fast-vec-end.h undoes it. V is the width, VT its type, VMASK a
 * byte mask with bit i for byte i, VALL the mask of a whole vector.
 * FN(name) names the width's variant of a function.
 */
#ifdef VEC_AVX2
#define V		32
#define VT		__m256i
#define VALL		0xffffffffu
#define FN(name)	shim_##name##_avx2
#define VLOADU(p)	_mm256_loadu_si256((const __m256i *)(const void *)(p))
#define VLOADA(p)	_mm256_load_si256((const __m256i *)(const void *)(p))
#define VSTOREU(p, v)	_mm256_storeu_si256((__m256i *)(void *)(p), (v))
#define VSTOREA(p, v)	_mm256_store_si256((__m256i *)(void *)(p), (v))
#define VSET1(c)	_mm256_set1_epi8((char)(c))
#define VZERO()		_mm256_setzero_si256()
#define VEQ(a, b)	_mm256_cmpeq_epi8((a), (b))
#define VMIN(a, b)	_mm256_min_epu8((a), (b))
#define VXOR(a, b)	_mm256_xor_si256((a), (b))
#define VAND(a, b)	_mm256_and_si256((a), (b))
#define VMASK(v)	((uint32_t)_mm256_movemask_epi8(v))
#else
#define V		16
#define VT		__m128i
#define VALL		0xffffu
#define FN(name)	shim_##name##_sse2
#define VLOADU(p)	_mm_loadu_si128((const __m128i *)(const void *)(p))
#define VLOADA(p)	_mm_load_si128((const __m128i *)(const void *)(p))
#define VSTOREU(p, v)	_mm_storeu_si128((__m128i *)(void *)(p), (v))
#define VSTOREA(p, v)	_mm_store_si128((__m128i *)(void *)(p), (v))
#define VSET1(c)	_mm_set1_epi8((char)(c))
#define VZERO()		_mm_setzero_si128()
#define VEQ(a, b)	_mm_cmpeq_epi8((a), (b))
#define VMIN(a, b)	_mm_min_epu8((a), (b))
#define VXOR(a, b)	_mm_xor_si128((a), (b))
#define VAND(a, b)	_mm_and_si128((a), (b))
#define VMASK(v)	((uint32_t)_mm_movemask_epi8(v))
#endif
/* 16-byte access, in both widths (the AVX2 variants' 16..31 cases). */
#define XLOADU(p)	_mm_loadu_si128((const __m128i *)(const void *)(p))
#define XSTOREU(p, v)	_mm_storeu_si128((__m128i *)(void *)(p), (v))
