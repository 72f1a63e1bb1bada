/*
 * Small glibc-only functions: arc4random (over getrandom), the libc
 * version queries, the BSD signal-mask calls, __register_atfork,
 * __sched_cpualloc/free, sem_clockwait, __sysconf and
 * canonicalize_file_name.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "shim/version.h"

/* arc4random never fails: retry interruptions; without getrandom there is
 * nothing safe to fall back to. */
void
lx_arc4random_buf(void *buf, size_t n)
{
	unsigned char *p = buf;
	ssize_t r;

	while (n > 0) {
		r = getrandom(p, n, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			lx_gnu_fortify_fail("arc4random: getrandom failed");
		}
		p += r;
		n -= (size_t)r;
	}
}

uint32_t
lx_arc4random(void)
{
	uint32_t v;

	lx_arc4random_buf(&v, sizeof v);
	return v;
}

/* Uniform in [0, bound): reject the values that would bias the modulo. */
uint32_t
lx_arc4random_uniform(uint32_t bound)
{
	uint32_t v, min;

	if (bound < 2)
		return 0;
	min = -bound % bound;		/* 2^32 mod bound */
	do
		v = lx_arc4random();
	while (v < min);
	return v % bound;
}

const char *
lx_gnu_get_libc_version(void)
{
	return LX_GLIBC_VERSION;
}

const char *
lx_gnu_get_libc_release(void)
{
	return LX_GLIBC_RELEASE;
}

/* The 4.2BSD masks: bit (SIG - 1) for signals 1..32. */
static int
bsd_mask(int how, int mask)
{
	sigset_t set, old;
	int sig, r = 0;

	sigemptyset(&set);
	for (sig = 1; sig <= 32; sig++)
		if (mask & (1u << (sig - 1)))
			sigaddset(&set, sig);
	if (sigprocmask(how, &set, &old) < 0)
		return -1;
	for (sig = 1; sig <= 32; sig++)
		if (sigismember(&old, sig) == 1)
			r |= (int)(1u << (sig - 1));
	return r;
}

int
lx_sigsetmask(int mask)
{
	return bsd_mask(SIG_SETMASK, mask);
}

int
lx_sigblock(int mask)
{
	return bsd_mask(SIG_BLOCK, mask);
}

int
lx_siggetmask(void)
{
	return bsd_mask(SIG_BLOCK, 0);
}

/* What pthread_atfork in glibc's libc_nonshared.a calls. */
int
lx___register_atfork(void (*prepare)(void), void (*parent)(void),
    void (*child)(void), void *dso)
{
	(void)dso;	/* XXX: handlers are not removed at dlclose */
	return pthread_atfork(prepare, parent, child);
}

cpu_set_t *
lx___sched_cpualloc(size_t count)
{
	return malloc(CPU_ALLOC_SIZE(count));
}

void
lx___sched_cpufree(cpu_set_t *set)
{
	free(set);
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

/* The personality's sysconf (it converts _SC_ names). */
extern __typeof__(sysconf) lx_sysconf;

long
lx___sysconf(int name)
{
	return lx_sysconf(name);
}

char *
lx_canonicalize_file_name(const char *path)
{
	return LX_PATHCALL(realpath)(path, NULL);
}
