/*
 * pthread mutexes set up by glibc's static initializers.
 * PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP and friends put the kind at
 * offset 16, which the host ignores: such a mutex would lock as a normal
 * one.  Before each call, a mutex that the host has never used and that
 * carries a glibc kind is given the host's equivalent type, in place.
 * Also pthread_rwlockattr_setkind_np, which the host lacks.
 *
 * While the process has one thread, a default mutex is locked and
 * unlocked with plain loads and stores, and signalling a private
 * condition variable does nothing (no one can wait on it), as glibc does
 * then: a locked instruction costs tens of cycles, and a program such as
 * python takes and drops a lock around every call into sqlite3. Every
 * thread in the image starts through pthread_create, which the link
 * wraps (-Wl,--wrap=pthread_create, cmake/ShimRecipes.cmake) to note
 * that the process has had another thread, and a guest's clone of a
 * thread sharing its memory notes it too; a process that had one stays
 * "threaded".
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>

#include "lx/mutex.h"
#include "shim/host.h"

/*
 * Mutexes made by pthread_mutex_init (the host's) have 0 at offset 16; so
 * do glibc's PTHREAD_MUTEX_INITIALIZER ones.  Anything else there comes
 * from a glibc static initializer and the mutex is still all zero but for
 * it (shim/host.h).  Threads racing here agree: the host sets the type
 * only while the mutex is untouched, then the kind word is cleared.
 */
static void
adopt_glibc_kind(pthread_mutex_t *m)
{
	struct lx_pthread_mutex *g = (struct lx_pthread_mutex *)m;
	int kind = __atomic_load_n(&g->kind, __ATOMIC_ACQUIRE);
	int type;

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
	host_mutex_set_initial_type(m, type);
	__atomic_compare_exchange_n(&g->kind, &kind, 0, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/* Whether the process has ever had a second thread. */
static bool threaded;

int __real_pthread_create(pthread_t *, const pthread_attr_t *,
	void *(*)(void *), void *);
int __wrap_pthread_create(pthread_t *, const pthread_attr_t *,
	void *(*)(void *), void *);

int
__wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
	void *(*fn)(void *), void *arg)
{
	__atomic_store_n(&threaded, true, __ATOMIC_SEQ_CST);
	return __real_pthread_create(t, a, fn, arg);
}

/* glibc's clone: a child that shares the memory is, to a mutex, another
 * thread. */
int
lx_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	va_list ap;
	void *ptid, *tls, *ctid;

	va_start(ap, arg);
	ptid = va_arg(ap, void *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, void *);
	va_end(ap);
	if (flags & CLONE_VM)
		__atomic_store_n(&threaded, true, __ATOMIC_SEQ_CST);
	return clone(fn, stack, flags, arg, ptid, tls, ctid);
}

static bool
alone(void)
{
	return !__atomic_load_n(&threaded, __ATOMIC_RELAXED);
}

int
lx_pthread_mutex_lock(pthread_mutex_t *m)
{
	int r;

	adopt_glibc_kind(m);
	if (alone() && (r = host_mutex_lock_alone(m)) >= 0)
		return r;
	return pthread_mutex_lock(m);
}

int
lx_pthread_mutex_trylock(pthread_mutex_t *m)
{
	int r;

	adopt_glibc_kind(m);
	if (alone() && (r = host_mutex_trylock_alone(m)) >= 0)
		return r;
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
	int r;

	adopt_glibc_kind(m);
	if (alone() && (r = host_mutex_unlock_alone(m)) >= 0)
		return r;
	return pthread_mutex_unlock(m);
}

int
lx_pthread_cond_signal(pthread_cond_t *c)
{
	if (alone() && host_cond_private(c))
		return 0;
	return pthread_cond_signal(c);
}

int
lx_pthread_cond_broadcast(pthread_cond_t *c)
{
	if (alone() && host_cond_private(c))
		return 0;
	return pthread_cond_broadcast(c);
}

/*
 * XXX: the host's rwlocks have one policy; the kind is checked and kept
 * in the attribute where the host ignores it, but writer preference is
 * not honoured.
 */
int
lx_pthread_rwlockattr_setkind_np(pthread_rwlockattr_t *a, int kind)
{
	switch (kind) {
	case LX_PTHREAD_RWLOCK_PREFER_READER_NP:
	case LX_PTHREAD_RWLOCK_PREFER_WRITER_NP:
	case LX_PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP:
		host_rwlockattr_set_kind(a, kind);
		return 0;
	default:
		return EINVAL;
	}
}
