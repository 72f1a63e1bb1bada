/*
 * Oracle build of argptest: the system glibc's argp.
 */
#ifndef ARGPTEST_GLIBC_H
#define ARGPTEST_GLIBC_H

#include <argp.h>
#include <errno.h>
#include <getopt.h>

#define F(name)	name
#define G(name)	name

typedef struct argp argp_t;

static void
set_progname(const char *s)
{
	program_invocation_short_name = (char *)s;
	program_invocation_name = (char *)s;
}

#endif
