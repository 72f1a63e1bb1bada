/*
 * GNU getopt, getopt_long and getopt_long_only with glibc's contract:
 * argv is permuted so that options come first (unless POSIXLY_CORRECT is
 * set or optstring starts with '+'; a leading '-' returns non-options as
 * the argument of option 1), "--" ends options, optind = 0 starts over,
 * "W;" turns "-W foo" into "--foo", long options may be abbreviated and
 * the diagnostics are glibc's, word for word.
 * optind, optarg, opterr and optopt are read and written only through
 * their live copies: a guest executable holds them by COPY relocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx/getopt.h"

int lx_optind = 1;
int lx_opterr = 1;
int lx_optopt = '?';
char *lx_optarg;

extern void *lx_live_lx_optind, *lx_live_lx_opterr, *lx_live_lx_optopt;
extern void *lx_live_lx_optarg;
#define OPTIND	(*(int *)lx_live_lx_optind)
#define OPTERR	(*(int *)lx_live_lx_opterr)
#define OPTOPT	(*(int *)lx_live_lx_optopt)
#define OPTARG	(*(char **)lx_live_lx_optarg)

enum order { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

/* Scanning state between calls. */
static struct {
	char *next;		/* rest of a cluster of short options */
	int first_nonopt;	/* skipped non-options are argv[first..last) */
	int last_nonopt;
	enum order order;
	int initialized;
} st;

struct call {
	int argc;
	char **argv;
	const char *opts;	/* optstring without its '+'/'-' prefix */
	const struct lx_option *longopts;
	int *longind;
	int long_only;
	int print;		/* print diagnostics */
};

