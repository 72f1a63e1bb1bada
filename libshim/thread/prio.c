/*
 * Priority ceilings of mutex attributes (pthread_mutexattr_setprioceiling,
 * pthread_mutexattr_getprioceiling), which musl lacks, with glibc's checks:
 * a ceiling must lie in sched_get_priority_min/max(SCHED_FIFO), else
 * EINVAL; an attribute never given one reports the minimum. The ceiling
 * is kept in the attribute by the host (shim/host.h).
 *
 * XXX: PTHREAD_PRIO_PROTECT cannot be honoured: musl has no
 * priority-protection mutexes. pthread_mutexattr_setprotocol stays musl's
 * and refuses it with ENOTSUP (POSIX: "unsupported protocol"), where glibc
 * accepts it; the ceiling stored here then has no effect on any mutex.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>

#include "shim/host.h"

int lx_pthread_mutexattr_setprioceiling(pthread_mutexattr_t *a, int ceiling)
{
	int lo = sched_get_priority_min(SCHED_FIFO);
	int hi = sched_get_priority_max(SCHED_FIFO);

	if (ceiling < lo || ceiling > hi || ceiling < 1 || ceiling > 0xff)
		return EINVAL;
	host_mutexattr_set_prioceiling(a, ceiling);
	return 0;
}

int lx_pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *a,
	int *ceiling)
{
	int c = host_mutexattr_prioceiling(a);

	*ceiling = c ? c : sched_get_priority_min(SCHED_FIFO);
	return 0;
}
