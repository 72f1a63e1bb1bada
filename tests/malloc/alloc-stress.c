/*
 * The allocator under threads and fork: 32 threads allocate, pass on and
 * free blocks of every size class while the main thread forks in the
 * middle; the child allocates from every size class (the allocator's
 * locks must have been taken over cleanly) and starts threads of its own.
 * 100 rounds; any crash, hang or corruption fails the run.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { THREADS = 32, ROUNDS = 100, PER_THREAD = 100, SLOTS = 64 };

static void *volatile shared[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t size_for(unsigned x)
{
	/* mostly small, some page runs, a few large */
	switch (x % 16) {
	case 0: return 20000 + x % 100000;
	case 1: case 2: return 4096 + x % 12000;
	default: return 1 + x % 1024;
	}
}

static int fill_check(unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i += 97)
		if (p[i] != v)
			return 0;
	return 1;
}

static void *worker(void *arg)
{
	unsigned x = (unsigned)(uintptr_t)arg * 2654435761u;
	void *mine[16] = { 0 };
	size_t sizes[16] = { 0 };

	for (int i = 0; i < PER_THREAD; i++) {
		int k = i % 16;
		void *old;

		x = x * 1103515245u + 12345u;
		if (mine[k]) {
			if (!fill_check(mine[k], sizes[k], (unsigned char)k))
				abort();
			free(mine[k]);
		}
		sizes[k] = size_for(x >> 8);
		mine[k] = malloc(sizes[k]);
		if (!mine[k])
			abort();
		memset(mine[k], k, sizes[k]);
		/* hand a block to another thread, which frees it */
		if (i % 7 == 0) {
			void *p = malloc(size_for(x >> 3));

			pthread_mutex_lock(&lock);
			old = shared[x % SLOTS];
			shared[x % SLOTS] = p;
			pthread_mutex_unlock(&lock);
			free(old);
		}
	}
	for (int k = 0; k < 16; k++)
		free(mine[k]);
	return NULL;
}

static void *child_thread(void *arg)
{
	free(malloc((size_t)(uintptr_t)arg));
	return NULL;
}

static int in_child(void)
{
	pthread_t t[4];

	for (unsigned x = 1; x < 400; x++) {
		void *p = malloc(size_for(x * 7919));

		if (!p)
			return 1;
		free(p);
	}
	for (int i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, child_thread,
		    (void *)(uintptr_t)(1000 * (i + 1))))
			return 1;
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return 0;
}

int main(void)
{
	for (int r = 0; r < ROUNDS; r++) {
		pthread_t t[THREADS];
		int status;
		pid_t pid;

		for (int i = 0; i < THREADS; i++)
			if (pthread_create(&t[i], NULL, worker,
			    (void *)(uintptr_t)(r * THREADS + i + 1))) {
				printf("pthread_create failed\n");
				return 1;
			}
		pid = fork();
		if (pid == 0)
			_exit(in_child());
		for (int i = 0; i < THREADS; i++)
			pthread_join(t[i], NULL);
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("round %d: child failed\n", r);
			return 1;
		}
	}
	for (int i = 0; i < SLOTS; i++)
		free(shared[i]);
	printf("%d rounds of %d threads with a fork: ok\n", ROUNDS, THREADS);
	return 0;
}
