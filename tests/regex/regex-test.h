/*
 * tests/regex/regex-test.h: what the parts of the differential regex test
 * share (regex-test.c runs and compares, regex-cases.c is the table of
 * cases, regex-extra.c the checks of API protocols outside the table).
 * Built twice: against the system glibc (ORACLE defined) and against
 * libshim's regex linked with musl (shim-names.h maps the names).
 * Each part includes it first: it defines _GNU_SOURCE for the oracle.
 */
#ifndef REGEX_TEST_H
#define REGEX_TEST_H

#ifdef ORACLE
#define _GNU_SOURCE
#include <regex.h>
#include "lx/regex.h"
#define PB_NOT_BOL(b, v) ((b)->not_bol = (v))
#define PB_NOT_EOL(b, v) ((b)->not_eol = (v))
#define PB_NEWLINE_ANCHOR(b, v) ((b)->newline_anchor = (v))
#define PB_GET_NEWLINE_ANCHOR(b) ((b)->newline_anchor)
#define PB_GET_NO_SUB(b) ((b)->no_sub)
#define PB_GET_REGS(b) ((b)->regs_allocated)
#define PB_SET_REGS(b, v) ((b)->regs_allocated = (v))
char *re_comp(const char *);
int re_exec(const char *);
#else
#include "shim-names.h"
#endif

#include <stddef.h>

enum { K_POSIX, K_STARTEND, K_SEARCH, K_MATCH, K_SEARCH2, K_MATCH2 };

/* Options of GNU-API cases. */
#define O_NOTBOL	0x01	/* buffer->not_bol = 1 */
#define O_NOTEOL	0x02
#define O_NONL		0x04	/* newline_anchor = 0 once compiled */
#define O_TRANS		0x08	/* translate table: tolower */
#define O_NOREGS	0x10	/* regs == NULL */
#define O_FIXED		0x20	/* REGS_FIXED with 3 registers */

struct tcase {
	int kind;
	unsigned long syn;	/* cflags or reg_syntax_t */
	const char *pat;
	int plen;		/* -1: strlen */
	const char *s1;
	int l1;			/* -1: strlen */
	const char *s2;
	int l2;
	int start, range, stop;	/* STARTEND: rm_so, rm_eo */
	int opt;		/* eflags (POSIX) or O_* */
};

/* The table (regex-cases.c). */
extern const struct tcase regex_cases[];
extern const size_t regex_ncases;

/* The checks outside the table (regex-extra.c): run_extra(I) prints the
 * line of check I, 0 <= I < NEXTRA. */
#define NEXTRA 11
void run_extra(int i);

/* The line being built (regex-test.c): put() appends to it, put_regs()
 * the result and registers of a GNU search or match. */
void put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void put_regs(int ret, const struct re_registers *r, int fixed);

#endif
