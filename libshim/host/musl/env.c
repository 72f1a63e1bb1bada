/*
 * The host boundary on musl, the environment and the program's name:
 * musl's environment is __environ (environ is its alias), which getenv,
 * the setenv family and the exec functions without an envp read; its
 * err/warn family prints __progname, and __progname_full is the
 * program_invocation_name of its <errno.h>.
 */
#include "shim/host.h"

extern char **__environ;
extern char *__progname, *__progname_full;

char **
host_environ(void)
{
	return __environ;
}

void
host_set_environ(char **env)
{
	__environ = env;
}

void
host_set_progname(char *full, char *short_name)
{
	__progname_full = full;
	__progname = short_name;
}
