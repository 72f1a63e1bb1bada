/*
 * What glibc reads and writes of a signal set: glibc hands the kernel the
 * first 8 bytes of its 128-byte sigset_t, so pthread_sigmask,
 * sigprocmask, sigpending and getcontext fill only those of an old mask
 * and leave the rest of the caller's buffer as it was, and read only
 * those of a new mask. Each old mask here is filled with a pattern first
 * and printed whole; then sets lying in the last 8 bytes before an
 * unmapped page are handed in and out, which works only if no more than
 * those 8 bytes are touched.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define PATTERN	0xa5

/* Every word of S; signals 32-34, the libcs' own, masked out of word 0. */
static void
show(const char *what, const sigset_t *s)
{
	const unsigned long *w = (const unsigned long *)s;
	size_t i;

	printf("%s:", what);
	for (i = 0; i < sizeof *s / sizeof *w; i++)
		printf(" %lx", i ? w[i] : w[i] & ~0x380000000UL);
	printf("\n");
}

static void
old_masks(void)
{
	sigset_t set, old;
	ucontext_t uc;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);

	memset(&old, PATTERN, sizeof old);
	printf("pthread_sigmask: %d\n",
	    pthread_sigmask(SIG_BLOCK, &set, &old));
	show("  old", &old);
	memset(&old, PATTERN, sizeof old);
	pthread_sigmask(SIG_BLOCK, NULL, &old);
	show("  now", &old);

	memset(&old, PATTERN, sizeof old);
	printf("sigprocmask: %d\n", sigprocmask(SIG_UNBLOCK, &set, &old));
	show("  old", &old);
	memset(&old, PATTERN, sizeof old);
	sigprocmask(SIG_SETMASK, NULL, &old);
	show("  now", &old);

	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	memset(&old, PATTERN, sizeof old);
	printf("sigpending: %d\n", sigpending(&old));
	show("  pending", &old);

	memset(&uc, PATTERN, sizeof uc);
	printf("getcontext: %d\n", getcontext(&uc));
	show("  uc_sigmask", &uc.uc_sigmask);

	/* leave SIGUSR1 pending and blocked: nobody handles it */
}

/* A sigset_t whose first 8 bytes end where an unmapped page begins. */
static sigset_t *
edge_set(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + page, page, PROT_NONE) != 0)
		return NULL;
	return (sigset_t *)(void *)(p + page - 8);
}

static void
edge_masks(void)
{
	sigset_t *e = edge_set();
	unsigned long *w = (unsigned long *)e;
	unsigned long usr2 = 1UL << (SIGUSR2 - 1);

	if (!e) {
		printf("no edge page\n");
		return;
	}
	w[0] = usr2;
	printf("edge pthread_sigmask set: %d\n",
	    pthread_sigmask(SIG_BLOCK, e, NULL));
	w[0] = 0;
	printf("edge pthread_sigmask old: %d", pthread_sigmask(SIG_BLOCK,
	    NULL, e));
	printf(" usr2=%d\n", (w[0] & usr2) != 0);
	w[0] = usr2;
	printf("edge sigprocmask set: %d\n", sigprocmask(SIG_UNBLOCK, e, NULL));
	w[0] = ~0UL;
	printf("edge sigprocmask old: %d", sigprocmask(SIG_BLOCK, NULL, e));
	printf(" usr2=%d\n", (w[0] & usr2) != 0);
	w[0] = ~0UL;
	printf("edge sigpending: %d", sigpending(e));
	printf(" usr1=%d\n", (w[0] & 1UL << (SIGUSR1 - 1)) != 0);
}

int
main(void)
{
	old_masks();
	fflush(stdout);		/* kept if the edge cases crash */
	edge_masks();
	return 0;
}
