/*
 * A thread attribute carrying a CPU set (pthread_attr_setaffinity_np, as
 * libgomp uses it): the new thread runs on CPU 0 only; a fresh attribute
 * at the same address carries nothing.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static void *show(void *arg)
{
	cpu_set_t s;

	sched_getaffinity(0, sizeof s, &s);
	printf("%s: %d cpu(s), cpu0 %d\n", (const char *)arg, CPU_COUNT(&s),
		CPU_ISSET(0, &s));
	return NULL;
}

int main(void)
{
	pthread_attr_t a;
	pthread_t t;
	cpu_set_t one, got;

	CPU_ZERO(&one);
	CPU_SET(0, &one);
	pthread_attr_init(&a);
	pthread_attr_setaffinity_np(&a, sizeof one, &one);
	pthread_attr_getaffinity_np(&a, sizeof got, &got);
	printf("attr: %d cpu(s)\n", CPU_COUNT(&got));
	pthread_create(&t, &a, show, "pinned");
	pthread_join(t, NULL);
	pthread_attr_destroy(&a);
	pthread_attr_init(&a);
	pthread_attr_getaffinity_np(&a, sizeof got, &got);
	printf("fresh attr: all set %d\n", CPU_COUNT(&got) == CPU_SETSIZE);
	pthread_attr_destroy(&a);
	return 0;
}
