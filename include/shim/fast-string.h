/*
 * The string functions' variants (libshim/string/fast-*.c): which the CPU
 * allows, and a test-only way to choose one. The process chooses once at
 * start-up (cpu.c); nothing outside tests/string/ calls shim_string_use.
 */
#ifndef SHIM_FAST_STRING_H
#define SHIM_FAST_STRING_H

#include <stddef.h>

#define SHIM_STR_AVX2	1u	/* the 32-byte vector variants */
#define SHIM_STR_ERMS	2u	/* rep movsb/stosb for large sizes */

/* What this CPU and kernel allow: SHIM_STR_* bits. */
unsigned shim_string_have(void);
/*
 * Tests only: use the variants in WHICH (SHIM_STR_* bits, 0 for the SSE2
 * baseline), rep movsb/stosb from REP_MIN bytes on if SHIM_STR_ERMS is in
 * WHICH. -1 if the CPU lacks one of them (nothing changes). Not
 * thread-safe: call it while the process has one thread.
 */
int shim_string_use(unsigned which, size_t rep_min);

#endif
