/*
 * fork while two other threads go in and out of the dynamic loader
 * (dlopen, dlsym, dlclose) and the exit-handler list (atexit): every
 * child must be able to dlopen, dlsym and atexit, and exit. A child that
 * hangs dies of SIGALRM after 5 s and is counted. glibc 2.36 itself fails
 * this (its children hung in 6 and 20 of 60 in two runs here): the test
 * holds the shim to every child, and has no native reference.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FORKS 60

/* Found through the program's RUNPATH (the build directory). */
static const char *const lib_a = "libstresstls.so";
static const char *const lib_b = "libstressbig.so";
static atomic_int stop;

static void noop(void)
{
}

static void *churn(void *arg)
{
	long n = 0;

	(void)arg;
	while (!atomic_load(&stop)) {
		void *h = dlopen(lib_a, RTLD_NOW);

		if (!h || !dlsym(h, "lib_check")) {
			fprintf(stderr, "churn: %s\n", dlerror());
			exit(2);
		}
		dlclose(h);
		if (n++ < 500)
			atexit(noop);
	}
	return NULL;
}

static int child(void)
{
	void *h = dlopen(lib_b, RTLD_NOW);

	if (!h || !dlsym(h, "big_check"))
		return 3;
	if (atexit(noop))
		return 4;
	return 0;
}

int main(void)
{
	pthread_t t[2];
	int ok = 0;

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, churn, NULL);
	for (int i = 0; i < FORKS; i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0) {
			alarm(5);	/* a hung child dies of SIGALRM */
			exit(child());
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			return 2;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ok++;
		else
			fprintf(stderr, "child %d: %s %d\n", i,
				WIFEXITED(status) ? "exit" : "signal",
				WIFEXITED(status) ? WEXITSTATUS(status) :
				WTERMSIG(status));
	}
	atomic_store(&stop, 1);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("%d of %d fork children loaded a library and exited\n", ok,
		FORKS);
	return ok == FORKS ? 0 : 1;
}
