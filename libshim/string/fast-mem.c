/*
 * memcpy, memmove, memset, memcmp and bcmp for the whole process: these
 * strong definitions replace the host libc's in the static link, so the
 * guest (bound to them through the symmaps' `host` lines), the host libc
 * itself, jemalloc and the loader all use them. Each public name jumps
 * through the table cpu.c fills once at start-up (a guest's references
 * skip it: the loader binds them to the variant, shim_string_direct);
 * the variants come from the template fast-mem.h, compiled once for SSE2
 * (the x86-64 baseline) and once for AVX2.
 *
 * This file is compiled with -fno-builtin and
 * -fno-tree-loop-distribute-patterns (CMakeLists.txt): the compiler must
 * not turn a loop here into a call of the function being defined.
 */
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "fast-int.h"

#include "fast-vec.h"
#include "fast-mem.h"
#include "fast-vec-end.h"

#pragma GCC push_options
#pragma GCC target("avx2")
#define VEC_AVX2
#include "fast-vec.h"
#include "fast-mem.h"
#include "fast-vec-end.h"
#undef VEC_AVX2
#pragma GCC pop_options

void *
memcpy(void *restrict d, const void *restrict s, size_t n)
{
	return shim_str_ops.memcpy(d, s, n);
}

void *
memmove(void *d, const void *s, size_t n)
{
	return shim_str_ops.memmove(d, s, n);
}

void *
memset(void *d, int c, size_t n)
{
	return shim_str_ops.memset(d, c, n);
}

int
memcmp(const void *a, const void *b, size_t n)
{
	return shim_str_ops.memcmp(a, b, n);
}

int
bcmp(const void *a, const void *b, size_t n)
{
	return shim_str_ops.memcmp(a, b, n);
}
