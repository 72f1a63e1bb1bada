/*
 * Differential test of libshim's argp (parsing, help and its formatter),
 * a source built twice (tests/difftest/difftest.h). Each case runs
 * argp_parse in a child on one command line and records what the parsers
 * saw, what was printed and the exit status.
 */
#include "difftest.h"

static void
set_progname(const char *s)
{
	G(program_invocation_short_name) = (char *)s;
	G(program_invocation_name) = (char *)s;
}

/* ---- parsers ------------------------------------------------------------ */

static const char *
keyname(int key)
{
	static char buf[16];

	switch (key) {
	case ARGP_KEY_ARG: return "ARG";
	case ARGP_KEY_ARGS: return "ARGS";
	case ARGP_KEY_END: return "END";
	case ARGP_KEY_NO_ARGS: return "NO_ARGS";
	case ARGP_KEY_INIT: return "INIT";
	case ARGP_KEY_FINI: return "FINI";
	case ARGP_KEY_SUCCESS: return "SUCCESS";
	case ARGP_KEY_ERROR: return "ERROR";
	}
	if (key > ' ' && key < 127)
		snprintf(buf, sizeof buf, "'%c'", key);
	else
		snprintf(buf, sizeof buf, "%d", key);
	return buf;
}

static void
trace(const char *who, int key, char *arg, struct argp_state *st)
{
	printf("%s %s arg=%s next=%d argnum=%u input=%s\n", who, keyname(key),
	    arg ? arg : "-", st->next, st->arg_num,
	    st->input ? (char *)st->input : "-");
}

