/*
 * glibc's argp_parse for guests (musl has no argp): the options of a tree
 * of argp structures become one getopt_long table (libshim's GNU getopt,
 * so the diagnostics are glibc's), each option and non-option argument is
 * routed to the parser of the argp that owns it, and the built-in options
 * --help, --usage, -?, --program-name, --HANG and -V/--version are added.
 * getopt's globals are the guest's: they are saved around each call, as
 * glibc's argp keeps its own getopt state.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argp-int.h"
#include "shim/libshim.h"
#include "shim/gnu.h"
#include "lx/printf.h"

int lx_getopt_long(int, char *const *, const char *,
    const struct lx_option *, int *);
int lx_getopt_long_only(int, char *const *, const char *,
    const struct lx_option *, int *);

const char *lx_argp_program_version;
void (*lx_argp_program_version_hook)(FILE *, struct lx_argp_state *);
const char *lx_argp_program_bug_address;
int lx_argp_err_exit_status = 64;	/* EX_USAGE */

extern void *lx_live_lx_optind, *lx_live_lx_opterr, *lx_live_lx_optopt;
extern void *lx_live_lx_optarg;
#define OPTIND	(*(int *)lx_live_lx_optind)
#define OPTERR	(*(int *)lx_live_lx_opterr)
#define OPTOPT	(*(int *)lx_live_lx_optopt)
#define OPTARG	(*(char **)lx_live_lx_optarg)

#define EBADKEY		LX_ARGP_ERR_UNKNOWN
#define USER_BITS	24
#define USER_MASK	((1 << USER_BITS) - 1)
#define KEY_END		(-1)
#define KEY_ARG		1
#define KEY_ERR		'?'

/* Keys of the built-in options. */
#define OPT_PROGNAME	(-2)
#define OPT_USAGE	(-3)
#define OPT_HANG	(-4)

static int
is_end(const struct lx_argp_option *o)
{
	return !o->key && !o->name && !o->doc && !o->group;
}

static int
is_short(const struct lx_argp_option *o)
{
	return !(o->flags & LX_OPTION_DOC) && o->key > 0 && o->key <= 255 &&
	    isprint(o->key);
}

