/*
 * Internals shared by libshim's argp files: the live copies of argp's
 * globals, the parser state behind argp_state.pstate, the line-wrapping
 * output stream of the help texts and the help printer.
 */
#ifndef LX_ARGP_INT_H
#define LX_ARGP_INT_H

#include <stdio.h>

#include "lx/argp.h"
#include "lx/getopt.h"

/* Live pointers, defined by the generated tables (shim/builtin.h LX_LIVE). */
extern void *lx_live_lx_argp_program_version;
extern void *lx_live_lx_argp_program_version_hook;
extern void *lx_live_lx_argp_program_bug_address;
extern void *lx_live_lx_argp_err_exit_status;
#define ARGP_VERSION	(*(const char **)lx_live_lx_argp_program_version)
#define ARGP_VERSION_HOOK \
	(*(void (**)(FILE *, struct lx_argp_state *)) \
	lx_live_lx_argp_program_version_hook)
#define ARGP_BUG_ADDRESS \
	(*(const char **)lx_live_lx_argp_program_bug_address)
#define ARGP_EXIT_STATUS	(*(int *)lx_live_lx_argp_err_exit_status)

/* One argp of the tree that has options or a parser. */
struct argp_group {
	lx_argp_parser_t parser;
	const struct lx_argp *argp;
	const char *short_end;	/* end of its short options */
	unsigned args_processed;
	struct argp_group *parent;
	unsigned parent_index;
	void *input;
	void **child_inputs;
	void *hook;
};

struct argp_parser {
	const struct lx_argp *argp;
	char *short_opts;
	struct lx_option *long_opts;
	struct argp_group *groups, *egroup;
	void **child_inputs;
	int try_getopt;
	char *optarg;
	struct lx_argp_state state;
};

/* The input of ARGP's group in STATE's parse, or NULL. */
void *lx_argp_input(const struct lx_argp *argp,
	const struct lx_argp_state *state);
/* glibc's program_invocation_short_name, as the guest sees it. */
char *lx_argp_short_program_name(void);

void lx_argp_do_help(const struct lx_argp *argp,
	const struct lx_argp_state *state, FILE *stream, unsigned flags,
	char *name);

/* Line-wrapping output stream. */
struct argp_fmt;
struct argp_fmt *lx_argp_fmt_open(FILE *stream, int lmargin, int rmargin,
	int wmargin);
void lx_argp_fmt_close(struct argp_fmt *fs);
void lx_argp_fmt_write(struct argp_fmt *fs, const char *s, size_t len);
void lx_argp_fmt_puts(struct argp_fmt *fs, const char *s);
void lx_argp_fmt_putc(struct argp_fmt *fs, int c);
void lx_argp_fmt_printf(struct argp_fmt *fs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int lx_argp_fmt_set_lmargin(struct argp_fmt *fs, int v);
int lx_argp_fmt_set_wmargin(struct argp_fmt *fs, int v);
int lx_argp_fmt_lmargin(struct argp_fmt *fs);
int lx_argp_fmt_wmargin(struct argp_fmt *fs);
int lx_argp_fmt_rmargin(struct argp_fmt *fs);
int lx_argp_fmt_point(struct argp_fmt *fs);

#endif