static struct argp_option main_opts[] = {
	{ "verbose", 'v', 0, 0, "Produce verbose output", 0 },
	{ "output", 'o', "FILE", 0, "Output to FILE instead of standard "
	    "output", 0 },
	{ "quiet", 'q', 0, 0, "Don't produce any output", 0 },
	{ "silent", 's', 0, OPTION_ALIAS, 0, 0 },
	{ "color", 300, "WHEN", OPTION_ARG_OPTIONAL, "Colorize the output; "
	    "WHEN can be 'always', 'never' or 'auto' (the default), and this "
	    "sentence is long enough to wrap over several lines", 0 },
	{ "secret", 301, 0, OPTION_HIDDEN, "Not shown", 0 },
	{ 0, 0, 0, 0, "Output control:", 5 },
	{ "lines", 'n', "NUM", 0, "Print NUM lines", 0 },
	{ "abc", 'a', 0, OPTION_NO_USAGE, "Not in usage", 0 },
	{ "zz", 'Z', "Z", 0, "Capital Z", 0 },
	{ 0, 0, 0, 0, "Documentation:", 7 },
	{ "PATTERN", 0, 0, OPTION_DOC, "A doc option that describes a "
	    "pattern", 0 },
	{ "-x", 0, 0, OPTION_DOC, "Looks like an option", 0 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
main_parser(int key, char *arg, struct argp_state *st)
{
	trace("main", key, arg, st);
	switch (key) {
	case ARGP_KEY_INIT:
		st->child_inputs[0] = "child-in";
		return 0;
	case 'v': case 'o': case 'q': case 's': case 300: case 301:
	case 'n': case 'a': case 'Z':
		if (key == 'n' && arg && strcmp(arg, "bad") == 0)
			F(argp_error)(st, "bad line count '%s'", arg);
		if (key == 'n' && arg && strcmp(arg, "fail") == 0)
			F(argp_failure)(st, 3, ENOENT, "cannot %s", "open");
		return 0;
	case ARGP_KEY_ARG:
		if (st->arg_num >= 2)
			F(argp_usage)(st);
		return 0;
	case ARGP_KEY_END:
		if (st->arg_num < 1)
			F(argp_error)(st, "too few arguments");
		return 0;
	}
	return ARGP_ERR_UNKNOWN;
}

static struct argp_option child_opts[] = {
	{ "child-opt", 'c', "X", 0, "A child option", 0 },
	{ "verbose", 'w', 0, 0, "Shadowed long name", 0 },
	{ "output", 'o', 0, 0, "Shadowed short and long", 0 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
child_parser(int key, char *arg, struct argp_state *st)
{
	trace("child", key, arg, st);
	return key == 'c' || key == 'w' ? 0 : ARGP_ERR_UNKNOWN;
}

static const argp_t child_argp = { child_opts, child_parser, "CHILDARG",
	"Child doc.\vChild after.", 0, 0, 0 };

static struct argp_option child2_opts[] = {
	{ "two", 't', "T", OPTION_ARG_OPTIONAL, "Second child", 0 },
	{ "help-two", 302, 0, 0, "Another", 0 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
child2_parser(int key, char *arg, struct argp_state *st)
{
	if (key >= ARGP_KEY_END && key <= ARGP_KEY_FINI)
		return ARGP_ERR_UNKNOWN;
	trace("child2", key, arg, st);
	return key == 't' || key == 302 ? 0 : ARGP_ERR_UNKNOWN;
}

static const argp_t child2_argp = { child2_opts, child2_parser,
	"A\nB C", 0, 0, 0, 0 };

static const struct argp_child main_children[] = {
	{ &child_argp, 0, "Child options:", 0 },
	{ &child2_argp, 0, 0, 2 },
	{ 0, 0, 0, 0 }
};

static const argp_t main_argp = { main_opts, main_parser, "ARG1 [ARG2]",
	"Program doc that is before the options and is long enough to be "
	"wrapped at the right margin of the help text.\vAfter the options.",
	main_children, 0, 0 };

/* A plain argp: no children, takes all arguments with ARGP_KEY_ARGS. */
static struct argp_option plain_opts[] = {
	{ "flag", 'f', 0, 0, "A flag", 0 },
	{ "value", 'x', "V", 0, "A value", 0 },
	{ "version", 'V', 0, 0, "Own version option", 0 },
	{ 0, 0, 0, 0, 0, 0 }
};

static int
plain_parser(int key, char *arg, struct argp_state *st)
{
	int i;

	trace("plain", key, arg, st);
	if (key == ARGP_KEY_ARGS) {
		for (i = st->next; i < st->argc; i++)
			printf("  rest %s\n", st->argv[i]);
		return 0;
	}
	if (key == 'f' || key == 'x' || key == 'V')
		return 0;
	return ARGP_ERR_UNKNOWN;
}

static const argp_t plain_argp = { plain_opts, plain_parser, 0, 0, 0, 0, 0 };

/* In-order parsing: ARGP_KEY_ARG for every argument, nothing refused. */
static int
order_parser(int key, char *arg, struct argp_state *st)
{
	trace("order", key, arg, st);
	if (key == 'f' || key == 'x' || key == ARGP_KEY_ARG)
		return 0;
	return ARGP_ERR_UNKNOWN;
}

static const argp_t order_argp = { plain_opts, order_parser, "FILE...",
	"Doc only before.", 0, 0, 0 };

/* ---- cases ------------------------------------------------------------ */

struct run {
	const argp_t *argp;
	unsigned flags;
	int use_end;
	const char *version;
	int hook;
	const char *bug;
	const char *argv[12];
};

static void
version_hook(FILE *f, struct argp_state *st)
{
	fprintf(f, "hook version of %s\n", st->name);
}

static void
c_run(void *a)
{
	struct run *r = a;
	char *argv[12];
	int argc = 0, end = -1, ret;

	for (argc = 0; r->argv[argc] != NULL; argc++)
		argv[argc] = (char *)r->argv[argc];
	argv[argc] = NULL;
	set_progname("argptest");
	G(argp_program_version) = r->version;
	G(argp_program_version_hook) = r->hook ? version_hook : NULL;
	G(argp_program_bug_address) = r->bug;
	G(optind) = 7;
	ret = F(argp_parse)(r->argp, argc, argv, r->flags,
	    r->use_end ? &end : NULL, "top-in");
	printf("ret=%d end=%d optind=%d\n", ret, end, G(optind));
	for (int i = 0; i < argc; i++)
		printf("%s ", argv[i]);
	printf("\n");
}

#define P	"/usr/bin/prog"
#define BUG	"<bugs@example.org>"
static struct run runs[] = {
	{ &main_argp, 0, 0, 0, 0, 0, { P, "-v", "x", "-o", "f", "y" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--verb", "-vq", "x", "--output=a",
	    "--color", "-n5" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--silent", "--color=always", "-s",
	    "--secret", "x", "-cC", "--child-opt", "D", "-t", "-tq" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--two=9", "--help-two", "x",
	    "--", "-v" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "x", "y", "z" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "-k", "x" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--bogus", "x" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--c", "x" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "x", "-o" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "x", "--verbose=3" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "x", "-n", "bad" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "x", "-n", "fail" } },
	{ &main_argp, ARGP_NO_EXIT, 0, 0, 0, 0, { P, "x", "-n", "bad" } },
	{ &main_argp, ARGP_NO_ERRS, 0, 0, 0, 0, { P, "-k", "x" } },
	{ &main_argp, ARGP_NO_EXIT, 0, 0, 0, 0, { P, "-k", "x" } },
	{ &main_argp, 0, 0, 0, 0, BUG, { P, "--help" } },
	{ &main_argp, 0, 0, "1.0", 0, BUG, { P, "-?" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--usage" } },
	{ &main_argp, 0, 0, "prog 1.2", 0, 0, { P, "--usage" } },
	{ &main_argp, 0, 0, "prog 1.2", 0, 0, { P, "--version" } },
	{ &main_argp, 0, 0, "prog 1.2", 0, 0, { P, "-V", "x" } },
	{ &main_argp, 0, 0, 0, 1, 0, { P, "--vers" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--version" } },
	{ &main_argp, ARGP_NO_EXIT, 0, "2.0", 0, 0, { P, "-V", "x" } },
	{ &main_argp, ARGP_NO_HELP, 0, "2.0", 0, 0, { P, "--help", "x" } },
	{ &main_argp, 0, 0, 0, 0, 0, { P, "--program-name=/a/b/other",
	    "-k" } },
	{ &main_argp, ARGP_LONG_ONLY, 0, 0, 0, 0, { P, "-verbose", "-lines=3",
	    "x", "-vq" } },
	{ &plain_argp, 0, 0, "3.0", 0, BUG, { P, "-f", "a", "b", "-x", "1",
	    "c" } },
	{ &plain_argp, 0, 1, 0, 0, 0, { P, "-f", "a", "--", "-x" } },
	{ &plain_argp, 0, 0, "3.0", 0, BUG, { P, "--help" } },
	{ &plain_argp, 0, 0, "3.0", 0, 0, { P, "-V", "--usage" } },
	{ &plain_argp, ARGP_NO_ARGS, 1, 0, 0, 0, { P, "-f", "a", "-x", "2" } },
	{ &plain_argp, ARGP_NO_ARGS, 0, 0, 0, 0, { P, "-f", "a" } },
	{ &order_argp, ARGP_IN_ORDER, 0, 0, 0, 0, { P, "a", "-f", "b", "-x3",
	    "c" } },
	{ &order_argp, 0, 0, 0, 0, 0, { P, "a", "-f", "b", "-x3", "c" } },
	{ &order_argp, 0, 0, 0, 0, BUG, { P, "--help" } },
	{ &order_argp, ARGP_SILENT, 0, 0, 0, 0, { P, "-k", "--help", "-x" } },
	{ &order_argp, ARGP_PARSE_ARGV0 | ARGP_NO_ERRS, 0, 0, 0, 0,
	    { "-f", "a" } },
	{ &order_argp, ARGP_PARSE_ARGV0, 0, 0, 0, 0, { P,
	    "--program-name=zz", "-k" } },
	{ &order_argp, 0, 0, 0, 0, 0, { "noslash", "-x" } },
};

/* argp_help and argp_state_help outside argp_parse. */
static void
c_help(void *a)
{
	unsigned flags = *(unsigned *)a;

	set_progname("argptest");
	G(argp_program_bug_address) = BUG;
	F(argp_help)(&main_argp, stdout, flags, "named");
	F(argp_help)(&plain_argp, stdout, flags, "plain");
	F(argp_failure)(NULL, 0, EACCES, "no state %d", 1);
	F(argp_failure)(NULL, 0, 0, NULL);
	fflush(stdout);
}

/* argp_err_exit_status is read at exit time, through the guest's copy. */
static void
c_exit_status(void *a)
{
	char *argv[] = { "prog", "-k", NULL };

	(void)a;
	G(argp_err_exit_status) = 9;
	F(argp_parse)(&plain_argp, 2, argv, 0, NULL, NULL);
}

int
main(int argc, char **argv)
{
	static unsigned hflags[] = { ARGP_HELP_STD_HELP, ARGP_HELP_USAGE |
	    ARGP_HELP_LONG | ARGP_HELP_DOC,
	    ARGP_HELP_SEE | ARGP_HELP_BUG_ADDR };
	char name[32];
	size_t i;

	dt_start(argc, argv);
	unsetenv("ARGP_HELP_FMT");
	unsetenv("POSIXLY_CORRECT");
	for (i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		snprintf(name, sizeof name, "parse-%zu", i);
		dt_child(c_run, &runs[i]);
		dt_done(name, NULL);
	}
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "help-%zu", i);
		dt_child(c_help, &hflags[i]);
		dt_done(name, NULL);
	}
	dt_child(c_exit_status, NULL);
	dt_done("exit-status", NULL);
	return dt_finish();
}
