/*
 * The record-and-compare harness of the differential tests (tests/gnu,
 * tests/misc, tests/layout). One test source is built twice: against the
 * system glibc (the oracle: each case prints "NAME<TAB>RECORD") and as a
 * musl static-pie with libshim's files (run with --check ORACLE_OUTPUT: each
 * case's record must equal the oracle's). Records are one line: newlines,
 * tabs, backslashes and other bytes outside printable ASCII are escaped.
 */
#ifndef DIFFTEST_H
#define DIFFTEST_H

/* Reads the oracle's records for --check FILE; exits 2 if unreadable. */
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

#endif
