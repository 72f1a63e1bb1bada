/*
 * The environment. A guest program that takes `environ` by COPY relocation
 * owns the variable the program reads and assigns; the host's getenv and
 * setenv work on the host's own vector (shim/host.h). Every wrapper here
 * makes the host's the guest's before the host reads it and shows the
 * guest the host's after the host changed it. The exec family without an
 * explicit envp passes the guest's environ (the exec family itself is
 * exec.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "shim/libshim.h"

char *lx_getenv(const char *name)
{
	lx_env_sync_in();
	return getenv(name);
}

/* As glibc's: decided once at start-up (AT_SECURE, which the loader sets
 * for a set-user-ID or set-group-ID program), not by today's ids. */
char *lx_secure_getenv(const char *name)
{
	if (getauxval(AT_SECURE))
		return NULL;
	return lx_getenv(name);
}

int lx_setenv(const char *name, const char *value, int overwrite)
{
	int r;

	lx_env_sync_in();
	r = setenv(name, value, overwrite);
	lx_env_sync_out();
	return r;
}

int lx_unsetenv(const char *name)
{
	int r;

	lx_env_sync_in();
	r = unsetenv(name);
	lx_env_sync_out();
	return r;
}

int lx_putenv(char *s)
{
	int r;

	lx_env_sync_in();
	r = putenv(s);
	lx_env_sync_out();
	return r;
}

int lx_clearenv(void)
{
	int r;

	lx_env_sync_in();
	r = clearenv();
	lx_env_sync_out();
	return r;
}

int lx_execv(const char *path, char *const argv[])
{
	return lx_execve(path, argv, LX_ENVIRON);
}

/* Collect the variadic argument list of execl*; NULL with E2BIG if long. */
#define EXECL_MAX 4096
#define COLLECT(argv, arg0, ap) do { \
	size_t n_ = 0; \
	argv[n_++] = (char *)(arg0); \
	while (argv[n_ - 1] && n_ < EXECL_MAX) \
		argv[n_++] = va_arg(ap, char *); \
	if (argv[n_ - 1]) { \
		va_end(ap); \
		errno = E2BIG; \
		return -1; \
	} \
} while (0)

int lx_execl(const char *path, const char *arg, ...)
{
	char *argv[EXECL_MAX];
	va_list ap;

	va_start(ap, arg);
	COLLECT(argv, arg, ap);
	va_end(ap);
	return lx_execve(path, argv, LX_ENVIRON);
}

int lx_execlp(const char *file, const char *arg, ...)
{
	char *argv[EXECL_MAX];
	va_list ap;

	va_start(ap, arg);
	COLLECT(argv, arg, ap);
	va_end(ap);
	return lx_execvp(file, argv);
}

int lx_execle(const char *path, const char *arg, ...)
{
	char *argv[EXECL_MAX];
	char **envp;
	va_list ap;

	va_start(ap, arg);
	COLLECT(argv, arg, ap);
	envp = va_arg(ap, char **);
	va_end(ap);
	return lx_execve(path, argv, envp);
}
