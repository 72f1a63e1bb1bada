/*
 * Mutexes and condition variables before and after the process has a
 * second thread: while it has one, the shim locks a default mutex with
 * plain stores and signals no one (libshim/thread/mutex.c). A mutex held
 * when the second thread starts must still exclude it, every kind must
 * answer as glibc's, and a condition signalled after the thread starts
 * must wake it. Run natively and through the shim; the output must be
 * the same.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t rec = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t chk = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int stage;
static long counter;

static const char *err(int r)
{
	return r == 0 ? "0" : r == EBUSY ? "EBUSY" : r == EPERM ? "EPERM" :
		r == EDEADLK ? "EDEADLK" : strerror(r);
}

static void *other(void *arg)
{
	(void)arg;
	/* The main thread holds M (locked while it was alone). */
	printf("thread: trylock held: %s\n", err(pthread_mutex_trylock(&m)));
	fflush(stdout);
	pthread_mutex_lock(&m);
	while (stage != 1)
		pthread_cond_wait(&cv, &m);
	stage = 2;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 200000; i++) {
		pthread_mutex_lock(&m);
		counter++;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	int status;

	/* Alone. */
	printf("lock: %s\n", err(pthread_mutex_lock(&m)));
	printf("trylock held: %s\n", err(pthread_mutex_trylock(&m)));
	printf("unlock: %s\n", err(pthread_mutex_unlock(&m)));
	printf("trylock free: %s\n", err(pthread_mutex_trylock(&m)));
	printf("unlock: %s\n", err(pthread_mutex_unlock(&m)));
	/* One call at a time: the order of arguments is unspecified. */
	printf("recursive: %s", err(pthread_mutex_lock(&rec)));
	printf(" %s", err(pthread_mutex_lock(&rec)));
	printf(" %s", err(pthread_mutex_trylock(&rec)));
	printf(" %s", err(pthread_mutex_unlock(&rec)));
	printf(" %s", err(pthread_mutex_unlock(&rec)));
	printf(" %s", err(pthread_mutex_unlock(&rec)));
	printf(" %s\n", err(pthread_mutex_unlock(&rec)));
	printf("errorcheck: unlock free %s", err(pthread_mutex_unlock(&chk)));
	printf(", lock %s", err(pthread_mutex_lock(&chk)));
	printf(", lock again %s", err(pthread_mutex_lock(&chk)));
	printf(", unlock %s", err(pthread_mutex_unlock(&chk)));
	printf(", unlock again %s\n", err(pthread_mutex_unlock(&chk)));
	printf("signal %s", err(pthread_cond_signal(&cv)));
	printf(", broadcast %s\n", err(pthread_cond_broadcast(&cv)));

	/* A child of fork: still alone, its copy of M held. */
	pthread_mutex_lock(&m);
	fflush(stdout);
	if (fork() == 0) {
		printf("child: trylock held: %s", err(pthread_mutex_trylock(&m)));
		printf(", unlock %s", err(pthread_mutex_unlock(&m)));
		printf(", lock %s", err(pthread_mutex_lock(&m)));
		printf(", unlock %s\n", err(pthread_mutex_unlock(&m)));
		fflush(stdout);
		_exit(0);
	}
	wait(&status);

	/* M is held as the second thread starts. */
	pthread_create(&t, NULL, other, NULL);
	usleep(20000);
	stage = 1;
	pthread_cond_signal(&cv);
	while (stage != 2)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 200000; i++) {
		pthread_mutex_lock(&m);
		counter++;
		pthread_mutex_unlock(&m);
	}
	pthread_join(t, NULL);
	printf("stage %d, counter %ld\n", stage, counter);
	printf("trylock free: %s\n", err(pthread_mutex_trylock(&m)));
	printf("unlock: %s\n", err(pthread_mutex_unlock(&m)));
	return 0;
}
