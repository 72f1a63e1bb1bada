/*
 * The malloc room's view of the process's allocator (jemalloc, linked
 * from Debian's archive; see jemalloc-adapt.c): its control interface, and
 * the figures glibc's statistics calls are built from.
 */
#ifndef SHIM_MALLOC_ALLOC_H
#define SHIM_MALLOC_ALLOC_H

#include <stddef.h>

/* jemalloc's control interface (its jemalloc.h is a glibc header). */
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp,
    size_t newlen);

/* jemalloc's index for "all arenas merged" (MALLCTL_ARENAS_ALL). */
#define ALLOC_ARENAS_ALL 4096

/* One arena's figures (ALLOC_ARENAS_ALL: the whole process's), in bytes. */
struct alloc_figures {
	size_t mapped;		/* obtained from the kernel, still mapped */
	size_t small;		/* in use by allocations below one page run */
	size_t large;		/* in use by large allocations */
	size_t nlarge;		/* live large allocations */
	size_t unused;		/* freed pages not yet returned */
};

/* Refreshes the allocator's statistics; 0, or -1 if it keeps none. */
int alloc_refresh(void);
/* Reads arena ARENA's figures; 0, or -1 if that arena is not in use. */
int alloc_figures(unsigned arena, struct alloc_figures *f);
/* How many arenas there are (in use or not). */
unsigned alloc_narenas(void);

#endif
