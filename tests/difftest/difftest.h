/*
 * The record-and-compare harness of the differential tests (difftest() in
 * tests/CMakeLists.txt). One test source is built twice: against the
 * system glibc (the oracle: each case prints "NAME<TAB>RECORD") and, with
 * SHIM defined, against musl and libshim (run with --check ORACLE_OUTPUT:
 * each case's record must equal the oracle's). Records are one line:
 * newlines, tabs, backslashes and other bytes outside printable ASCII are
 * escaped.
 *
 * A test source includes this header after the system headers only it
 * needs: it brings the common ones, then the test's own view of the side
 * being built, shim.h (glibc's names mapped onto libshim's lx_ ones,
 * include/lx) or glibc.h (glibc's own declarations). F(name) names the
 * function under test, G(name) a glibc global: in the shim build
 * libshim's own variable, at which the generated tables' live pointers
 * point when no guest holds a copy.
 */
#ifndef DIFFTEST_H
#define DIFFTEST_H

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Reads the oracle's records for --check FILE; exits 2 if unreadable. In
 * the shim build, also gives libshim's program names the values glibc
 * gives them at start-up (from argv[0]). */
void dt_start(int argc, char **argv);
/* Appends to the current case's record. */
void dt_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Ends case NAME: its record must equal WANT if given, else the oracle's. */
void dt_done(const char *name, const char *want);
/* Runs FN(ARG) in a child with stdout and stderr captured; records both
 * and how the child ended. */
void dt_child(void (*fn)(void *), void *arg);
/* Prints "N passed, N failed"; the exit status for main. */
int dt_finish(void);

#ifdef SHIM
/* libshim's program_invocation_name and program_invocation_short_name. */
extern char *lx_program_invocation_name, *lx_program_invocation_short_name;
#endif

#ifndef DIFFTEST_HARNESS
#ifdef SHIM
#define F(name)	lx_##name
#define G(name)	lx_##name
#include "shim.h"
#else
#define F(name)	name
#define G(name)	name
#include "glibc.h"
#endif
#endif

#endif
