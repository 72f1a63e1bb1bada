/*
 * Data the program defines itself interposes libc's: argp reads
 * argp_program_version and argp_program_bug_address from the program's
 * definitions (no COPY relocation involved), and error() uses the
 * program's error_print_progname.
 */
#include <argp.h>
#include <error.h>
#include <stdio.h>

const char *argp_program_version = "interpose 1.0";
const char *argp_program_bug_address = "<bugs@example.org>";

static struct argp_option opts[] = {
	{ "verbose", 'v', 0, 0, "Be chatty", 0 },
	{ 0 }
};
static int verbose;

static error_t parse(int key, char *arg, struct argp_state *st)
{
	(void)arg;
	(void)st;
	if (key == 'v') {
		verbose++;
		return 0;
	}
	return ARGP_ERR_UNKNOWN;
}

static struct argp argp = { opts, parse, "FILE...", "Interposition test.",
	0, 0, 0 };

int main(int argc, char **argv)
{
	int idx;

	argp_parse(&argp, argc, argv, 0, &idx, 0);
	printf("verbose=%d rest=%d\n", verbose, argc - idx);
	fflush(stdout);
	return 0;
}
