/*
 * dltls: threads that exist when a library with TLS is dlopen'ed see its
 * initial values (glibc initializes the static TLS of every thread), each
 * thread keeps its own copy, and a second dlopen of the same library
 * leaves the values alone.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 3

static pthread_barrier_t loaded, done;
static char results[NTHREADS][128];
static int (*get)(void);
static const char *(*get_text)(void);
static long (*sum_zero)(void);
static void (*set)(int);

static void *worker(void *arg)
{
	int id = (int)(long)arg;
	int v;

	pthread_barrier_wait(&loaded);	/* main has dlopen'ed */
	pthread_barrier_wait(&loaded);
	v = get();
	set(100 + id);
	snprintf(results[id], sizeof results[id], "thread %d: %d %s %ld, own %d",
	    id, v, get_text(), sum_zero(), get());
	pthread_barrier_wait(&done);
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	void *h, *h2;

	pthread_barrier_init(&loaded, NULL, NTHREADS + 1);
	pthread_barrier_init(&done, NULL, NTHREADS);
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	pthread_barrier_wait(&loaded);
	h = dlopen("libdltls.so", RTLD_NOW);
	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	get = (int (*)(void))dlsym(h, "dltls_get");
	get_text = (const char *(*)(void))dlsym(h, "dltls_get_text");
	sum_zero = (long (*)(void))dlsym(h, "dltls_sum_zero");
	set = (void (*)(int))dlsym(h, "dltls_set");
	set(7);
	pthread_barrier_wait(&loaded);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++)
		printf("%s\n", results[i]);
	h2 = dlopen("libdltls.so", RTLD_NOW);
	printf("main: %d %s, again %s\n", get(), get_text(),
	    h2 == h ? "same handle" : "other handle");
	return 0;
}
