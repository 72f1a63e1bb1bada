/*
 * shim-check --load: each shared library is loaded through the shim
 * (`ld-linux-shim --load LIB`) in a child of its own, which binds every
 * symbol and runs the initializers. A child gets /dev/null as stdin and
 * stdout, an unlinked temporary file as stderr (its first line is the
 * report's message), no core dumps, a process group of its own, and
 * TIMEOUT seconds before the group is killed; JOBS children run at once.
 */
#define _GNU_SOURCE	/* sigabbrev_np, mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shim-check.h"

#define SHIM_PREFIX_TEXT "ld-linux-shim: "
#define MSG_MAX 4096

struct child {
	pid_t pid;
	int errfd;
	struct timespec start;
	struct sc_object *o;
};

const char *load_name(enum sc_load l)
{
	static const char *const names[] = {
		[SC_LOAD_NONE] = "-", [SC_LOAD_OK] = "ok",
		[SC_LOAD_FAILED] = "failed", [SC_LOAD_CRASHED] = "crashed",
		[SC_LOAD_TIMEOUT] = "timeout",
	};
	return names[l];
}

const char *load_signal_name(int sig)
{
	static char buf[32];
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, sizeof buf, "SIG%s", abbrev);
	else
		snprintf(buf, sizeof buf, "signal %d", sig);
	return buf;
}

int load_check_shim(const char *shim)
{
	if (access(shim, X_OK) == 0)
		return 0;
	fprintf(stderr, "shim-check: %s: %s (the shim for --load; see "
		"--shim)\n", shim, strerror(errno));
	return -1;
}

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

static int temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd;

	snprintf(path, sizeof path, "%s/shim-check.XXXXXX",
		dir && *dir ? dir : "/tmp");
	if ((fd = mkostemp(path, O_CLOEXEC)) >= 0)
		unlink(path);
	return fd;
}

/* In the child: never returns. */
static void exec_shim(const struct sc_object *o, int errfd,
	const struct sc_load_opts *opt)
{
	const char *argv[8];
	struct rlimit no_core = { 0, 0 };
	int n = 0, null = open("/dev/null", O_RDWR);

	setpgid(0, 0);
	setrlimit(RLIMIT_CORE, &no_core);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
	    dup2(errfd, 2) < 0)
		_exit(126);
	argv[n++] = opt->shim;
	if (opt->prefix) {
		argv[n++] = "--prefix";
		argv[n++] = opt->prefix;
	}
	argv[n++] = "--load";
	argv[n++] = "--";
	argv[n++] = o->path;
	argv[n] = NULL;
	execv(opt->shim, (char *const *)argv);
	dprintf(2, "shim-check: %s: %s\n", opt->shim, strerror(errno));
	_exit(126);
}

static int spawn(struct child *c, struct sc_object *o,
	const struct sc_load_opts *opt)
{
	c->o = o;
	if ((c->errfd = temp_file()) < 0) {
		fprintf(stderr, "shim-check: temporary file: %s\n",
			strerror(errno));
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	if ((c->pid = fork()) < 0) {
		fprintf(stderr, "shim-check: fork: %s\n", strerror(errno));
		close(c->errfd);
		return -1;
	}
	if (c->pid == 0)
		exec_shim(o, c->errfd, opt);
	setpgid(c->pid, c->pid);	/* either side may win the race */
	return 0;
}

/* The child's message: its first shim error line, else its first line. */
static char *first_line(int fd)
{
	char buf[MSG_MAX + 2], *line = NULL, *p, *end;
	size_t plen = strlen(SHIM_PREFIX_TEXT);
	ssize_t n = pread(fd, buf, MSG_MAX, 0);

	if (n <= 0)
		return NULL;
	buf[n] = 0;
	for (p = buf; *p; p = end + 1) {
		end = p + strcspn(p, "\n");
		if (!*end)
			end[1] = 0;	/* the last line: stop after it */
		*end = 0;
		if (end == p)
			continue;
		if (!strncmp(p, SHIM_PREFIX_TEXT, plen)) {
			line = p + plen;
			break;
		}
		if (!line)
			line = p;
	}
	return line ? xstrdup(line) : NULL;
}

static void finish(struct child *c, int status, bool timed_out,
	const struct sc_load_opts *opt)
{
	struct sc_object *o = c->o;

	o->load_secs = since(&c->start);
	o->load_msg = first_line(c->errfd);
	close(c->errfd);
	if (timed_out) {
		o->load = SC_LOAD_TIMEOUT;
		free(o->load_msg);
		o->load_msg = xmalloc(64);
		snprintf(o->load_msg, 64, "killed after %u s", opt->timeout);
	} else if (WIFSIGNALED(status)) {
		o->load = SC_LOAD_CRASHED;
		o->load_signal = WTERMSIG(status);
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		o->load = SC_LOAD_OK;
	} else {
		o->load = SC_LOAD_FAILED;
		if (!o->load_msg) {
			o->load_msg = xmalloc(32);
			snprintf(o->load_msg, 32, "exit status %d",
				WEXITSTATUS(status));
		}
	}
}

/*
 * Reap C if it ended or its time is up; true if it is gone. The group
 * is killed before the leader is reaped, so its id cannot be reused yet:
 * whatever the library's initializers started dies with it.
 */
static bool reap(struct child *c, const struct sc_load_opts *opt)
{
	siginfo_t si = { 0 };
	bool late = false;
	int status;

	if (waitid(P_PID, c->pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
		si.si_pid = c->pid;
	if (si.si_pid != c->pid && !(late = since(&c->start) >= opt->timeout))
		return false;
	kill(-c->pid, SIGKILL);
	while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (late && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
		late = false;	/* it ended on its own just in time */
	finish(c, status, late, opt);
	return true;
}

static bool wanted(const struct sc_object *o)
{
	return o->is_lib && (o->status == SC_OK || o->status == SC_PARTIAL);
}

int load_all(struct sc_object **v, size_t n, const struct sc_load_opts *opt)
{
	struct child *run = xmalloc(opt->jobs * sizeof *run);
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	struct sigaction dfl = { .sa_handler = SIG_DFL }, old_sa;
	sigset_t chld, old;
	size_t next = 0, nrun = 0;
	int err = 0;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigaction(SIGCHLD, &dfl, &old_sa);
	sigprocmask(SIG_BLOCK, &chld, &old);
	while (next < n || nrun) {
		while (nrun < opt->jobs && next < n) {
			struct sc_object *o = v[next++];

			if (!wanted(o))
				continue;
			if (spawn(&run[nrun], o, opt) == 0)
				nrun++;
			else
				err = -1;
		}
		if (!nrun)
			continue;
		/* Woken by SIGCHLD, or after TICK to look at the clocks. */
		sigtimedwait(&chld, NULL, &tick);
		for (size_t i = 0; i < nrun;)
			if (reap(&run[i], opt))
				run[i] = run[--nrun];
			else
				i++;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGCHLD, &old_sa, NULL);
	free(run);
	return err;
}
