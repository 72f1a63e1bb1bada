/*
 * The host boundary on musl, threads. musl's pthread_mutex_t is ten ints
 * over glibc's 40 bytes: the type is the first int (glibc's __lock, 0 in
 * every static initializer), then the lock and waiter words, the
 * recursion count at 20 and the robust-list pointers at 24 and 32; the
 * int at 16, glibc's __kind, is never used. Its mutex attribute is one
 * word (__attr), of which the attribute and mutex code reads bits 0-1
 * (type), 2 (robust), 3 (priority inheritance) and 7 (pshared) only;
 * pthread_mutex_init copies the whole word into the mutex's type, where
 * the same masks are the only readers: bits 16-23 are free. Its rwlock
 * attribute is two words of which only the first (pshared) is read. Its
 * cleanup records (struct __ptcb, pushed by _pthread_cleanup_push) form
 * the per-thread list that pthread_exit walks, unlinking each record
 * before calling it.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>

#include "lx/mutex.h"
#include "shim/host.h"

_Static_assert(sizeof(pthread_mutex_t) == sizeof(struct lx_pthread_mutex),
	"musl mutex over glibc's");
_Static_assert(sizeof(pthread_mutexattr_t) == 4,
	"musl mutexattr over glibc's");
_Static_assert(sizeof(struct __ptcb) <= sizeof(struct host_cleanup),
	"musl cleanup record");

/*
 * musl's default mutex: type word 0 (normal, private, not robust); its
 * lock word is EBUSY when held, the waiter count beside it. A condition
 * variable is process-shared when its first pointer (_c_shared) is set.
 */
#define M_TYPE(m)	((m)->__u.__i[0])
#define M_LOCK(m)	((m)->__u.__vi[1])
#define M_WAITERS(m)	((m)->__u.__vi[2])

int
host_mutex_lock_alone(pthread_mutex_t *m)
{
	if (M_TYPE(m) != 0 || M_LOCK(m) != 0)
		return -1;
	M_LOCK(m) = EBUSY;
	return 0;
}

int
host_mutex_trylock_alone(pthread_mutex_t *m)
{
	if (M_TYPE(m) != 0)
		return -1;
	if (M_LOCK(m) != 0)
		return EBUSY;
	M_LOCK(m) = EBUSY;
	return 0;
}

int
host_mutex_unlock_alone(pthread_mutex_t *m)
{
	if (M_TYPE(m) != 0 || M_LOCK(m) != EBUSY || M_WAITERS(m) != 0)
		return -1;
	M_LOCK(m) = 0;
	return 0;
}

bool
host_cond_private(const pthread_cond_t *c)
{
	return c->__u.__p[0] == NULL;
}

/* The priority ceiling's spare bits of musl's mutex attribute word. */
#define CEIL_SHIFT	16
#define CEIL_MASK	(0xffu << CEIL_SHIFT)

/* musl's type word: __u.__i[0]. */
void
host_mutex_set_initial_type(pthread_mutex_t *m, int type)
{
	int zero = 0;

	__atomic_compare_exchange_n(&m->__u.__i[0], &zero, type, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

void
host_mutexattr_set_prioceiling(pthread_mutexattr_t *a, int ceiling)
{
	a->__attr = (a->__attr & ~CEIL_MASK) |
		((unsigned)ceiling << CEIL_SHIFT);
}

int
host_mutexattr_prioceiling(const pthread_mutexattr_t *a)
{
	return (int)((a->__attr & CEIL_MASK) >> CEIL_SHIFT);
}

/* musl's spare word: __attr[1]. */
void
host_rwlockattr_set_kind(pthread_rwlockattr_t *a, int kind)
{
	a->__attr[1] = (unsigned)kind;
}

void
host_cleanup_push(struct host_cleanup *rec, void (*fn)(void *), void *arg)
{
	_pthread_cleanup_push((struct __ptcb *)(void *)rec, fn, arg);
}

void
host_cleanup_pop(struct host_cleanup *rec, int run)
{
	_pthread_cleanup_pop((struct __ptcb *)(void *)rec, run);
}
