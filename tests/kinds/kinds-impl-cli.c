/*
 * tests/kinds/kinds-impl-cli.c: the "impl" cases of command-line support
 * (libshim/cli/): GNU getopt, error and argp. Part of kinds-impl
 * (kinds-impl.c).
 */
#define _GNU_SOURCE
#include <argp.h>
#include <errno.h>
#include <error.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kinds.h"

static void
t_getopt(void **state)
{
	char *argv[] = { "prog", "-a", "file", "-bval", "-c", "x", "-z",
			 "--", "-a", NULL };
	int argc = 9;

	(void)state;
	optind = 0;
	opterr = 0;
	assert_int_equal(getopt(argc, argv, "ab:c:"), 'a');
	/* GNU permutes: "file" is skipped and moved to the end. */
	assert_int_equal(getopt(argc, argv, "ab:c:"), 'b');
	assert_string_equal(optarg, "val");
	assert_int_equal(getopt(argc, argv, "ab:c:"), 'c');
	assert_string_equal(optarg, "x");
	assert_int_equal(getopt(argc, argv, "ab:c:"), '?');
	assert_int_equal(optopt, 'z');
	assert_int_equal(getopt(argc, argv, "ab:c:"), -1);
	assert_int_equal(optind, 7);
	assert_string_equal(argv[7], "file");
	assert_string_equal(argv[8], "-a");
	/* A missing argument: '?' or, with a leading ':', ':'. */
	char *miss[] = { "prog", "-b", NULL };

	optind = 0;
	assert_int_equal(getopt(2, miss, "b:"), '?');
	assert_int_equal(optopt, 'b');
	optind = 0;
	assert_int_equal(getopt(2, miss, ":b:"), ':');
	opterr = 1;
}

static void
t_getopt_long(void **state)
{
	int flag = 0, idx = -1;
	static const char *const want_idx = "name";
	const struct option opts[] = {
		{ "verbose", no_argument, &flag, 7 },
		{ "name", required_argument, NULL, 'n' },
		{ "opt", optional_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	char *argv[] = { "prog", "--verb", "arg", "--name=x", "--opt",
			 "--opt=y", "--name", "z", "--unknown", "--name",
			 NULL };
	int argc = 10;

	(void)state;
	optind = 0;
	opterr = 0;
	/* Unique abbreviations are accepted; flag options return 0. */
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), 0);
	assert_int_equal(flag, 7);
	assert_int_equal(idx, 0);
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), 'n');
	assert_string_equal(optarg, "x");
	assert_string_equal(opts[idx].name, want_idx);
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), 'o');
	assert_null(optarg);
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), 'o');
	assert_string_equal(optarg, "y");
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), 'n');
	assert_string_equal(optarg, "z");
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), '?');
	/* A missing required argument. */
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), '?');
	assert_int_equal(optopt, 'n');
	assert_int_equal(getopt_long(argc, argv, "n:", opts, &idx), -1);
	assert_string_equal(argv[optind], "arg");
	opterr = 1;
}

static void
call_error(void)
{
	error(0, ENOENT, "cannot open %s", "x.txt");
	error(0, 0, "plain");
}

static void
t_error(void **state)
{
	unsigned int before = error_message_count;
	char want[512];

	(void)state;
	snprintf(want, sizeof(want),
		 "%s: cannot open x.txt: No such file or directory\n"
		 "%s: plain\n", program_invocation_name,
		 program_invocation_name);
	assert_string_equal(kinds_stderr("error", call_error), want);
	assert_int_equal(error_message_count, before + 2);
}

struct args {
	int verbose, count, nargs;
	const char *first;
};

static error_t
parse_opt(int key, char *arg, struct argp_state *st)
{
	struct args *a = st->input;

	switch (key) {
	case 'v':
		a->verbose++;
		return 0;
	case 'c':
		a->count = atoi(arg);
		return a->count < 0 ? ERANGE : 0;
	case ARGP_KEY_ARG:
		if (!a->nargs++)
			a->first = arg;
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static void
t_argp_parse(void **state)
{
	static const struct argp_option options[] = {
		{ "verbose", 'v', NULL, 0, "Talk", 0 },
		{ "count", 'c', "N", 0, "How many", 0 },
		{ NULL, 0, NULL, 0, NULL, 0 },
	};
	const struct argp argp = { options, parse_opt, "ARG...", "Doc.",
				   NULL, NULL, NULL };
	char *ok[] = { "prog", "-vv", "--count=3", "one", "two", NULL };
	char *neg[] = { "prog", "-c", "-4", NULL };
	char *unknown[] = { "prog", "--bogus", NULL };
	struct args a = { 0 };
	const unsigned flags = ARGP_NO_EXIT | ARGP_NO_ERRS | ARGP_NO_HELP;
	int idx = -1;

	(void)state;
	assert_int_equal(argp_parse(&argp, 5, ok, flags, &idx, &a), 0);
	assert_int_equal(a.verbose, 2);
	assert_int_equal(a.count, 3);
	assert_int_equal(a.nargs, 2);
	assert_string_equal(a.first, "one");
	assert_int_equal(idx, 5);
	/* A parser's error is argp_parse's result. */
	memset(&a, 0, sizeof(a));
	assert_int_equal(argp_parse(&argp, 3, neg, flags, NULL, &a), ERANGE);
	/* Unknown options: EINVAL. */
	assert_int_equal(argp_parse(&argp, 2, unknown, flags, NULL, &a),
			 EINVAL);
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(getopt)
	KINDS_CASE(getopt_long)
	KINDS_CASE(error)
	KINDS_CASE(argp_parse)
};

KINDS_PART(kinds_impl_cli, cases)
