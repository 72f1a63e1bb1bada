/*
 * pthread mutexes set up by glibc's static initializers.
 * PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP and friends put the kind at
 * offset 16, which musl ignores: such a mutex would lock as a normal one.
 * Before each call, a mutex that musl has never seen and that carries a
 * glibc kind is turned into musl's equivalent, in place.  Also
 * pthread_rwlockattr_setkind_np, which musl lacks.
 */
#include <errno.h>
#include <pthread.h>

#include "lx/mutex.h"

/*
 * Mutexes made by pthread_mutex_init (musl's) have 0 at offset 16; so do
 * glibc's PTHREAD_MUTEX_INITIALIZER ones.  Anything else there comes from a
 * glibc static initializer and the mutex is still all zero but for it.
 * Threads racing here agree: the type moves from 0 by compare-and-swap
 * only, then the kind word is cleared.
 */
static void
adopt_glibc_kind(pthread_mutex_t *m)
{
	struct lx_pthread_mutex *g = (struct lx_pthread_mutex *)m;
	int kind = __atomic_load_n(&g->kind, __ATOMIC_ACQUIRE);
	int type, zero = 0;

	if (kind == LX_PTHREAD_MUTEX_TIMED_NP)
		return;
	switch (kind) {
	case LX_PTHREAD_MUTEX_RECURSIVE_NP:
		type = PTHREAD_MUTEX_RECURSIVE;
		break;
	case LX_PTHREAD_MUTEX_ERRORCHECK_NP:
		type = PTHREAD_MUTEX_ERRORCHECK;
		break;
	case LX_PTHREAD_MUTEX_ADAPTIVE_NP:	/* spins in glibc only */
		type = PTHREAD_MUTEX_NORMAL;
		break;
	default:	/* other bits (robust, pshared, ...) never static */
		return;
	}
	/* musl's type word is glibc's __lock: 0 in a static initializer. */
	__atomic_compare_exchange_n(&g->lock, &zero, type, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
	__atomic_compare_exchange_n(&g->kind, &kind, 0, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

int
lx_pthread_mutex_lock(pthread_mutex_t *m)
{
	adopt_glibc_kind(m);
	return pthread_mutex_lock(m);
}

int
lx_pthread_mutex_trylock(pthread_mutex_t *m)
{
	adopt_glibc_kind(m);
	return pthread_mutex_trylock(m);
}

int
lx_pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abs)
{
	adopt_glibc_kind(m);
	return pthread_mutex_timedlock(m, abs);
}

int
lx_pthread_mutex_unlock(pthread_mutex_t *m)
{
	adopt_glibc_kind(m);
	return pthread_mutex_unlock(m);
}

/*
 * XXX: musl's rwlocks have one policy; the kind is checked and kept in
 * the attribute's spare word (musl reads only the first, pshared), but
 * writer preference is not honoured.
 */
int
lx_pthread_rwlockattr_setkind_np(pthread_rwlockattr_t *a, int kind)
{
	switch (kind) {
	case LX_PTHREAD_RWLOCK_PREFER_READER_NP:
	case LX_PTHREAD_RWLOCK_PREFER_WRITER_NP:
	case LX_PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP:
		a->__attr[1] = (unsigned)kind;
		return 0;
	default:
		return EINVAL;
	}
}
