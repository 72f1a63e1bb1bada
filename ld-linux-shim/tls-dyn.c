/*
 * Dynamic TLS: the blocks of modules dlopen'ed after the static reserve
 * (tls.c) filled up. Each thread has a vector of blocks by module id,
 * made on the thread's first __tls_get_addr for the module (the module's
 * .tdata image, then zeros) and freed when the thread exits. This file
 * holds its own small __thread state; tls.c, whose reserve must end the
 * TLS segment, is linked after it.
 *
 * A thread's signal handlers may reach the blocks it has already made
 * (glibc programs do): the vector is replaced, never reallocated in place,
 * and the blocks live until the thread runs no more guest code, that is
 * past every thread-specific data destructor, with signals blocked.
 */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

static __thread void **blocks;		/* by module id */
static __thread size_t nblocks;
static __thread unsigned dtor_passes;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

/*
 * The key's destructor. The thread's other destructors (the guest's, run
 * in key order, in up to PTHREAD_DESTRUCTOR_ITERATIONS passes) may still
 * use its TLS: the blocks are kept, by setting the key again, until the
 * last pass. Then signals are blocked for good, as the host libc does
 * next, so that no handler can reach a freed block.
 */
static void free_blocks(void *v)
{
	void **b = v;
	size_t n = nblocks;
	sigset_t all;

	if (++dtor_passes < PTHREAD_DESTRUCTOR_ITERATIONS) {
		pthread_setspecific(key, v);
		return;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	blocks = NULL;
	nblocks = 0;
	for (size_t i = 0; i < n; i++)
		free(b[i]);
	free(b);
}

static void make_key(void)
{
	if (pthread_key_create(&key, free_blocks))
		shim_fatal("dynamic TLS: no thread key");
}

/* Make room for module ID in the calling thread's vector. The new vector
 * is complete before it is published, and the old one freed after, so
 * that a signal handler sees one or the other. */
static void grow(const struct object *o, size_t id)
{
	size_t n = id + 8;
	void **v = calloc(n, sizeof *v), **old = blocks;

	if (!v)
		shim_fatal("%s: out of memory for its TLS", o->path);
	if (nblocks)
		memcpy(v, old, nblocks * sizeof *v);
	if (!old)
		pthread_once(&key_once, make_key);
	pthread_setspecific(key, v);
	blocks = v;
	atomic_signal_fence(memory_order_seq_cst);
	nblocks = n;
	atomic_signal_fence(memory_order_seq_cst);
	free(old);
}

void *tls_dynamic_block(const struct object *o, bool make)
{
	size_t id = o->tls_modid, align = o->tls_align ? o->tls_align : 1;
	void *blk;

	if (id < nblocks && blocks[id])
		return blocks[id];
	if (!make)
		return NULL;
	if (id >= nblocks)
		grow(o, id);
	if (align < sizeof(void *))
		align = sizeof(void *);
	blk = aligned_alloc(align, (o->tls_memsz + align - 1) & ~(align - 1));
	if (!blk)
		shim_fatal("%s: out of memory for its TLS", o->path);
	memcpy(blk, o->tls_image, o->tls_filesz);
	memset((char *)blk + o->tls_filesz, 0, o->tls_memsz - o->tls_filesz);
	atomic_signal_fence(memory_order_seq_cst);
	blocks[id] = blk;
	return blk;
}
