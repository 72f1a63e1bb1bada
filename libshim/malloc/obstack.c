/*
 * glibc's obstack entry points: the out-of-line half of <obstack.h>, whose
 * macros are compiled into guest code and work on struct lx_obstack
 * directly.  Chunk sizes, alignment and the "move the growing object to a
 * bigger chunk" rule follow glibc's documented behaviour so that guests
 * see the same chunk_size and memory use.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx/obstack.h"
#include "lx/printf.h"

#define DEFAULT_ALIGN	16	/* alignof(long double) on x86-64 */
#define DEFAULT_SIZE	4064	/* 4096 less malloc overhead */

static void print_and_abort(void);

void (*lx_obstack_alloc_failed_handler)(void) = print_and_abort;
int lx_obstack_exit_failure = EXIT_FAILURE;

/* Live copies (the guest may hold them by COPY relocation). */
extern void *lx_live_lx_obstack_alloc_failed_handler;
extern void *lx_live_lx_obstack_exit_failure;
#define FAILED_HANDLER \
	(*(void (**)(void))lx_live_lx_obstack_alloc_failed_handler)
#define EXIT_FAILURE_CODE (*(int *)lx_live_lx_obstack_exit_failure)

static void
print_and_abort(void)
{
	fprintf(stderr, "%s\n", "memory exhausted");
	exit(EXIT_FAILURE_CODE);
}

static char *
align_up(char *base, char *p, int mask)
{
	return base + ((p - base + mask) & ~(uintptr_t)mask);
}

static struct lx_obstack_chunk *
call_chunkfun(struct lx_obstack *h, long size)
{
	struct lx_obstack_chunk *c;

	if (h->use_extra_arg)
		c = h->chunkfun(h->extra_arg, size);
	else
		c = ((struct lx_obstack_chunk *(*)(long))(void *)h->chunkfun)
		    (size);
	if (c == NULL)
		FAILED_HANDLER();
	return c;
}

static void
call_freefun(struct lx_obstack *h, struct lx_obstack_chunk *c)
{
	if (h->use_extra_arg)
		h->freefun(h->extra_arg, c);
	else
		((void (*)(void *))(void *)h->freefun)(c);
}

static int
begin(struct lx_obstack *h, int size, int align)
{
	struct lx_obstack_chunk *c;

	if (align == 0)
		align = DEFAULT_ALIGN;
	if (size == 0)
		size = DEFAULT_SIZE;
	h->chunk_size = size;
	h->alignment_mask = align - 1;
	c = h->chunk = call_chunkfun(h, size);
	h->next_free = h->object_base =
	    align_up((char *)c, c->contents, h->alignment_mask);
	h->chunk_limit = c->limit = (char *)c + size;
	c->prev = NULL;
	h->maybe_empty_object = 0;
	h->alloc_failed = 0;
	return 1;
}

int
lx__obstack_begin(struct lx_obstack *h, int size, int align,
    void *(*chunkfun)(long), void (*freefun)(void *))
{
	h->chunkfun = (struct lx_obstack_chunk *(*)(void *, long))
	    (void *)chunkfun;
	h->freefun = (void (*)(void *, struct lx_obstack_chunk *))
	    (void *)freefun;
	h->use_extra_arg = 0;
	return begin(h, size, align);
}

int
lx__obstack_begin_1(struct lx_obstack *h, int size, int align,
    void *(*chunkfun)(void *, long), void (*freefun)(void *, void *),
    void *arg)
{
	h->chunkfun = (struct lx_obstack_chunk *(*)(void *, long))
	    (void *)chunkfun;
	h->freefun = (void (*)(void *, struct lx_obstack_chunk *))
	    (void *)freefun;
	h->extra_arg = arg;
	h->use_extra_arg = 1;
	return begin(h, size, align);
}

/* Moves the growing object to a new chunk with room for LEN more bytes;
 * frees the old chunk when the object was all it held. */
void
lx__obstack_newchunk(struct lx_obstack *h, int len)
{
	struct lx_obstack_chunk *old = h->chunk, *c;
	long obj = h->next_free - h->object_base;
	long size = obj + len + (obj >> 3) + h->alignment_mask + 100;
	char *base;

	if (size < h->chunk_size)
		size = h->chunk_size;
	c = call_chunkfun(h, size);
	h->chunk = c;
	c->prev = old;
	h->chunk_limit = c->limit = (char *)c + size;
	base = align_up((char *)c, c->contents, h->alignment_mask);
	memcpy(base, h->object_base, obj);
	if (!h->maybe_empty_object && h->object_base ==
	    align_up((char *)old, old->contents, h->alignment_mask)) {
		c->prev = old->prev;
		call_freefun(h, old);
	}
	h->object_base = base;
	h->next_free = base + obj;
	h->maybe_empty_object = 0;
}

int
lx__obstack_allocated_p(struct lx_obstack *h, void *obj)
{
	struct lx_obstack_chunk *c;

	for (c = h->chunk; c != NULL; c = c->prev)
		if ((void *)c < obj && obj <= (void *)c->limit)
			return 1;
	return 0;
}

/* Frees OBJ and everything allocated after it; OBJ NULL frees it all. */
void
lx_obstack_free(struct lx_obstack *h, void *obj)
{
	struct lx_obstack_chunk *c = h->chunk, *prev;

	while (c != NULL && ((void *)c >= obj || (void *)c->limit < obj)) {
		prev = c->prev;
		call_freefun(h, c);
		c = prev;
		h->maybe_empty_object = 1;
	}
	if (c != NULL) {
		h->object_base = h->next_free = obj;
		h->chunk_limit = c->limit;
		h->chunk = c;
	} else if (obj != NULL) {
		abort();
	}
}

void
lx__obstack_free(struct lx_obstack *h, void *obj)
{
	lx_obstack_free(h, obj);
}

int
lx__obstack_memory_used(struct lx_obstack *h)
{
	struct lx_obstack_chunk *c;
	long n = 0;

	for (c = h->chunk; c != NULL; c = c->prev)
		n += c->limit - (char *)c;
	return (int)n;
}

/* Appends the formatted text to the growing object (no NUL). */
int
lx_obstack_vprintf(struct lx_obstack *h, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = lx_vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return n;
	if (h->chunk_limit - h->next_free < (long)n + 1)
		lx__obstack_newchunk(h, n + 1);
	lx_vsnprintf(h->next_free, n + 1, fmt, ap);
	h->next_free += n;
	return n;
}

int
lx_obstack_printf(struct lx_obstack *h, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = lx_obstack_vprintf(h, fmt, ap);
	va_end(ap);
	return n;
}
