/*
 * mutate-dlopen: the glibc side of the mutation test. Built with the
 * system gcc against glibc. For each FILE it forks a child that does
 * dlopen(FILE, RTLD_NOW), tells the parent through a pipe whether dlopen
 * returned a handle or an error (dlerror() goes to stderr), and exits
 * through exit(), so the library's finalizers run as they do after
 * `ld-linux-shim --load`. The parent kills a child that outlives the
 * timeout and prints one line per file on stdout:
 *
 *	loaded FILE    dlopen returned a handle, exit() returned 0
 *	error FILE     dlopen returned NULL, exit() returned 0
 *	signal N FILE  the child died on signal N (in dlopen or at exit)
 *	exit N FILE    the child exited with N != 0 (ld.so's fatal errors
 *	               and failed assertions exit 127), or with 0 before
 *	               dlopen returned
 *	timeout FILE   the child had not exited after the timeout
 *
 * Exit status: 0 when every line was printed, 2 on a usage or system
 * error. The children's own output never reaches stdout.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: mutate-dlopen [-t SECONDS] FILE...\n");
	exit(2);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The child: never returns. It writes 'L' (loaded) or 'E' (error) to
 * the pipe FD once dlopen has returned, then exits through exit(). Its
 * stdout goes to /dev/null so that a library initializer cannot forge a
 * result line. */
static void child(const char *file, const sigset_t *old, int fd)
{
	int null = open("/dev/null", O_WRONLY);
	char c = 'L';

	if (null >= 0) {
		dup2(null, STDOUT_FILENO);
		close(null);
	}
	sigprocmask(SIG_SETMASK, old, NULL);
	if (!dlopen(file, RTLD_NOW)) {
		const char *e = dlerror();

		fprintf(stderr, "mutate-dlopen: %s\n", e ? e : "dlopen failed");
		c = 'E';
	}
	if (write(fd, &c, 1) != 1)
		_exit(3);
	exit(0);
}

/* Wait for PID at most TIMEOUT seconds; SIGCHLD is blocked. Returns the
 * wait status, or -1 when the child was killed for the timeout. */
static int wait_child(pid_t pid, double timeout, const sigset_t *chld)
{
	double deadline = now() + timeout;
	int st;

	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		double left;
		struct timespec ts;

		if (r == pid)
			return st;
		if (r < 0 && errno != EINTR) {
			perror("mutate-dlopen: waitpid");
			exit(2);
		}
		left = deadline - now();
		if (left <= 0) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			return -1;
		}
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - ts.tv_sec) * 1e9);
		sigtimedwait(chld, NULL, &ts);
	}
}

static void probe(const char *file, double timeout)
{
	sigset_t chld, old;
	pid_t pid;
	int st, fd[2];
	char c = 0;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	fflush(stdout);
	if (pipe2(fd, O_CLOEXEC) < 0) {
		perror("mutate-dlopen: pipe");
		exit(2);
	}
	pid = fork();
	if (pid < 0) {
		perror("mutate-dlopen: fork");
		exit(2);
	}
	if (pid == 0) {
		close(fd[0]);
		child(file, &old, fd[1]);
	}
	close(fd[1]);
	st = wait_child(pid, timeout, &chld);
	sigprocmask(SIG_SETMASK, &old, NULL);
	/* The child has exited: its byte, if it wrote one, is there. */
	fcntl(fd[0], F_SETFL, O_NONBLOCK);
	if (read(fd[0], &c, 1) != 1)
		c = 0;
	close(fd[0]);
	if (st == -1)
		printf("timeout %s\n", file);
	else if (WIFSIGNALED(st))
		printf("signal %d %s\n", WTERMSIG(st), file);
	else if (WEXITSTATUS(st) == 0 && c == 'L')
		printf("loaded %s\n", file);
	else if (WEXITSTATUS(st) == 0 && c == 'E')
		printf("error %s\n", file);
	else
		printf("exit %d %s\n", WEXITSTATUS(st), file);
}

int main(int argc, char **argv)
{
	double timeout = 10;
	int i = 1;

	if (i + 1 < argc && !strcmp(argv[i], "-t")) {
		char *end;

		timeout = strtod(argv[i + 1], &end);
		if (*end || timeout <= 0)
			usage();
		i += 2;
	}
	if (i >= argc)
		usage();
	for (; i < argc; i++)
		probe(argv[i], timeout);
	return fflush(stdout) ? 2 : 0;
}
