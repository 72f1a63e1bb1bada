/*
 * pthread_cleanup_push/pop of C code (glibc's setjmp-based buffers and
 * __pthread_unwind_next) under pthread_exit and pthread_cancel, through
 * nested frames and functions, interleaved with the C library's own
 * cancellation points. Prints the order in which handlers run and what
 * pthread_join returns.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char trail[256];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void note(void *arg)
{
	pthread_mutex_lock(&lock);
	strcat(trail, arg);
	strcat(trail, " ");
	pthread_mutex_unlock(&lock);
}

static int mode;
static sem_t never, started;
static volatile unsigned long spin;

static void deep(int depth)
{
	static char *names[] = { "d0", "d1", "d2", "d3" };

	if (depth == 4) {
		switch (mode) {
		case 0:
			pthread_exit((void *)42);
		case 1:
			sem_post(&started);
			for (;;)
				pause();	/* cancellation point */
		case 2:
			sem_post(&started);
			sem_wait(&never);	/* libc cleanup inside ours */
			break;
		case 3:
			sem_post(&started);
			for (;;)
				pthread_testcancel();
		case 4:
			pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS,
				NULL);
			sem_post(&started);
			for (;;)
				spin++;	/* no cancellation point */
		}
		return;
	}
	pthread_cleanup_push(note, names[depth]);
	deep(depth + 1);
	pthread_cleanup_pop(0);
}

static void *thread(void *arg)
{
	(void)arg;
	pthread_cleanup_push(note, "outer");
	pthread_cleanup_push(note, "inner");
	/* popped with execute and without: run inline, not on exit */
	pthread_cleanup_push(note, "inline-run");
	pthread_cleanup_pop(1);
	pthread_cleanup_push(note, "inline-skip");
	pthread_cleanup_pop(0);
	deep(0);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return (void *)7;
}

static void run(int m, const char *what)
{
	pthread_t t;
	void *ret;

	mode = m;
	trail[0] = 0;
	pthread_create(&t, NULL, thread, NULL);
	if (m) {
		sem_wait(&started);
		usleep(20000);
		pthread_cancel(t);
	}
	pthread_join(t, &ret);
	printf("%s: %s| join %s\n", what, trail,
		ret == PTHREAD_CANCELED ? "PTHREAD_CANCELED" :
		ret == (void *)42 ? "42" : "other");
}

/* No cleanup registered at all: pthread_exit still ends the thread. */
static void *plain(void *arg)
{
	pthread_exit(arg);
}

int main(void)
{
	pthread_t t;
	void *ret;

	sem_init(&never, 0, 0);
	sem_init(&started, 0, 0);
	run(0, "pthread_exit");
	run(1, "cancel in pause");
	run(2, "cancel in sem_wait");
	run(3, "cancel in testcancel");
	run(4, "asynchronous cancel");
	pthread_create(&t, NULL, plain, (void *)5);
	pthread_join(t, &ret);
	printf("plain exit: %ld\n", (long)ret);
	/* The main thread ends through its handlers too. */
	pthread_cleanup_push(note, "main");
	trail[0] = 0;
	fflush(stdout);
	pthread_cleanup_pop(1);
	printf("main pop: %s\n", trail);
	return 0;
}
