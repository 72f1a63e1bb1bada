/*
 * bench/spawn.c — one run of a program, measured from a small parent.
 *
 *   spawn OUT PROG [ARGS...]
 *
 * Runs PROG (a path; no PATH search) once with stdout to the file OUT,
 * stdin and stderr on /dev/null, and prints one line on stdout:
 *   wall_s cpu_s maxrss_kib status
 * wall_s is CLOCK_MONOTONIC around fork + execv + wait4, cpu_s the child's
 * user + system time and maxrss_kib its peak resident set (both from
 * wait4), status its exit status (128 + N for signal N).
 *
 * Why a parent of its own: Linux carries the peak RSS of the process that
 * forks over into the child's ru_maxrss (fork copies the address space,
 * and exec keeps the old high-water mark), so a child of a large parent
 * (a Python interpreter holding outputs) reports the parent's size. This
 * parent is a few hundred KiB. A host tool built against the system libc
 * by bench/workloads. Exit status 0, or 1 if PROG could not be started.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct rusage ru;
	int status, out, null;
	double t0, wall;
	pid_t pid;

	if (argc < 3) {
		fputs("usage: spawn OUT PROG [ARGS...]\n", stderr);
		return 2;
	}
	out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (out < 0 || null < 0) {
		perror("spawn: open");
		return 1;
	}
	t0 = now();
	pid = fork();
	if (pid < 0) {
		perror("spawn: fork");
		return 1;
	}
	if (pid == 0) {
		if (dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(null, 2) < 0)
			_exit(127);
		execv(argv[2], argv + 2);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("spawn: wait4");
		return 1;
	}
	wall = now() - t0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		fprintf(stderr, "spawn: %s: could not be started\n", argv[2]);
		return 1;
	}
	printf("%.6f %.6f %ld %d\n", wall,
	    ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
	    ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
