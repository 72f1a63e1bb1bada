/*
 * CPU affinity carried by a thread attribute (pthread_attr_setaffinity_np,
 * which libgomp and perf use): musl's pthread_attr_t has no room for it,
 * so the set lives in a table keyed by the attribute's address, cleared by
 * pthread_attr_init/destroy; lx_pthread_create applies it in the new
 * thread before the start routine runs.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "shim/libshim.h"

struct aff {
	const pthread_attr_t *attr;
	size_t size;
	unsigned char *set;
	struct aff *next;
};

static struct aff *table;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Unlink ATTR's entry (lock held); returns it or NULL. */
static struct aff *take(const pthread_attr_t *attr)
{
	for (struct aff **pp = &table; *pp; pp = &(*pp)->next) {
		if ((*pp)->attr == attr) {
			struct aff *a = *pp;

			*pp = a->next;
			return a;
		}
	}
	return NULL;
}

static void forget(const pthread_attr_t *attr)
{
	struct aff *a;

	pthread_mutex_lock(&lock);
	a = take(attr);
	pthread_mutex_unlock(&lock);
	if (a) {
		free(a->set);
		free(a);
	}
}

int lx_pthread_attr_init(pthread_attr_t *attr)
{
	forget(attr);
	return pthread_attr_init(attr);
}

int lx_pthread_attr_destroy(pthread_attr_t *attr)
{
	forget(attr);
	return pthread_attr_destroy(attr);
}

int lx_pthread_attr_setaffinity_np(pthread_attr_t *attr, size_t size,
	const cpu_set_t *set)
{
	struct aff *a;

	forget(attr);
	if (!set || !size)
		return 0;
	if (!(a = malloc(sizeof *a)) || !(a->set = malloc(size))) {
		free(a);
		return ENOMEM;
	}
	a->attr = attr;
	a->size = size;
	memcpy(a->set, set, size);
	pthread_mutex_lock(&lock);
	a->next = table;
	table = a;
	pthread_mutex_unlock(&lock);
	return 0;
}

int lx_pthread_attr_getaffinity_np(const pthread_attr_t *attr, size_t size,
	cpu_set_t *set)
{
	int r = 0;

	pthread_mutex_lock(&lock);
	for (struct aff *a = table; a; a = a->next) {
		if (a->attr != attr)
			continue;
		/* glibc: EINVAL if a set bit does not fit in SIZE. */
		for (size_t i = size; i < a->size; i++)
			if (a->set[i])
				r = EINVAL;
		if (!r) {
			memset(set, 0, size);
			memcpy(set, a->set, size < a->size ? size : a->size);
		}
		pthread_mutex_unlock(&lock);
		return r;
	}
	pthread_mutex_unlock(&lock);
	memset(set, 0xff, size);	/* no affinity given: every CPU */
	return 0;
}

/* A copy of ATTR's set for a new thread (free it), or NULL. */
void *lx_attr_affinity(const pthread_attr_t *attr, size_t *size)
{
	void *copy = NULL;

	if (!attr)
		return NULL;
	pthread_mutex_lock(&lock);
	for (struct aff *a = table; a; a = a->next) {
		if (a->attr == attr && (copy = malloc(a->size))) {
			memcpy(copy, a->set, a->size);
			*size = a->size;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	return copy;
}
