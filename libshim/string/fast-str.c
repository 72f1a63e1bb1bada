/*
 * strlen, strnlen, strchr, strchrnul, strrchr, memchr, memrchr,
 * strcmp, strncmp, strcpy and stpcpy for the whole process, and glibc's
 * rawmemchr (lx_rawmemchr: musl has none). As in fast-mem.c, the public
 * names are strong definitions that replace the host libc's and jump
 * through cpu.c's table; the variants come from the template fast-str.h,
 * compiled for SSE2 and for AVX2. musl's own internal names for three of
 * them (__strchrnul, __stpcpy, __memrchr) are defined too, so that no
 * member of libc.a defining these functions is linked.
 *
 * Compiled with -fno-builtin and -fno-tree-loop-distribute-patterns
 * (CMakeLists.txt), as fast-mem.c.
 */
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "fast-int.h"

#include "fast-vec.h"
#include "fast-str.h"
#include "fast-vec-end.h"

#pragma GCC push_options
#pragma GCC target("avx2")
#define VEC_AVX2
#include "fast-vec.h"
#include "fast-str.h"
#include "fast-vec-end.h"
#undef VEC_AVX2
#pragma GCC pop_options

size_t
strlen(const char *s)
{
	return shim_str_ops.strlen(s);
}

size_t
strnlen(const char *s, size_t n)
{
	return shim_str_ops.strnlen(s, n);
}

char *
strchr(const char *s, int c)
{
	return shim_str_ops.strchr(s, c);
}

char *
strchrnul(const char *s, int c)
{
	return shim_str_ops.strchrnul(s, c);
}

char *
strrchr(const char *s, int c)
{
	return shim_str_ops.strrchr(s, c);
}

void *
memchr(const void *s, int c, size_t n)
{
	return shim_str_ops.memchr(s, c, n);
}

void *
memrchr(const void *s, int c, size_t n)
{
	return shim_str_ops.memrchr(s, c, n);
}

void *
lx_rawmemchr(const void *s, int c)
{
	return shim_str_ops.rawmemchr(s, c);
}

int
strcmp(const char *a, const char *b)
{
	return shim_str_ops.strcmp(a, b);
}

int
strncmp(const char *a, const char *b, size_t n)
{
	return shim_str_ops.strncmp(a, b, n);
}

char *
strcpy(char *restrict d, const char *restrict s)
{
	return shim_str_ops.strcpy(d, s);
}

char *
stpcpy(char *restrict d, const char *restrict s)
{
	return shim_str_ops.stpcpy(d, s);
}

/* musl's internal names of its own strchrnul, stpcpy and memrchr. */
char *__strchrnul(const char *, int) __attribute__((alias("strchrnul")));
char *__stpcpy(char *restrict, const char *restrict)
	__attribute__((alias("stpcpy")));
void *__memrchr(const void *, int, size_t) __attribute__((alias("memrchr")));
