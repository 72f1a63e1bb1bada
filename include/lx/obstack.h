/*
 * glibc's struct obstack (<obstack.h>).  The obstack_* macros are inline in
 * guest code and read and write these fields directly, so the layout is
 * ABI: every offset is pinned.  The entry points are in libshim/malloc/obstack.c.
 */
#ifndef LX_OBSTACK_H
#define LX_OBSTACK_H

#include <stdarg.h>
#include <stddef.h>

#include "lx/layout.h"

struct lx_obstack_chunk {
	char *limit;			/* one past the end of this chunk */
	struct lx_obstack_chunk *prev;	/* previous chunk or NULL */
	char contents[4];		/* objects begin here */
};

struct lx_obstack {
	long chunk_size;		/* preferred size of new chunks */
	struct lx_obstack_chunk *chunk;	/* current chunk */
	char *object_base;		/* object being built */
	char *next_free;		/* where the next byte goes */
	char *chunk_limit;		/* end of the current chunk */
	union {
		ptrdiff_t tempint;
		void *tempptr;
	} temp;			/* scratch for the non-GNU macros */
	int alignment_mask;		/* objects are aligned to mask + 1 */
	struct lx_obstack_chunk *(*chunkfun)(void *, long);
	void (*freefun)(void *, struct lx_obstack_chunk *);
	void *extra_arg;		/* first argument of chunkfun/freefun */
	unsigned use_extra_arg : 1;	/* chunkfun/freefun take extra_arg */
	unsigned maybe_empty_object : 1; /* chunk may hold an empty object */
	unsigned alloc_failed : 1;	/* unused, kept for the ABI */
};

LX_LAYOUT(struct lx_obstack_chunk, 24,
	limit, 0,
	prev, 8,
	contents, 16);

LX_LAYOUT(struct lx_obstack, 88,
	chunk_size, 0,
	chunk, 8,
	object_base, 16,
	next_free, 24,
	chunk_limit, 32,
	temp, 40,
	alignment_mask, 48,
	chunkfun, 56,
	freefun, 64,
	extra_arg, 72);

int lx_obstack_vprintf(struct lx_obstack *, const char *, va_list);

#endif
