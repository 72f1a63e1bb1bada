/*
 * Waits against a chosen clock (glibc 2.30): pthread_cond_clockwait,
 * pthread_mutex_clocklock and sem_clockwait. musl waits on
 * CLOCK_REALTIME only, so a CLOCK_MONOTONIC deadline becomes the same
 * distance from now on the realtime clock; other clocks are EINVAL.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

int lx_pthread_mutex_timedlock(pthread_mutex_t *, const struct timespec *);

/* ABS on CLOCK as an absolute CLOCK_REALTIME time (what musl waits on). */
static int to_realtime(clockid_t clock, const struct timespec *abs,
	struct timespec *out)
{
	struct timespec now, real;

	if (clock == CLOCK_REALTIME) {
		*out = *abs;
		return 0;
	}
	if (clock != CLOCK_MONOTONIC || clock_gettime(clock, &now) ||
	    clock_gettime(CLOCK_REALTIME, &real))
		return EINVAL;
	out->tv_sec = real.tv_sec + (abs->tv_sec - now.tv_sec);
	out->tv_nsec = real.tv_nsec + (abs->tv_nsec - now.tv_nsec);
	while (out->tv_nsec < 0) {
		out->tv_nsec += 1000000000;
		out->tv_sec--;
	}
	while (out->tv_nsec >= 1000000000) {
		out->tv_nsec -= 1000000000;
		out->tv_sec++;
	}
	return 0;
}

/* XXX: a CLOCK_REALTIME step during the wait moves a monotonic deadline. */
int lx_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
	clockid_t clock, const struct timespec *abs)
{
	struct timespec t;
	int r = to_realtime(clock, abs, &t);

	return r ? r : pthread_cond_timedwait(c, m, &t);
}

int lx_pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clock,
	const struct timespec *abs)
{
	struct timespec t;
	int r = to_realtime(clock, abs, &t);

	return r ? r : lx_pthread_mutex_timedlock(m, &t);
}

/*
 * sem_clockwait over sem_timedwait (CLOCK_REALTIME only): a monotonic
 * deadline becomes the same distance from now on the realtime clock.
 * XXX: a realtime clock step during the wait moves the deadline.
 */
int
lx_sem_clockwait(sem_t *sem, clockid_t clock, const struct timespec *abs)
{
	struct timespec now, rt, dl;

	if (clock == CLOCK_REALTIME)
		return sem_timedwait(sem, abs);
	if (clock != CLOCK_MONOTONIC || abs->tv_nsec < 0 ||
	    abs->tv_nsec >= 1000000000) {
		errno = EINVAL;
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	clock_gettime(CLOCK_REALTIME, &rt);
	dl.tv_sec = rt.tv_sec + (abs->tv_sec - now.tv_sec);
	dl.tv_nsec = rt.tv_nsec + (abs->tv_nsec - now.tv_nsec);
	if (dl.tv_nsec < 0) {
		dl.tv_nsec += 1000000000;
		dl.tv_sec--;
	} else if (dl.tv_nsec >= 1000000000) {
		dl.tv_nsec -= 1000000000;
		dl.tv_sec++;
	}
	return sem_timedwait(sem, &dl);
}
