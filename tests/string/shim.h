/*
 * Musl build of stringtest: the test program's memcpy, strlen, ... are
 * libshim's (libshim/string/, linked before musl's libc.a), rawmemchr is
 * lx_rawmemchr. Each variant the CPU allows is checked in turn through
 * the test-only hook shim_string_use (include/shim/fast-string.h):
 * rep movsb/stosb are forced from 0 bytes on, so that the sizes the test
 * covers reach them.
 */
#ifndef STRINGTEST_SHIM_H
#define STRINGTEST_SHIM_H

#include "shim/fast-string.h"

void *lx_rawmemchr(const void *, int);

#define VARIANTS	4

/* The name of variant I, or NULL if this CPU lacks it. */
static inline const char *
variant_use(int i)
{
	static const struct { unsigned which; const char *name; } v[] = {
		{ 0, "sse2" },
		{ SHIM_STR_ERMS, "sse2+erms" },
		{ SHIM_STR_AVX2, "avx2" },
		{ SHIM_STR_AVX2 | SHIM_STR_ERMS, "avx2+erms" },
	};

	return shim_string_use(v[i].which, 0) == 0 ? v[i].name : NULL;
}

#endif
