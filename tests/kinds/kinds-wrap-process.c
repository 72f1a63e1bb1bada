/*
 * tests/kinds/kinds-wrap-process.c: the "wrap" cases of the process
 * (libshim/start/, libshim/signal/): the environment, execve and
 * posix_spawn, the program's name, sigaction and the signal mask. Part of
 * kinds-wrap (kinds-wrap.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kinds.h"

static void
t_getenv(void **state)
{
	(void)state;
	assert_null(getenv("KINDS_SURELY_UNSET"));
	assert_int_equal(setenv("KINDS_GET", "v=1", 1), 0);
	assert_string_equal(getenv("KINDS_GET"), "v=1");
	/* Whole names only: a prefix does not match. */
	assert_null(getenv("KINDS_GE"));
	assert_int_equal(putenv("KINDS_PUT=p"), 0);
	assert_string_equal(getenv("KINDS_PUT"), "p");
	/* A name with '=' never matches. */
	assert_null(getenv("KINDS_PUT=p"));
}

static void
t_setenv(void **state)
{
	extern char **environ;
	int found = 0;

	(void)state;
	assert_int_equal(setenv("KINDS_SET", "1", 0), 0);
	assert_string_equal(getenv("KINDS_SET"), "1");
	assert_int_equal(setenv("KINDS_SET", "2", 0), 0);
	assert_string_equal(getenv("KINDS_SET"), "1");
	assert_int_equal(setenv("KINDS_SET", "3", 1), 0);
	assert_string_equal(getenv("KINDS_SET"), "3");
	/* The change is visible in environ. */
	for (char **e = environ; *e; e++)
		found += !strcmp(*e, "KINDS_SET=3");
	assert_int_equal(found, 1);
	assert_errno(setenv("A=B", "x", 1), -1, EINVAL);
	assert_errno(setenv("", "x", 1), -1, EINVAL);
	assert_errno(setenv(NULL, "x", 1), -1, EINVAL);
}

static void
t_unsetenv(void **state)
{
	(void)state;
	assert_int_equal(setenv("KINDS_UNSET", "v", 1), 0);
	assert_int_equal(unsetenv("KINDS_UNSET"), 0);
	assert_null(getenv("KINDS_UNSET"));
	assert_int_equal(unsetenv("KINDS_UNSET"), 0);
	assert_errno(unsetenv("A=B"), -1, EINVAL);
	assert_errno(unsetenv(""), -1, EINVAL);
}

/*
 * execve(PATH) in a child: its errno as the exit status, or the status of
 * what PATH started (the scripts here exit with 120).
 */
static int
exec_errno(const char *path)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		errno = 0;
		if (execve(path, argv, envp) == -1)
			_exit(errno & 0x7f);
		_exit(126);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void
t_execve(void **state)
{
	(void)state;
	kinds_write("exec-script", "#!/bin/sh\nexit 120\n");
	assert_int_equal(chmod(kinds_path("exec-script"), 0755), 0);
	kinds_write("noexec-dir", "");
	/* The check that the test runs what it should. */
	assert_int_equal(exec_errno(kinds_path("exec-script")), 120);
	assert_int_equal(exec_errno(kinds_path("missing")), ENOENT);
	assert_int_equal(exec_errno(kinds_dir), EACCES);
	assert_int_equal(exec_errno(kinds_path("noexec-dir/x")), ENOTDIR);
}

static void
t_execve_noexec(void **state)
{
	(void)state;
	kinds_write("noexec", "#!/bin/sh\nexit 120\n");
	/* No execute permission (mode 0644): EACCES, even for root. */
	assert_int_equal(exec_errno(kinds_path("noexec")), EACCES);
}

static void
t_posix_spawn(void **state)
{
	char *argv[] = { "sh", "-c", "exit 3", NULL }, *envp[] = { NULL };
	pid_t pid = 0;
	int status;

	(void)state;
	/* Errors are returned, not stored in errno. */
	assert_int_equal(posix_spawn(&pid, kinds_path("missing"), NULL, NULL,
				     argv, envp), ENOENT);
	assert_int_equal(posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, envp),
			 0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
}

static void
t_posix_spawn_noexec(void **state)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	pid_t pid = 0;
	int status, err;

	(void)state;
	/* A file without execute permission is refused. */
	kinds_write("spawn-noexec", "#!/bin/sh\nexit 120\n");
	err = posix_spawn(&pid, kinds_path("spawn-noexec"), NULL, NULL, argv,
			  envp);
	if (err == 0)
		waitpid(pid, &status, 0);
	assert_int_equal(err, EACCES);
}

static volatile sig_atomic_t got_sig, got_code;

static void
on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_sig = sig;
	got_code = si->si_signo;
}

static void
t_sigaction(void **state)
{
	struct sigaction sa, old;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
	assert_ptr_equal(old.sa_handler, SIG_DFL);
	assert_int_equal(raise(SIGUSR1), 0);
	assert_int_equal(got_sig, SIGUSR1);
	assert_int_equal(got_code, SIGUSR1);
	assert_int_equal(sigaction(SIGUSR1, NULL, &old), 0);
	assert_ptr_equal(old.sa_sigaction, on_usr1);
	assert_true(old.sa_flags & SA_SIGINFO);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	assert_int_equal(sigaction(SIGUSR1, &sa, NULL), 0);
	assert_errno(sigaction(SIGKILL, &sa, NULL), -1, EINVAL);
	assert_errno(sigaction(0, &sa, NULL), -1, EINVAL);
	assert_errno(sigaction(65, &sa, NULL), -1, EINVAL);
}

static void
t_sigprocmask(void **state)
{
	sigset_t set, old, pend;

	(void)state;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	assert_int_equal(sigprocmask(SIG_BLOCK, &set, &old), 0);
	assert_int_equal(sigismember(&old, SIGUSR2), 0);
	assert_int_equal(raise(SIGUSR2), 0);
	assert_int_equal(sigpending(&pend), 0);
	assert_int_equal(sigismember(&pend, SIGUSR2), 1);
	signal(SIGUSR2, SIG_IGN);
	assert_int_equal(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	signal(SIGUSR2, SIG_DFL);
	assert_errno(sigprocmask(12345, &set, NULL), -1, EINVAL);
	/* how is ignored when set is NULL. */
	assert_int_equal(sigprocmask(12345, NULL, &old), 0);
}

static void
t_program_invocation_short_name(void **state)
{
	const char *slash = strrchr(program_invocation_name, '/');

	(void)state;
	assert_string_equal(program_invocation_short_name, "kinds-wrap");
	assert_string_equal(slash ? slash + 1 : program_invocation_name,
			    "kinds-wrap");
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(getenv)
	KINDS_CASE(setenv)
	KINDS_CASE(unsetenv)
	KINDS_CASE(execve)
	KINDS_CASE_X(execve, noexec)
	KINDS_CASE(posix_spawn)
	KINDS_CASE_X(posix_spawn, noexec)
	KINDS_CASE(sigaction)
	KINDS_CASE(sigprocmask)
	KINDS_CASE(program_invocation_short_name)
};

KINDS_PART(kinds_wrap_process, cases)
