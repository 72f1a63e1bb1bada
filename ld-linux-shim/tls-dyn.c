/*
 * Dynamic TLS: the blocks of modules dlopen'ed after the static reserve
 * (tls.c) filled up. Each thread has a vector of blocks by module id,
 * made on the thread's first __tls_get_addr for the module (the module's
 * .tdata image, then zeros) and freed when the thread exits. This file
 * holds its own small __thread state; tls.c, whose reserve must end the
 * TLS segment, is linked after it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

static __thread void **blocks;		/* by module id */
static __thread size_t nblocks;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void free_blocks(void *v)
{
	void **b = v;

	for (size_t i = 0; i < nblocks; i++)
		free(b[i]);
	free(b);
	blocks = NULL;
	nblocks = 0;
}

static void make_key(void)
{
	if (pthread_key_create(&key, free_blocks))
		shim_fatal("dynamic TLS: no thread key");
}

void *tls_dynamic_block(const struct object *o, bool make)
{
	size_t id = o->tls_modid, align = o->tls_align ? o->tls_align : 1;
	void *blk;

	if (id < nblocks && blocks[id])
		return blocks[id];
	if (!make)
		return NULL;
	if (id >= nblocks) {
		size_t n = id + 8;
		void **v = realloc(blocks, n * sizeof *v);

		if (!v)
			shim_fatal("%s: out of memory for its TLS", o->path);
		memset(v + nblocks, 0, (n - nblocks) * sizeof *v);
		if (!blocks) {
			pthread_once(&key_once, make_key);
			pthread_setspecific(key, v);
		} else {
			pthread_setspecific(key, v);
		}
		blocks = v;
		nblocks = n;
	}
	if (align < sizeof(void *))
		align = sizeof(void *);
	blk = aligned_alloc(align, (o->tls_memsz + align - 1) & ~(align - 1));
	if (!blk)
		shim_fatal("%s: out of memory for its TLS", o->path);
	memcpy(blk, o->tls_image, o->tls_filesz);
	memset((char *)blk + o->tls_filesz, 0, o->tls_memsz - o->tls_filesz);
	blocks[id] = blk;
	return blk;
}
