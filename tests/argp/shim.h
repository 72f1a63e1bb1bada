/*
 * Musl build of argptest: glibc's argp names mapped onto libshim's lx_
 * functions and types (include/lx/argp.h), and the "guest copies" of the
 * globals (live.c points libshim's live pointers at them).
 */
#ifndef ARGPTEST_SHIM_H
#define ARGPTEST_SHIM_H

#include "lx/argp.h"

#define F(name)	lx_##name
#define G(name)	guest_##name

typedef struct lx_argp argp_t;
#define argp_option	lx_argp_option
#define argp_state	lx_argp_state
#define argp_child	lx_argp_child

#define OPTION_ARG_OPTIONAL	LX_OPTION_ARG_OPTIONAL
#define OPTION_HIDDEN		LX_OPTION_HIDDEN
#define OPTION_ALIAS		LX_OPTION_ALIAS
#define OPTION_DOC		LX_OPTION_DOC
#define OPTION_NO_USAGE		LX_OPTION_NO_USAGE
#define ARGP_KEY_ARG		LX_ARGP_KEY_ARG
#define ARGP_KEY_ARGS		LX_ARGP_KEY_ARGS
#define ARGP_KEY_END		LX_ARGP_KEY_END
#define ARGP_KEY_NO_ARGS	LX_ARGP_KEY_NO_ARGS
#define ARGP_KEY_INIT		LX_ARGP_KEY_INIT
#define ARGP_KEY_FINI		LX_ARGP_KEY_FINI
#define ARGP_KEY_SUCCESS	LX_ARGP_KEY_SUCCESS
#define ARGP_KEY_ERROR		LX_ARGP_KEY_ERROR
#define ARGP_KEY_HELP_PRE_DOC	LX_ARGP_KEY_HELP_PRE_DOC
#define ARGP_KEY_HELP_POST_DOC	LX_ARGP_KEY_HELP_POST_DOC
#define ARGP_KEY_HELP_HEADER	LX_ARGP_KEY_HELP_HEADER
#define ARGP_KEY_HELP_EXTRA	LX_ARGP_KEY_HELP_EXTRA
#define ARGP_KEY_HELP_ARGS_DOC	LX_ARGP_KEY_HELP_ARGS_DOC
#define ARGP_ERR_UNKNOWN	LX_ARGP_ERR_UNKNOWN
#define ARGP_PARSE_ARGV0	LX_ARGP_PARSE_ARGV0
#define ARGP_NO_ERRS		LX_ARGP_NO_ERRS
#define ARGP_NO_ARGS		LX_ARGP_NO_ARGS
#define ARGP_IN_ORDER		LX_ARGP_IN_ORDER
#define ARGP_NO_HELP		LX_ARGP_NO_HELP
#define ARGP_NO_EXIT		LX_ARGP_NO_EXIT
#define ARGP_LONG_ONLY		LX_ARGP_LONG_ONLY
#define ARGP_SILENT		LX_ARGP_SILENT
#define ARGP_HELP_STD_HELP	LX_ARGP_HELP_STD_HELP
#define ARGP_HELP_STD_USAGE	LX_ARGP_HELP_STD_USAGE
#define ARGP_HELP_USAGE		LX_ARGP_HELP_USAGE
#define ARGP_HELP_LONG		LX_ARGP_HELP_LONG
#define ARGP_HELP_DOC		LX_ARGP_HELP_DOC
#define ARGP_HELP_SEE		LX_ARGP_HELP_SEE
#define ARGP_HELP_BUG_ADDR	LX_ARGP_HELP_BUG_ADDR

extern char *guest_program_invocation_short_name;
extern char *guest_program_invocation_name;
extern int guest_optind, guest_opterr;
extern const char *guest_argp_program_version;
extern void (*guest_argp_program_version_hook)(FILE *,
	struct lx_argp_state *);
extern const char *guest_argp_program_bug_address;
extern int guest_argp_err_exit_status;

static void
set_progname(const char *s)
{
	guest_program_invocation_short_name = (char *)s;
	guest_program_invocation_name = (char *)s;
}

#endif
