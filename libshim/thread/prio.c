/*
 * Priority ceilings of mutex attributes (pthread_mutexattr_setprioceiling,
 * pthread_mutexattr_getprioceiling), which musl lacks, with glibc's checks:
 * a ceiling must lie in sched_get_priority_min/max(SCHED_FIFO), else
 * EINVAL; an attribute never given one reports the minimum.
 *
 * The ceiling lives in bits 16..23 of musl's pthread_mutexattr_t.__attr
 * (glibc's attribute is the same 4 bytes). musl's attribute and mutex code
 * reads bits 0-1 (type), 2 (robust), 3 (priority inheritance) and 7
 * (pshared) only; pthread_mutex_init copies the whole word into the
 * mutex's type, where the same masks are the only readers.
 *
 * XXX: PTHREAD_PRIO_PROTECT cannot be honoured: musl has no
 * priority-protection mutexes. pthread_mutexattr_setprotocol stays musl's
 * and refuses it with ENOTSUP (POSIX: "unsupported protocol"), where glibc
 * accepts it; the ceiling stored here then has no effect on any mutex.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>

#define CEIL_SHIFT	16
#define CEIL_MASK	(0xffu << CEIL_SHIFT)

_Static_assert(sizeof(pthread_mutexattr_t) == 4, "glibc mutexattr size");

int lx_pthread_mutexattr_setprioceiling(pthread_mutexattr_t *a, int ceiling)
{
	int lo = sched_get_priority_min(SCHED_FIFO);
	int hi = sched_get_priority_max(SCHED_FIFO);

	if (ceiling < lo || ceiling > hi || ceiling < 1 || ceiling > 0xff)
		return EINVAL;
	a->__attr = (a->__attr & ~CEIL_MASK) |
		((unsigned)ceiling << CEIL_SHIFT);
	return 0;
}

int lx_pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *a,
	int *ceiling)
{
	int c = (int)((a->__attr & CEIL_MASK) >> CEIL_SHIFT);

	*ceiling = c ? c : sched_get_priority_min(SCHED_FIFO);
	return 0;
}
