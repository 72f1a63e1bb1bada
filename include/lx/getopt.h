/*
 * glibc's struct option (<getopt.h>), the table getopt_long reads from
 * guest memory.
 */
#ifndef LX_GETOPT_H
#define LX_GETOPT_H

#include <stddef.h>

struct lx_option {
	const char *name;
	int has_arg;		/* LX_NO_ARGUMENT, ... */
	int *flag;		/* if set, *flag = val and return 0 */
	int val;
};

#define LX_NO_ARGUMENT		0
#define LX_REQUIRED_ARGUMENT	1
#define LX_OPTIONAL_ARGUMENT	2

_Static_assert(offsetof(struct lx_option, name) == 0, "option");
_Static_assert(offsetof(struct lx_option, has_arg) == 8, "option");
_Static_assert(offsetof(struct lx_option, flag) == 16, "option");
_Static_assert(offsetof(struct lx_option, val) == 24, "option");
_Static_assert(sizeof(struct lx_option) == 32, "option");

#endif
