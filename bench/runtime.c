/*
 * bench/runtime.c — wall time of repeated program start-ups.
 *
 *   runtime [-w WARMUP] N PROG [ARGS...]
 *
 * Runs PROG (a path; no PATH search) WARMUP times untimed, then N times,
 * each with fork + execv + waitpid timed by CLOCK_MONOTONIC; the child's
 * stdout and stdin are /dev/null.  Prints one line on stdout:
 *   median_us min_us max_us
 * Exit status 0, or 1 when PROG could not be started or exited non-zero
 * (with a message on stderr), or 2 on a usage error.
 * A host tool built against the system libc by bench/startup.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* One run of argv; its wall time in microseconds, or -1 on failure. */
static double run_once(char **argv, int devnull)
{
	double start = now_us(), end;
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("runtime: fork");
		return -1;
	}
	if (pid == 0) {
		dup2(devnull, 0);
		dup2(devnull, 1);
		execv(argv[0], argv);
		fprintf(stderr, "runtime: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("runtime: waitpid");
		return -1;
	}
	end = now_us();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFSIGNALED(status))
			fprintf(stderr, "runtime: %s: killed by signal %d\n",
			    argv[0], WTERMSIG(status));
		else
			fprintf(stderr, "runtime: %s: exit status %d\n",
			    argv[0], WEXITSTATUS(status));
		return -1;
	}
	return end - start;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int usage(void)
{
	fprintf(stderr, "usage: runtime [-w WARMUP] N PROG [ARGS...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	int warmup = 2, n, i, devnull, rc = 1;
	double *t = NULL, median;

	if (argc > 2 && strcmp(argv[1], "-w") == 0) {
		warmup = atoi(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc < 3 || (n = atoi(argv[1])) < 1 || warmup < 0)
		return usage();
	devnull = open("/dev/null", O_RDWR);
	t = calloc(n, sizeof(*t));
	if (devnull < 0 || !t) {
		perror("runtime");
		goto fail;
	}
	for (i = 0; i < warmup; i++)
		if (run_once(argv + 2, devnull) < 0)
			goto fail;
	for (i = 0; i < n; i++)
		if ((t[i] = run_once(argv + 2, devnull)) < 0)
			goto fail;
	qsort(t, n, sizeof(*t), cmp_double);
	median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	printf("%.0f %.0f %.0f\n", median, t[0], t[n - 1]);
	rc = 0;
fail:
	free(t);
	return rc;
}
