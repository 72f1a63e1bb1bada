/*
 * glibc's struct obstack (<obstack.h>).  The obstack_* macros are inline in
 * guest code and read and write these fields directly, so the layout is
 * ABI: every offset is pinned.  The entry points are in libshim/malloc/obstack.c.
 */
#ifndef LX_OBSTACK_H
#define LX_OBSTACK_H

#include <stdarg.h>
#include <stddef.h>

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

_Static_assert(offsetof(struct lx_obstack_chunk, limit) == 0, "chunk");
_Static_assert(offsetof(struct lx_obstack_chunk, prev) == 8, "chunk");
_Static_assert(offsetof(struct lx_obstack_chunk, contents) == 16, "chunk");
_Static_assert(sizeof(struct lx_obstack_chunk) == 24, "chunk");
_Static_assert(offsetof(struct lx_obstack, chunk_size) == 0, "obstack");
_Static_assert(offsetof(struct lx_obstack, chunk) == 8, "obstack");
_Static_assert(offsetof(struct lx_obstack, object_base) == 16, "obstack");
_Static_assert(offsetof(struct lx_obstack, next_free) == 24, "obstack");
_Static_assert(offsetof(struct lx_obstack, chunk_limit) == 32, "obstack");
_Static_assert(offsetof(struct lx_obstack, temp) == 40, "obstack");
_Static_assert(offsetof(struct lx_obstack, alignment_mask) == 48, "obstack");
_Static_assert(offsetof(struct lx_obstack, chunkfun) == 56, "obstack");
_Static_assert(offsetof(struct lx_obstack, freefun) == 64, "obstack");
_Static_assert(offsetof(struct lx_obstack, extra_arg) == 72, "obstack");
_Static_assert(sizeof(struct lx_obstack) == 88, "obstack");

int lx_obstack_vprintf(struct lx_obstack *, const char *, va_list);

#endif
