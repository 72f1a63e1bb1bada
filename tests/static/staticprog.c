/*
 * A statically linked guest (built with glibc's libc.a, and with musl's as
 * a static-pie): every system call it makes is its own, so through the
 * shim each one is trapped and served by the shim. It prints what a
 * program sees of its start-up, files, signals, memory, processes and
 * threads; run natively and through the shim, the outputs must be equal.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static __thread int tls_mark = 7;
static volatile sig_atomic_t got;

static void on_signal(int sig)
{
	got = sig;
	tls_mark += sig;	/* the guest's thread pointer must be in %fs */
	errno = 0;
}

static void *thread_main(void *arg)
{
	return (void *)(long)(*(int *)arg * 2 + tls_mark);
}

/* Threads that make system calls at once: each its own files, errno and
 * thread-local variable. */
static void *busy_thread(void *arg)
{
	long id = (long)arg, ok = 0;
	char b[64];

	tls_mark = (int)id;
	for (int i = 0; i < 100; i++) {
		int fd = open("/proc/self/stat", O_RDONLY);

		if (fd >= 0 && read(fd, b, sizeof b) > 0)
			ok++;
		close(fd);
		if (open("/nonexistent/x", O_RDONLY) < 0 && errno == ENOENT)
			ok++;
	}
	return (void *)(ok + (tls_mark == id ? 0 : 100000));
}

int main(int argc, char **argv)
{
	char line[256];
	int fds[2];

	printf("argc %d, argv[1] %s\n", argc, argc > 1 ? argv[1] : "-");

	/* A file named on the command line. */
	FILE *f = fopen(argc > 1 ? argv[1] : "/etc/hostname", "r");
	if (f && fgets(line, sizeof line, f))
		printf("first line: %s", line);
	else
		printf("fopen: %s\n", strerror(errno));
	if (f)
		fclose(f);
	int fd = open("/nonexistent/x", O_RDONLY);
	printf("missing: %d %s\n", fd, strerror(errno));

	/* A handler, found again by sigaction. */
	struct sigaction sa = { .sa_handler = on_signal }, old;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	printf("raise: got %d, tls %d, handler found %d\n", (int)got,
	    tls_mark, old.sa_handler == on_signal);

	/* A signal that interrupts a blocked read. */
	if (pipe(fds) < 0)
		return perror("pipe"), 1;
	sigaction(SIGALRM, &sa, NULL);
	got = 0;
	alarm(1);
	ssize_t n = read(fds[0], line, sizeof line);
	printf("read: %zd %s, got %d, tls %d\n", n,
	    n < 0 ? strerror(errno) : "-", (int)got, tls_mark);

	/* Blocked signals stay blocked, pending ones arrive on unblock. */
	sigset_t set, was;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &was);
	got = 0;
	raise(SIGUSR1);
	printf("blocked: got %d\n", (int)got);
	sigprocmask(SIG_SETMASK, &was, NULL);
	printf("unblocked: got %d\n", (int)got);

	/* Memory. */
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 'x', 8192);
	printf("mmap: %c, mprotect %d\n", p[8191],
	    mprotect(p, 4096, PROT_READ));
	char *big = malloc(1 << 20);
	memset(big, 1, 1 << 20);
	printf("malloc: %d\n", big[(1 << 20) - 1]);
	free(big);

	/* A child process. */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		printf("child: tls %d\n", tls_mark);
		fflush(stdout);
		_exit(5);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("child exited %d\n", WEXITSTATUS(status));

	/* posix_spawn (glibc: clone3 with CLONE_VM|CLONE_VFORK and a stack
	 * of the child's), after exec failures that make the exec site hot,
	 * three times; system() goes the same way. */
	extern char **environ;
	char *echo[] = { "echo", "spawned", NULL };
	for (int i = 0; i < 3; i++)
		execve("/nonexistent/program", echo, environ);
	for (int i = 0; i < 3; i++) {
		fflush(stdout);
		if (posix_spawn(&pid, "/bin/echo", NULL, NULL, echo, environ)) {
			printf("posix_spawn failed\n");
			break;
		}
		waitpid(pid, &status, 0);
		printf("spawned child exited %d\n", WEXITSTATUS(status));
	}

	/* ARGV[2]: a file the programs a spawn starts must read; through
	 * the shim it exists only under the prefix, so this matches native
	 * only if the spawned child's exec is the shim's (exec rule and
	 * prefix), which needs the child trapped. */
	if (argc > 2) {
		char *cat[] = { "cat", argv[2], NULL }, cmd[512];
		FILE *p;

		fflush(stdout);
		if (posix_spawn(&pid, "/bin/cat", NULL, NULL, cat, environ)) {
			printf("posix_spawn cat failed\n");
		} else {
			waitpid(pid, &status, 0);
			printf("spawned cat exited %d\n", WEXITSTATUS(status));
		}
		snprintf(cmd, sizeof cmd, "cat %s", argv[2]);
		if ((p = popen(cmd, "r")) != NULL) {
			while (fgets(line, sizeof line, p))
				printf("popen: %s", line);
			printf("pclose: %d\n", pclose(p));
		}
		fflush(stdout);
		printf("system: %d\n", system(cmd));
	}

	/* A thread. */
	pthread_t t;
	int arg = 20;
	void *res;
	pthread_create(&t, NULL, thread_main, &arg);
	pthread_join(t, &res);
	printf("thread: %ld\n", (long)res);

	long total = 0;
	for (int round = 0; round < 5; round++) {
		pthread_t ts[6];

		for (long i = 0; i < 6; i++)
			pthread_create(&ts[i], NULL, busy_thread, (void *)i);
		for (int i = 0; i < 6; i++) {
			pthread_join(ts[i], &res);
			total += (long)res;
		}
	}
	printf("threads: %ld\n", total);
	return 3;
}