static void
reverse(char **a, int i, int j)
{
	char *t;

	for (j--; i < j; i++, j--) {
		t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* Moves the skipped non-options [first, last) behind the options
 * [last, optind) that followed them. */
static void
exchange(char **argv)
{
	int a = st.first_nonopt, b = st.last_nonopt, c = OPTIND;

	reverse(argv, a, b);
	reverse(argv, b, c);
	reverse(argv, a, c);
	st.first_nonopt += c - b;
	st.last_nonopt = c;
}

static const char *
initialize(const char *opts, int posix)
{
	st.first_nonopt = st.last_nonopt = OPTIND;
	st.next = NULL;
	if (opts[0] == '-') {
		st.order = RETURN_IN_ORDER;
		opts++;
	} else if (opts[0] == '+') {
		st.order = REQUIRE_ORDER;
		opts++;
	} else if (posix || getenv("POSIXLY_CORRECT") != NULL) {
		st.order = REQUIRE_ORDER;
	} else {
		st.order = PERMUTE;
	}
	st.initialized = 1;
	return opts;
}

static int
required_missing(const struct call *c)
{
	return c->opts[0] == ':' ? ':' : '?';
}

/* Prints the ambiguity message: the first match and every later one that
 * differs from it. */
static void
print_ambiguous(const struct call *c, const char *prefix,
    const struct lx_option *found, size_t len)
{
	const struct lx_option *p;

	flockfile(stderr);
	fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:",
	    c->argv[0], prefix, st.next);
	fprintf(stderr, " '%s%s'", prefix, found->name);
	for (p = found + 1; p->name != NULL; p++)
		if (strncmp(p->name, st.next, len) == 0 &&
		    (c->long_only || p->has_arg != found->has_arg ||
		    p->flag != found->flag || p->val != found->val))
			fprintf(stderr, " '%s%s'", prefix, p->name);
	fputc('\n', stderr);
	funlockfile(stderr);
}

/* Looks st.next up among the long options: exact, else a unique prefix.
 * Sets *ambiguous when several different options match. */
static const struct lx_option *
find_long(const struct call *c, size_t len, int *ambiguous)
{
	const struct lx_option *p, *found = NULL;

	*ambiguous = 0;
	for (p = c->longopts; p->name != NULL; p++)
		if (strncmp(p->name, st.next, len) == 0 &&
		    strlen(p->name) == len)
			return p;
	for (p = c->longopts; p->name != NULL; p++) {
		if (strncmp(p->name, st.next, len) != 0)
			continue;
		if (found == NULL)
			found = p;
		else if (c->long_only || p->has_arg != found->has_arg ||
		    p->flag != found->flag || p->val != found->val)
			*ambiguous = 1;
	}
	return found;
}

/* The argument of a matched long option P; END points after its name. */
static int
long_arg(const struct call *c, const struct lx_option *p, const char *end,
    const char *prefix)
{
	if (*end == '=') {
		if (p->has_arg == LX_NO_ARGUMENT) {
			if (c->print)
				fprintf(stderr, "%s: option '%s%s' doesn't "
				    "allow an argument\n", c->argv[0],
				    prefix, p->name);
			OPTOPT = p->val;
			return '?';
		}
		OPTARG = (char *)end + 1;
	} else if (p->has_arg == LX_REQUIRED_ARGUMENT) {
		if (OPTIND >= c->argc) {
			if (c->print)
				fprintf(stderr, "%s: option '%s%s' requires "
				    "an argument\n", c->argv[0], prefix,
				    p->name);
			OPTOPT = p->val;
			return required_missing(c);
		}
		OPTARG = c->argv[OPTIND++];
	}
	if (c->longind != NULL)
		*c->longind = (int)(p - c->longopts);
	if (p->flag != NULL) {
		*p->flag = p->val;
		return 0;
	}
	return p->val;
}

/* Handles the long option at st.next; -1 means "not one, try it as short
 * options" (getopt_long_only only). */
static int
long_option(const struct call *c, const char *prefix)
{
	const char *end = st.next;
	const struct lx_option *p;
	int ambiguous;

	while (*end != '\0' && *end != '=')
		end++;
	p = find_long(c, end - st.next, &ambiguous);
	if (ambiguous) {
		if (c->print)
			print_ambiguous(c, prefix, p, end - st.next);
		st.next += strlen(st.next);
		OPTIND++;
		OPTOPT = 0;
		return '?';
	}
	if (p == NULL) {
		if (c->long_only && c->argv[OPTIND][1] != '-' &&
		    strchr(c->opts, *st.next) != NULL)
			return -1;
		if (c->print)
			fprintf(stderr, "%s: unrecognized option '%s%s'\n",
			    c->argv[0], prefix, st.next);
		st.next = NULL;
		OPTIND++;
		OPTOPT = 0;
		return '?';
	}
	st.next = NULL;
	OPTIND++;
	return long_arg(c, p, end, prefix);
}

#define NONOPTION(s)	((s)[0] != '-' || (s)[1] == '\0')

/* Skips (and with PERMUTE, sets aside) non-options; returns 0 when an
 * option is at optind, else what getopt must return. */
static int
next_element(const struct call *c)
{
	char **argv = c->argv;

	if (st.last_nonopt > OPTIND)
		st.last_nonopt = OPTIND;
	if (st.first_nonopt > OPTIND)
		st.first_nonopt = OPTIND;
	if (st.order == PERMUTE) {
		if (st.first_nonopt != st.last_nonopt &&
		    st.last_nonopt != OPTIND)
			exchange(argv);
		else if (st.last_nonopt != OPTIND)
			st.first_nonopt = OPTIND;
		while (OPTIND < c->argc && NONOPTION(argv[OPTIND]))
			OPTIND++;
		st.last_nonopt = OPTIND;
	}
	if (OPTIND != c->argc && strcmp(argv[OPTIND], "--") == 0) {
		OPTIND++;
		if (st.first_nonopt != st.last_nonopt &&
		    st.last_nonopt != OPTIND)
			exchange(argv);
		else if (st.first_nonopt == st.last_nonopt)
			st.first_nonopt = OPTIND;
		st.last_nonopt = c->argc;
		OPTIND = c->argc;
	}
	if (OPTIND == c->argc) {
		if (st.first_nonopt != st.last_nonopt)
			OPTIND = st.first_nonopt;
		return -1;
	}
	if (NONOPTION(argv[OPTIND])) {
		if (st.order == REQUIRE_ORDER)
			return -1;
		OPTARG = argv[OPTIND++];
		return 1;
	}
	return 0;
}

/* "-W foo" / "-Wfoo" with "W;" in optstring: the long option foo. */
static int
w_option(const struct call *c, int ch)
{
	if (*st.next != '\0') {
		OPTARG = st.next;
	} else if (OPTIND == c->argc) {
		if (c->print)
			fprintf(stderr, "%s: option requires an argument "
			    "-- '%c'\n", c->argv[0], ch);
		OPTOPT = ch;
		return required_missing(c);
	} else {
		OPTARG = c->argv[OPTIND];
	}
	st.next = OPTARG;
	OPTARG = NULL;
	return long_option(&(struct call){ c->argc, c->argv, c->opts,
	    c->longopts, c->longind, 0, c->print }, "-W ");
}

static int
short_option(const struct call *c)
{
	int ch = (unsigned char)*st.next++;
	const char *t = strchr(c->opts, ch);

	if (*st.next == '\0')
		OPTIND++;
	if (t == NULL || ch == ':' || ch == ';') {
		if (c->print)
			fprintf(stderr, "%s: invalid option -- '%c'\n",
			    c->argv[0], ch);
		OPTOPT = ch;
		return '?';
	}
	if (t[0] == 'W' && t[1] == ';' && c->longopts != NULL)
		return w_option(c, ch);
	if (t[1] != ':')
		return ch;
	if (*st.next != '\0') {
		OPTARG = st.next;
		OPTIND++;
	} else if (t[2] == ':') {
		OPTARG = NULL;
	} else if (OPTIND == c->argc) {
		if (c->print)
			fprintf(stderr, "%s: option requires an argument "
			    "-- '%c'\n", c->argv[0], ch);
		OPTOPT = ch;
		ch = required_missing(c);
	} else {
		OPTARG = c->argv[OPTIND++];
	}
	st.next = NULL;
	return ch;
}

static int
getopt_internal(int argc, char *const *argv, const char *opts,
    const struct lx_option *longopts, int *longind, int long_only, int posix)
{
	struct call c = { argc, (char **)argv, opts, longopts, longind,
	    long_only, OPTERR };
	const char *arg;
	int r;

	if (argc < 1)
		return -1;
	OPTARG = NULL;
	if (OPTIND == 0 || !st.initialized) {
		if (OPTIND == 0)
			OPTIND = 1;
		c.opts = initialize(opts, posix);
	} else if (opts[0] == '-' || opts[0] == '+') {
		c.opts++;
	}
	if (c.opts[0] == ':')
		c.print = 0;
	if (st.next == NULL || *st.next == '\0') {
		if ((r = next_element(&c)) != 0)
			return r;
		arg = c.argv[OPTIND];
		if (longopts != NULL && arg[1] == '-') {
			st.next = (char *)arg + 2;
			return long_option(&c, "--");
		}
		if (longopts != NULL && long_only &&
		    (arg[2] != '\0' || strchr(c.opts, arg[1]) == NULL)) {
			st.next = (char *)arg + 1;
			if ((r = long_option(&c, "-")) != -1)
				return r;
		}
		st.next = (char *)arg + 1;
	}
	return short_option(&c);
}

int
lx_getopt(int argc, char *const *argv, const char *opts)
{
	return getopt_internal(argc, argv, opts, NULL, NULL, 0, 0);
}

/* The getopt of <getopt.h> under POSIX namespaces: no permutation. */
int
lx___posix_getopt(int argc, char *const *argv, const char *opts)
{
	return getopt_internal(argc, argv, opts, NULL, NULL, 0, 1);
}

int
lx_getopt_long(int argc, char *const *argv, const char *opts,
    const struct lx_option *longopts, int *longind)
{
	return getopt_internal(argc, argv, opts, longopts, longind, 0, 0);
}

int
lx_getopt_long_only(int argc, char *const *argv, const char *opts,
    const struct lx_option *longopts, int *longind)
{
	return getopt_internal(argc, argv, opts, longopts, longind, 1, 0);
}
