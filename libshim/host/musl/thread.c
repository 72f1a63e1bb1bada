/*
 * The host boundary on musl, threads. musl's pthread_mutex_t is ten ints
 * over glibc's 40 bytes: the type is the first int (glibc's __lock, 0 in
 * every static initializer), then the lock and waiter words, the
 * recursion count at 20 and the robust-list pointers at 24 and 32; the
 * int at 16, glibc's __kind, is never used. Its rwlock attribute is two
 * words of which only the first (pshared) is read. Its cleanup records
 * (struct __ptcb, pushed by _pthread_cleanup_push) form the per-thread
 * list that pthread_exit walks, unlinking each record before calling it.
 */
#include <pthread.h>

#include "lx/mutex.h"
#include "shim/host.h"

_Static_assert(sizeof(pthread_mutex_t) == sizeof(struct lx_pthread_mutex),
	"musl mutex over glibc's");
_Static_assert(sizeof(struct __ptcb) <= sizeof(struct host_cleanup),
	"musl cleanup record");

/* musl's type word: __u.__i[0]. */
void
host_mutex_set_initial_type(pthread_mutex_t *m, int type)
{
	int zero = 0;

	__atomic_compare_exchange_n(&m->__u.__i[0], &zero, type, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
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
