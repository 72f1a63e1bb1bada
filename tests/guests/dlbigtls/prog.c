/*
 * dlbigtls: a library whose TLS is larger than the static TLS the loader
 * keeps, dlopen'ed at run time: each thread gets its own initialized
 * block (glibc's dynamic TLS).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static const char *(*text)(void);
static int (*next)(void);
static char results[2][64];

static void *worker(void *arg)
{
	int id = (int)(long)arg;
	int a = next(), b = next();

	snprintf(results[id], sizeof results[id], "thread %d: %s %d %d", id,
	    text(), a, b);
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	void *h = dlopen("libdlbigtls.so", RTLD_NOW);

	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	text = (const char *(*)(void))dlsym(h, "big_text");
	next = (int (*)(void))dlsym(h, "big_next");
	printf("main: %s %d\n", text(), next());
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 2; i++)
		printf("%s\n", results[i]);
	printf("main again: %d\n", next());
	return 0;
}