static char *
base_name(char *s)
{
	char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

char *
lx_argp_short_program_name(void)
{
	return LX_PROGNAME_SHORT;
}

/* ---- the built-in options ------------------------------------------- */

static const struct lx_argp_option default_options[] = {
	{ "help", '?', 0, 0, "Give this help list", -1 },
	{ "usage", OPT_USAGE, 0, 0, "Give a short usage message", 0 },
	{ "program-name", OPT_PROGNAME, "NAME", LX_OPTION_HIDDEN,
	    "Set the program name", 0 },
	{ "HANG", OPT_HANG, "SECS", LX_OPTION_ARG_OPTIONAL | LX_OPTION_HIDDEN,
	    "Hang for SECS seconds (default 3600)", 0 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
default_parser(int key, char *arg, struct lx_argp_state *state)
{
	int secs;

	switch (key) {
	case '?':
		lx_argp_state_help(state, state->out_stream,
		    LX_ARGP_HELP_STD_HELP);
		return 0;
	case OPT_USAGE:
		lx_argp_state_help(state, state->out_stream,
		    LX_ARGP_HELP_USAGE | LX_ARGP_HELP_EXIT_OK);
		return 0;
	case OPT_PROGNAME:
		LX_PROGNAME = arg;
		state->name = base_name(arg);
		LX_PROGNAME_SHORT = state->name;
		if ((state->flags & (LX_ARGP_PARSE_ARGV0 | LX_ARGP_NO_ERRS)) ==
		    LX_ARGP_PARSE_ARGV0)
			state->argv[0] = arg;
		return 0;
	case OPT_HANG:
		for (secs = atoi(arg ? arg : "3600"); secs-- > 0;)
			sleep(1);
		return 0;
	}
	return EBADKEY;
}

static const struct lx_argp default_argp = {
	default_options, default_parser, NULL, NULL, NULL, NULL, "libc"
};

static const struct lx_argp_option version_options[] = {
	{ "version", 'V', 0, 0, "Print program version", -1 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
version_parser(int key, char *arg, struct lx_argp_state *state)
{
	(void)arg;
	if (key != 'V')
		return EBADKEY;
	if (ARGP_VERSION_HOOK != NULL)
		ARGP_VERSION_HOOK(state->out_stream, state);
	else if (ARGP_VERSION != NULL)
		fprintf(state->out_stream, "%s\n", ARGP_VERSION);
	else
		lx_argp_error(state, "%s",
		    "(PROGRAM ERROR) No version known!?");
	if (!(state->flags & LX_ARGP_NO_EXIT))
		exit(0);
	return 0;
}

static const struct lx_argp version_argp = {
	version_options, version_parser, NULL, NULL, NULL, NULL, "libc"
};

/* ---- building the parser -------------------------------------------- */

struct counts {
	size_t short_len, long_len, groups, child_inputs;
};

static void
count(const struct lx_argp *argp, struct counts *n)
{
	const struct lx_argp_child *c = argp->children;
	const struct lx_argp_option *o;

	if (argp->options != NULL || argp->parser != NULL)
		n->groups++;
	for (o = argp->options; o != NULL && !is_end(o); o++) {
		if (is_short(o))
			n->short_len += 3;
		if (o->name != NULL)
			n->long_len++;
	}
	for (; c != NULL && c->argp != NULL; c++) {
		n->child_inputs++;
		count(c->argp, n);
	}
}

struct convert {
	struct argp_parser *p;
	char *short_end;
	struct lx_option *long_end;
	void **inputs_end;
};

static int
has_long(const struct lx_option *l, const char *name)
{
	for (; l->name != NULL; l++)
		if (strcmp(l->name, name) == 0)
			return 1;
	return 0;
}

/* Adds option O (whose non-alias option is REAL) of group G. */
static void
add_option(struct convert *cv, const struct lx_argp_option *o,
    const struct lx_argp_option *real, struct argp_group *g)
{
	struct lx_option *l = cv->long_end;
	int key = o->key ? o->key : real->key;

	if (is_short(o)) {
		*cv->short_end++ = (char)o->key;
		if (real->arg != NULL) {
			*cv->short_end++ = ':';
			if (real->flags & LX_OPTION_ARG_OPTIONAL)
				*cv->short_end++ = ':';
		}
		*cv->short_end = '\0';
	}
	if (o->name == NULL || has_long(cv->p->long_opts, o->name))
		return;
	l->name = o->name;
	l->has_arg = real->arg == NULL ? LX_NO_ARGUMENT :
	    (real->flags & LX_OPTION_ARG_OPTIONAL) ? LX_OPTIONAL_ARGUMENT :
	    LX_REQUIRED_ARGUMENT;
	l->flag = NULL;
	l->val = (key & USER_MASK) +
	    (int)((g - cv->p->groups + 1) << USER_BITS);
	(++cv->long_end)->name = NULL;
}

static struct argp_group *
convert(const struct lx_argp *argp, struct argp_group *parent,
    unsigned index, struct argp_group *g, struct convert *cv)
{
	const struct lx_argp_child *c = argp->children;
	const struct lx_argp_option *o, *real = argp->options;
	unsigned n;

	if (argp->options == NULL && argp->parser == NULL) {
		parent = NULL;
		goto children;
	}
	for (o = argp->options; o != NULL && !is_end(o); o++) {
		if (!(o->flags & LX_OPTION_ALIAS))
			real = o;
		if (!(real->flags & LX_OPTION_DOC))
			add_option(cv, o, real, g);
	}
	memset(g, 0, sizeof *g);
	g->parser = argp->parser;
	g->argp = argp;
	g->short_end = cv->short_end;
	g->parent = parent;
	g->parent_index = index;
	if (c != NULL) {
		for (n = 0; c[n].argp != NULL; n++)
			;
		g->child_inputs = cv->inputs_end;
		cv->inputs_end += n;
	}
	parent = g++;
children:
	for (n = 0; c != NULL && c->argp != NULL; c++, n++)
		g = convert(c->argp, parent, n, g, cv);
	return g;
}

static int
group_parse(struct argp_group *g, struct lx_argp_state *state, int key,
    char *arg)
{
	int err;

	if (g->parser == NULL)
		return EBADKEY;
	state->hook = g->hook;
	state->input = g->input;
	state->child_inputs = g->child_inputs;
	state->arg_num = g->args_processed;
	err = g->parser(key, arg, state);
	g->hook = state->hook;
	return err;
}

static int
parser_init(struct argp_parser *p, const struct lx_argp *argp, int argc,
    char **argv, unsigned flags, void *input)
{
	struct counts n = { 1, 1, 0, 0 };
	struct convert cv;
	struct argp_group *g;
	int err = 0;

	memset(p, 0, sizeof *p);
	if (argp != NULL)
		count(argp, &n);
	p->short_opts = calloc(1, n.short_len + 1);
	p->long_opts = calloc(n.long_len, sizeof *p->long_opts);
	p->groups = calloc(n.groups + 1, sizeof *p->groups);
	p->child_inputs = calloc(n.child_inputs + 1, sizeof(void *));
	if (!p->short_opts || !p->long_opts || !p->groups || !p->child_inputs)
		return ENOMEM;
	cv = (struct convert){ p, p->short_opts, p->long_opts,
	    p->child_inputs };
	if (flags & LX_ARGP_IN_ORDER)
		*cv.short_end++ = '-';
	else if (flags & LX_ARGP_NO_ARGS)
		*cv.short_end++ = '+';
	p->argp = argp;
	p->egroup = argp ? convert(argp, NULL, 0, p->groups, &cv) : p->groups;
	p->state.root_argp = argp;
	p->state.argc = argc;
	p->state.argv = argv;
	p->state.flags = flags;
	p->state.err_stream = stderr;
	p->state.out_stream = stdout;
	p->state.pstate = p;
	p->try_getopt = 1;
	if (p->groups < p->egroup)
		p->groups->input = input;
	for (g = p->groups; g < p->egroup && (!err || err == EBADKEY); g++) {
		if (g->parent != NULL)
			g->input = g->parent->child_inputs[g->parent_index];
		if (g->parser == NULL && g->argp->children != NULL &&
		    g->argp->children->argp != NULL)
			g->child_inputs[0] = g->input;
		err = group_parse(g, &p->state, LX_ARGP_KEY_INIT, NULL);
	}
	if (err && err != EBADKEY)
		return err;
	if ((flags & LX_ARGP_NO_ERRS) && (flags & LX_ARGP_PARSE_ARGV0)) {
		p->state.argv--;
		p->state.argc++;
	}
	if (p->state.argv == argv && argv[0] != NULL)
		p->state.name = base_name(argv[0]);
	else
		p->state.name = lx_argp_short_program_name();
	return 0;
}

static void
parser_free(struct argp_parser *p)
{
	free(p->short_opts);
	free(p->long_opts);
	free(p->groups);
	free(p->child_inputs);
}

/* ---- parsing ----------------------------------------------------------- */

/* One getopt step over the guest's argv with argp's own getopt state: the
 * guest's optind, optarg, opterr and optopt are left as they were. */
static int
call_getopt(struct argp_parser *p)
{
	int s_ind = OPTIND, s_err = OPTERR, s_opt = OPTOPT;
	char *s_arg = OPTARG;
	int opt, bad;

	OPTIND = p->state.next;
	OPTERR = !(p->state.flags & LX_ARGP_NO_ERRS);
	OPTOPT = KEY_END;
	if (p->state.flags & LX_ARGP_LONG_ONLY)
		opt = lx_getopt_long_only(p->state.argc, p->state.argv,
		    p->short_opts, p->long_opts, NULL);
	else
		opt = lx_getopt_long(p->state.argc, p->state.argv,
		    p->short_opts, p->long_opts, NULL);
	p->state.next = OPTIND;
	p->optarg = OPTARG;
	bad = opt == KEY_ERR && OPTOPT != KEY_END;
	OPTIND = s_ind;
	OPTERR = s_err;
	OPTOPT = s_opt;
	OPTARG = s_arg;
	return bad ? -2 : opt;
}

/* A non-option argument: offered to each parser in turn, as ARGP_KEY_ARG
 * and then as ARGP_KEY_ARGS. */
static int
parse_arg(struct argp_parser *p, char *val)
{
	int index = --p->state.next, err = EBADKEY, key = 0;
	struct argp_group *g;

	for (g = p->groups; g < p->egroup && err == EBADKEY; g++) {
		p->state.next++;
		key = LX_ARGP_KEY_ARG;
		err = group_parse(g, &p->state, key, val);
		if (err == EBADKEY) {
			p->state.next--;
			key = LX_ARGP_KEY_ARGS;
			err = group_parse(g, &p->state, key, NULL);
		}
	}
	if (err)
		return err;
	if (key == LX_ARGP_KEY_ARGS)
		p->state.next = p->state.argc;
	if (p->state.next > index)
		(g - 1)->args_processed += p->state.next - index;
	else
		p->try_getopt = 1;
	return 0;
}

static const char bad_key[] =
    "(PROGRAM ERROR) Option should have been recognized!?";

static int
parse_opt(struct argp_parser *p, int opt, char *val)
{
	int group_key = opt >> USER_BITS, err = EBADKEY, user_key;
	struct argp_group *g;
	struct lx_option *l;
	char *s;

	if (group_key == 0) {
		s = strchr(p->short_opts, opt);
		for (g = p->groups; s != NULL && g < p->egroup; g++)
			if (g->short_end > s) {
				err = group_parse(g, &p->state, opt, val);
				break;
			}
	} else {
		user_key = (opt & (1 << (USER_BITS - 1))) ?
		    (int)(~USER_MASK | (opt & USER_MASK)) : opt & USER_MASK;
		err = group_parse(&p->groups[group_key - 1], &p->state,
		    user_key, val);
	}
	if (err != EBADKEY)
		return err;
	if (group_key == 0) {
		lx_argp_error(&p->state, "-%c: %s", opt, bad_key);
	} else {
		for (l = p->long_opts; l->name != NULL && l->val != opt; l++)
			;
		lx_argp_error(&p->state, "--%s: %s",
		    l->name ? l->name : "???", bad_key);
	}
	return err;
}

static int
parse_next(struct argp_parser *p, int *arg_ebadkey)
{
	int opt = KEY_END, err;

	if (p->state.quoted && p->state.next < p->state.quoted)
		p->state.quoted = 0;
	if (p->try_getopt && !p->state.quoted) {
		opt = call_getopt(p);
		if (opt == KEY_END) {
			p->try_getopt = 0;
			if (p->state.next > 1 && strcmp(
			    p->state.argv[p->state.next - 1], "--") == 0)
				p->state.quoted = p->state.next;
		} else if (opt == -2) {
			*arg_ebadkey = 0;
			return EBADKEY;
		}
	}
	if (opt == KEY_END) {
		if (p->state.next >= p->state.argc ||
		    (p->state.flags & LX_ARGP_NO_ARGS)) {
			*arg_ebadkey = 1;
			return EBADKEY;
		}
		opt = KEY_ARG;
		p->optarg = p->state.argv[p->state.next++];
	}
	if (opt == KEY_ARG)
		err = parse_arg(p, p->optarg);
	else
		err = parse_opt(p, opt, p->optarg);
	if (err == EBADKEY)
		*arg_ebadkey = opt == KEY_END || opt == KEY_ARG;
	return err;
}

/* After the last argument: ARGP_KEY_NO_ARGS and ARGP_KEY_END. */
static int
parse_all_done(struct argp_parser *p, int *end_index)
{
	struct argp_group *g;
	int err = 0;

	if (p->state.next != p->state.argc) {
		if (end_index != NULL) {
			*end_index = p->state.next;
			return 0;
		}
		if (!(p->state.flags & LX_ARGP_NO_ERRS) &&
		    p->state.err_stream != NULL)
			fprintf(p->state.err_stream, "%s: Too many arguments\n",
			    p->state.name);
		return EBADKEY;
	}
	for (g = p->groups; g < p->egroup && (!err || err == EBADKEY); g++)
		if (g->args_processed == 0)
			err = group_parse(g, &p->state, LX_ARGP_KEY_NO_ARGS,
			    NULL);
	for (g = p->egroup - 1; g >= p->groups && (!err || err == EBADKEY);
	    g--)
		err = group_parse(g, &p->state, LX_ARGP_KEY_END, NULL);
	if (err == EBADKEY)
		err = 0;
	if (end_index != NULL)
		*end_index = p->state.next;
	return err;
}

static int
parser_finalize(struct argp_parser *p, int err, int arg_ebadkey,
    int *end_index)
{
	struct argp_group *g;

	if (err == EBADKEY && arg_ebadkey)
		err = 0;
	if (!err)
		err = parse_all_done(p, end_index);
	if (err) {
		if (err == EBADKEY)
			lx_argp_state_help(&p->state, p->state.err_stream,
			    LX_ARGP_HELP_STD_ERR);
		for (g = p->groups; g < p->egroup; g++)
			group_parse(g, &p->state, LX_ARGP_KEY_ERROR, NULL);
	} else {
		for (g = p->egroup - 1;
		    g >= p->groups && (!err || err == EBADKEY); g--)
			err = group_parse(g, &p->state, LX_ARGP_KEY_SUCCESS,
			    NULL);
		if (err == EBADKEY)
			err = 0;
	}
	for (g = p->egroup - 1; g >= p->groups; g--)
		group_parse(g, &p->state, LX_ARGP_KEY_FINI, NULL);
	return err == EBADKEY ? EINVAL : err;
}

int
lx_argp_parse(const struct lx_argp *argp, int argc, char **argv,
    unsigned flags, int *end_index, void *input)
{
	struct lx_argp_child child[4];
	struct lx_argp top;
	struct argp_parser p;
	int err, arg_ebadkey = 0, n = 0;

	if (!(flags & LX_ARGP_NO_HELP)) {
		memset(&top, 0, sizeof top);
		memset(child, 0, sizeof child);
		if (argp != NULL)
			child[n++].argp = argp;
		child[n++].argp = &default_argp;
		if (ARGP_VERSION != NULL || ARGP_VERSION_HOOK != NULL)
			child[n++].argp = &version_argp;
		top.children = child;
		argp = &top;
	}
	err = parser_init(&p, argp, argc, argv, flags, input);
	if (!err) {
		while (!err)
			err = parse_next(&p, &arg_ebadkey);
		err = parser_finalize(&p, err, arg_ebadkey, end_index);
	}
	parser_free(&p);
	return err;
}

void *
lx_argp_input(const struct lx_argp *argp, const struct lx_argp_state *state)
{
	struct argp_parser *p;
	struct argp_group *g;

	if (state == NULL)
		return NULL;
	p = state->pstate;
	for (g = p->groups; g < p->egroup; g++)
		if (g->argp == argp)
			return g->input;
	return NULL;
}

/* ---- help and error entry points ------------------------------------- */

void
lx_argp_help(const struct lx_argp *argp, FILE *stream, unsigned flags,
    char *name)
{
	lx_argp_do_help(argp, NULL, stream, flags, name);
}

void
lx_argp_state_help(const struct lx_argp_state *state, FILE *stream,
    unsigned flags)
{
	if ((state != NULL && (state->flags & LX_ARGP_NO_ERRS)) ||
	    stream == NULL)
		return;
	if (state != NULL && (state->flags & LX_ARGP_LONG_ONLY))
		flags |= LX_ARGP_HELP_LONG_ONLY;
	lx_argp_do_help(state ? state->root_argp : NULL, state, stream, flags,
	    state ? state->name : lx_argp_short_program_name());
	if (state != NULL && (state->flags & LX_ARGP_NO_EXIT))
		return;
	if (flags & LX_ARGP_HELP_EXIT_ERR)
		exit(ARGP_EXIT_STATUS);
	if (flags & LX_ARGP_HELP_EXIT_OK)
		exit(0);
}

void
lx_argp_usage(const struct lx_argp_state *state)
{
	lx_argp_state_help(state, stderr, LX_ARGP_HELP_STD_USAGE);
}

void
lx_argp_error(const struct lx_argp_state *state, const char *fmt, ...)
{
	FILE *f = state ? state->err_stream : stderr;
	va_list ap;
	char *buf;

	if ((state != NULL && (state->flags & LX_ARGP_NO_ERRS)) || f == NULL)
		return;
	flockfile(f);
	va_start(ap, fmt);
	if (lx_vasprintf(&buf, fmt, ap) < 0)
		buf = NULL;
	va_end(ap);
	fputs(state ? state->name : lx_argp_short_program_name(), f);
	fputs(": ", f);
	if (buf != NULL)
		fputs(buf, f);
	putc('\n', f);
	free(buf);
	lx_argp_state_help(state, f, LX_ARGP_HELP_STD_ERR);
	funlockfile(f);
}

void
lx_argp_failure(const struct lx_argp_state *state, int status, int errnum,
    const char *fmt, ...)
{
	FILE *f = state ? state->err_stream : stderr;
	char ebuf[200], *buf;
	va_list ap;

	if ((state != NULL && (state->flags & LX_ARGP_NO_ERRS)) || f == NULL)
		return;
	flockfile(f);
	fputs(state ? state->name : lx_argp_short_program_name(), f);
	if (fmt != NULL) {
		va_start(ap, fmt);
		if (lx_vasprintf(&buf, fmt, ap) < 0)
			buf = NULL;
		va_end(ap);
		fputs(": ", f);
		if (buf != NULL)
			fputs(buf, f);
		free(buf);
	}
	if (errnum) {
		fputs(": ", f);
		fputs(lx_gnu_strerror(errnum, ebuf, sizeof ebuf), f);
	}
	putc('\n', f);
	funlockfile(f);
	if (status && (state == NULL || !(state->flags & LX_ARGP_NO_EXIT)))
		exit(status);
}
