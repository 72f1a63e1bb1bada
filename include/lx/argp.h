/*
 * glibc's argp (<argp.h>): the structures a guest hands to argp_parse and
 * argp_help, at glibc's x86-64 layout, and the flag and key values.
 */
#ifndef LX_ARGP_H
#define LX_ARGP_H

#include <stddef.h>
#include <stdio.h>

#include "lx/layout.h"

struct lx_argp_state;

typedef int (*lx_argp_parser_t)(int, char *, struct lx_argp_state *);

struct lx_argp_option {
	const char *name;
	int key;
	const char *arg;
	int flags;
	const char *doc;
	int group;
};

struct lx_argp {
	const struct lx_argp_option *options;
	lx_argp_parser_t parser;
	const char *args_doc;
	const char *doc;
	const struct lx_argp_child *children;
	char *(*help_filter)(int, const char *, void *);
	const char *argp_domain;
};

struct lx_argp_child {
	const struct lx_argp *argp;
	int flags;
	const char *header;
	int group;
};

struct lx_argp_state {
	const struct lx_argp *root_argp;
	int argc;
	char **argv;
	int next;
	unsigned flags;
	unsigned arg_num;
	int quoted;
	void *input;
	void **child_inputs;
	void *hook;
	char *name;
	FILE *err_stream;
	FILE *out_stream;
	void *pstate;
};

LX_LAYOUT(struct lx_argp_option, 48,
	key, 8,
	arg, 16,
	flags, 24,
	doc, 32,
	group, 40);

LX_LAYOUT(struct lx_argp, 56,
	parser, 8,
	args_doc, 16,
	doc, 24,
	children, 32,
	help_filter, 40,
	argp_domain, 48);

LX_LAYOUT(struct lx_argp_child, 32,
	flags, 8,
	header, 16,
	group, 24);

LX_LAYOUT(struct lx_argp_state, 96,
	argc, 8,
	argv, 16,
	next, 24,
	flags, 28,
	arg_num, 32,
	quoted, 36,
	input, 40,
	child_inputs, 48,
	hook, 56,
	name, 64,
	err_stream, 72,
	out_stream, 80,
	pstate, 88);

/* argp_option.flags */
#define LX_OPTION_ARG_OPTIONAL	0x1
#define LX_OPTION_HIDDEN	0x2
#define LX_OPTION_ALIAS		0x4
#define LX_OPTION_DOC		0x8
#define LX_OPTION_NO_USAGE	0x10

/* Keys a parser sees besides its options. */
#define LX_ARGP_KEY_ARG		0
#define LX_ARGP_KEY_ARGS	0x1000006
#define LX_ARGP_KEY_END		0x1000001
#define LX_ARGP_KEY_NO_ARGS	0x1000002
#define LX_ARGP_KEY_INIT	0x1000003
#define LX_ARGP_KEY_FINI	0x1000007
#define LX_ARGP_KEY_SUCCESS	0x1000004
#define LX_ARGP_KEY_ERROR	0x1000005
#define LX_ARGP_KEY_HELP_PRE_DOC	0x2000001
#define LX_ARGP_KEY_HELP_POST_DOC	0x2000002
#define LX_ARGP_KEY_HELP_HEADER		0x2000003
#define LX_ARGP_KEY_HELP_EXTRA		0x2000004
#define LX_ARGP_KEY_HELP_DUP_ARGS_NOTE	0x2000005
#define LX_ARGP_KEY_HELP_ARGS_DOC	0x2000006
#define LX_ARGP_ERR_UNKNOWN	7	/* E2BIG */

/* argp_parse flags */
#define LX_ARGP_PARSE_ARGV0	0x01
#define LX_ARGP_NO_ERRS		0x02
#define LX_ARGP_NO_ARGS		0x04
#define LX_ARGP_IN_ORDER	0x08
#define LX_ARGP_NO_HELP		0x10
#define LX_ARGP_NO_EXIT		0x20
#define LX_ARGP_LONG_ONLY	0x40
#define LX_ARGP_SILENT	\
	(LX_ARGP_NO_EXIT | LX_ARGP_NO_ERRS | LX_ARGP_NO_HELP)

/* argp_help / argp_state_help flags */
#define LX_ARGP_HELP_USAGE	0x01
#define LX_ARGP_HELP_SHORT_USAGE 0x02
#define LX_ARGP_HELP_SEE	0x04
#define LX_ARGP_HELP_LONG	0x08
#define LX_ARGP_HELP_PRE_DOC	0x10
#define LX_ARGP_HELP_POST_DOC	0x20
#define LX_ARGP_HELP_DOC	(LX_ARGP_HELP_PRE_DOC | LX_ARGP_HELP_POST_DOC)
#define LX_ARGP_HELP_BUG_ADDR	0x40
#define LX_ARGP_HELP_LONG_ONLY	0x80
#define LX_ARGP_HELP_EXIT_ERR	0x100
#define LX_ARGP_HELP_EXIT_OK	0x200
#define LX_ARGP_HELP_STD_ERR	(LX_ARGP_HELP_SEE | LX_ARGP_HELP_EXIT_ERR)
#define LX_ARGP_HELP_STD_USAGE	(LX_ARGP_HELP_SHORT_USAGE | \
	LX_ARGP_HELP_SEE | LX_ARGP_HELP_EXIT_ERR)
#define LX_ARGP_HELP_STD_HELP	(LX_ARGP_HELP_SHORT_USAGE | \
	LX_ARGP_HELP_LONG | LX_ARGP_HELP_EXIT_OK | LX_ARGP_HELP_DOC | \
	LX_ARGP_HELP_BUG_ADDR)

int lx_argp_parse(const struct lx_argp *, int, char **, unsigned, int *,
	void *);
void lx_argp_help(const struct lx_argp *, FILE *, unsigned, char *);
void lx_argp_state_help(const struct lx_argp_state *, FILE *, unsigned);
void lx_argp_usage(const struct lx_argp_state *);
void lx_argp_error(const struct lx_argp_state *, const char *, ...)
	__attribute__((format(printf, 2, 3)));
void lx_argp_failure(const struct lx_argp_state *, int, int, const char *,
	...) __attribute__((format(printf, 4, 5)));

extern const char *lx_argp_program_version;
extern void (*lx_argp_program_version_hook)(FILE *, struct lx_argp_state *);
extern const char *lx_argp_program_bug_address;
extern int lx_argp_err_exit_status;

#endif
