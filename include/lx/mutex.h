/*
 * glibc's pthread_mutex_t on x86-64, as far as the shim reads it: the
 * words its static initializers set, the kind at offset 16 (how the
 * host's mutex lies over it: shim/host.h).  Compiled against the host's
 * headers and glibc's.
 */
#ifndef LX_MUTEX_H
#define LX_MUTEX_H

#include <stddef.h>

#include "lx/layout.h"

struct lx_pthread_mutex {
	int lock;
	unsigned int count;
	int owner;
	unsigned int nusers;
	int kind;
	short spins;
	short elision;
	void *prev, *next;
};
LX_LAYOUT(struct lx_pthread_mutex, 40,
	kind, 16,
	prev, 24);

/* glibc's mutex kinds (PTHREAD_MUTEX_*_NP). */
#define LX_PTHREAD_MUTEX_TIMED_NP	0
#define LX_PTHREAD_MUTEX_RECURSIVE_NP	1
#define LX_PTHREAD_MUTEX_ERRORCHECK_NP	2
#define LX_PTHREAD_MUTEX_ADAPTIVE_NP	3

/* glibc's rwlock kinds (PTHREAD_RWLOCK_PREFER_*_NP). */
#define LX_PTHREAD_RWLOCK_PREFER_READER_NP			0
#define LX_PTHREAD_RWLOCK_PREFER_WRITER_NP			1
#define LX_PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP	2

#endif
