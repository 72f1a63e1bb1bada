/*
 * The choice of the string functions' variants (fast-mem.c, fast-str.c),
 * as glibc's IFUNC resolvers make it: once, from CPUID, at start-up. The
 * table starts at the SSE2 variants, valid on every x86-64, so whatever
 * runs before the choice (musl's start-up) is served correctly; the
 * constructor below runs while the process has one thread, before the
 * loader's main and so before any guest code.
 */
#include <cpuid.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "fast-int.h"
#include "shim/fast-string.h"
#include "shim/libshim.h"

#define STR_INIT(name, ret, args)	.name = shim_##name##_sse2,
struct str_ops shim_str_ops = { STR_FUNCS(STR_INIT) };
static const struct str_ops str_sse2 = { STR_FUNCS(STR_INIT) };
#undef STR_INIT
#define STR_INIT(name, ret, args)	.name = shim_##name##_avx2,
static const struct str_ops str_avx2 = { STR_FUNCS(STR_INIT) };
#undef STR_INIT

size_t shim_str_rep_min = SIZE_MAX;

/*
 * From these sizes on rep movsb/stosb replace the vector loops, with
 * ERMS. Measured on an AMD EPYC (ERMS, FSRM): rep movsb beats the SSE2
 * loop from 1-2 KiB on and is even with the AVX2 loop from 8 KiB to
 * 64 KiB (slower below); rep stosb likewise. Copies with a destination
 * just above the source modulo 4 KiB keep the loop (fast-mem.h).
 */
#define REP_MIN_SSE2	2048
#define REP_MIN_AVX2	8192

unsigned
shim_string_have(void)
{
	unsigned a, b, c, d, have = 0;
	uint32_t xcr0_lo, xcr0_hi;

	if (!__get_cpuid(1, &a, &b, &c, &d))
		return 0;
	/* AVX2 needs the OS to save the ymm state: OSXSAVE, then XCR0's
	 * SSE and AVX bits. */
	if ((c & bit_OSXSAVE) && (c & bit_AVX)) {
		__asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
		if ((xcr0_lo & 6) == 6 && __get_cpuid_max(0, NULL) >= 7) {
			__cpuid_count(7, 0, a, b, c, d);
			if (b & bit_AVX2)
				have |= SHIM_STR_AVX2;
		}
	}
	if (__get_cpuid_max(0, NULL) >= 7) {
		__cpuid_count(7, 0, a, b, c, d);
		if (b & (1u << 9))	/* ERMS: enhanced rep movsb/stosb */
			have |= SHIM_STR_ERMS;
	}
	return have;
}

int
shim_string_use(unsigned which, size_t rep_min)
{
	if (which & ~shim_string_have())
		return -1;
	shim_str_ops = (which & SHIM_STR_AVX2) ? str_avx2 : str_sse2;
	shim_str_rep_min = (which & SHIM_STR_ERMS) ? rep_min : SIZE_MAX;
	return 0;
}

/* Each public entry (fast-mem.c, fast-str.c) and its slot in the table. */
void *lx_rawmemchr(const void *, int);
#define ENTRY(fn, slot)	{ (void *)(fn), offsetof(struct str_ops, slot) }
static const struct { void *fn; size_t slot; } entries[] = {
	ENTRY(memcpy, memcpy), ENTRY(memmove, memmove),
	ENTRY(memset, memset), ENTRY(memcmp, memcmp), ENTRY(bcmp, memcmp),
	ENTRY(strlen, strlen), ENTRY(strnlen, strnlen),
	ENTRY(strchr, strchr), ENTRY(strchrnul, strchrnul),
	ENTRY(strrchr, strrchr), ENTRY(memchr, memchr),
	ENTRY(memrchr, memrchr), ENTRY(lx_rawmemchr, rawmemchr),
	ENTRY(strcmp, strcmp), ENTRY(strncmp, strncmp),
	ENTRY(strcpy, strcpy), ENTRY(stpcpy, stpcpy),
};
_Static_assert(sizeof entries / sizeof entries[0] ==
	sizeof(struct str_ops) / sizeof(void *) + 1, "an entry per slot, bcmp");

void *
shim_string_direct(void *fn)
{
	static uintptr_t lo = UINTPTR_MAX, hi;	/* the entries' span */

	if (!hi)
		for (size_t i = 0; i < sizeof entries / sizeof entries[0];
		    i++) {
			lo = (uintptr_t)entries[i].fn < lo ?
				(uintptr_t)entries[i].fn : lo;
			hi = (uintptr_t)entries[i].fn > hi ?
				(uintptr_t)entries[i].fn : hi;
		}
	if ((uintptr_t)fn < lo || (uintptr_t)fn > hi)
		return fn;
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
		if (entries[i].fn == fn)
			return *(void **)((char *)&shim_str_ops +
				entries[i].slot);
	return fn;
}

/* Before the other constructors (priority 101 is the first one free to
 * programs), which may copy and compare. */
__attribute__((constructor(101))) static void
string_choose(void)
{
	unsigned have = shim_string_have();

	shim_string_use(have, (have & SHIM_STR_AVX2) ? REP_MIN_AVX2 :
		REP_MIN_SSE2);
}
