/*
 * glibc's allocator settings (mallopt) and pvalloc.
 *
 * The allocator is jemalloc, whose settings are fixed when it starts:
 * jemalloc-adapt.c translates the environment into its configuration
 * then. glibc's heap geometry (trim and mmap thresholds, top pad, mmap
 * count) has no counterpart: it decides where memory comes from, never
 * what a program sees, and mallopt accepts it as glibc does.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc.h"

/* glibc's mallopt parameters (malloc.h). */
#define LX_M_MXFAST 1
#define LX_M_TRIM_THRESHOLD (-1)
#define LX_M_TOP_PAD (-2)
#define LX_M_MMAP_THRESHOLD (-3)
#define LX_M_MMAP_MAX (-4)
#define LX_M_CHECK_ACTION (-5)
#define LX_M_PERTURB (-6)
#define LX_M_ARENA_TEST (-7)
#define LX_M_ARENA_MAX (-8)

/* glibc's limits on x86-64: fast bins up to 160 bytes, an mmap threshold
 * of at most half of a 64 MiB heap. */
#define LX_MAX_FAST_SIZE 160
#define LX_MMAP_THRESHOLD_MAX (32ul << 20)

/*
 * mallopt: 1 on success, 0 for a value glibc refuses (a fast-bin limit
 * out of range, an mmap threshold above the maximum); unknown parameters
 * are accepted, as glibc accepts them.
 */
int lx_mallopt(int param, int value)
{
	switch (param) {
	case LX_M_MXFAST:
		return value >= 0 && value <= LX_MAX_FAST_SIZE;
	case LX_M_MMAP_THRESHOLD:
		return (size_t)value <= LX_MMAP_THRESHOLD_MAX;
	default:
		return 1;
	}
}

/* pvalloc: page-aligned, the size rounded up to whole pages (one page for
 * 0). */
void *lx_pvalloc(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t rounded = (n + page - 1) & ~(page - 1);

	if (rounded < n) {
		errno = ENOMEM;
		return NULL;
	}
	return aligned_alloc(page, rounded ? rounded : page);
}
