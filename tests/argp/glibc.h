/*
 * Oracle build of argptest: the system glibc's argp.
 */
#ifndef ARGPTEST_GLIBC_H
#define ARGPTEST_GLIBC_H

#include <argp.h>
#include <getopt.h>

typedef struct argp argp_t;

#endif
