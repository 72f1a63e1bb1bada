/*
 * glibc's struct option (<getopt.h>), the table getopt_long reads from
 * guest memory.
 */
#ifndef LX_GETOPT_H
#define LX_GETOPT_H

#include <stddef.h>

#include "lx/layout.h"

struct lx_option {
	const char *name;
	int has_arg;		/* LX_NO_ARGUMENT, ... */
	int *flag;		/* if set, *flag = val and return 0 */
	int val;
};

#define LX_NO_ARGUMENT		0
#define LX_REQUIRED_ARGUMENT	1
#define LX_OPTIONAL_ARGUMENT	2

LX_LAYOUT(struct lx_option, 32,
	name, 0,
	has_arg, 8,
	flag, 16,
	val, 24);

#endif
