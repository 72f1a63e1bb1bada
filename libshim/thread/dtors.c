/*
 * thread_local destructors for C++ (__cxa_thread_atexit_impl, which
 * libstdc++ calls): each thread's list, run newest first when the thread
 * ends (through a pthread key) or, for the thread that calls exit, from
 * exit before the exit handlers (lx_run_thread_dtors), as glibc does.
 */
#include <pthread.h>
#include <stdlib.h>

#include "shim/gnu.h"

struct tls_dtor {
	void (*fn)(void *);
	void *obj;
	struct tls_dtor *next;
};

static pthread_key_t dtor_key;
static pthread_once_t dtor_once = PTHREAD_ONCE_INIT;

/* Run (newest first) and free a thread's destructors; they may add more. */
static void run_dtors(void *head)
{
	struct tls_dtor *d = head;

	while (d) {
		pthread_setspecific(dtor_key, NULL);
		while (d) {
			struct tls_dtor *next = d->next;

			d->fn(d->obj);
			free(d);
			d = next;
		}
		d = pthread_getspecific(dtor_key);
	}
}

static void dtor_key_init(void)
{
	pthread_key_create(&dtor_key, run_dtors);
}

int lx___cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso)
{
	struct tls_dtor *d = malloc(sizeof *d);

	(void)dso;	/* XXX: a dlclose'd object's destructors are not pinned */
	if (!d)
		return -1;
	pthread_once(&dtor_once, dtor_key_init);
	d->fn = fn;
	d->obj = obj;
	d->next = pthread_getspecific(dtor_key);
	pthread_setspecific(dtor_key, d);
	return 0;
}

/* exit(): the calling thread's thread_local objects die first, as glibc. */
void lx_run_thread_dtors(void)
{
	if (dtor_once == PTHREAD_ONCE_INIT)
		return;
	run_dtors(pthread_getspecific(dtor_key));
}
