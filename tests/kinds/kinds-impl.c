/*
 * tests/kinds/kinds-impl.c: functions the shim implements itself
 * ("impl": musl has nothing close, or only a POSIX function of the same
 * name). Each case asserts glibc's documented behaviour (man pages, glibc
 * manual), including error cases and GNU variants.
 */
#define _GNU_SOURCE
#include <argp.h>
#include <dlfcn.h>
#include <errno.h>
#include <error.h>
#include <execinfo.h>
#include <fcntl.h>
#include <getopt.h>
#include <gnu/libc-version.h>
#include <link.h>
#include <obstack.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kinds.h"

/* The POSIX strerror_r, as glibc's headers bind it without _GNU_SOURCE. */
extern int __xpg_strerror_r(int, char *, size_t);

static void
t_strerror_r(void **state)
{
	char buf[64], small[8];
	char *p;

	(void)state;
	/* GNU variant: returns the message, maybe not in buf. */
	p = strerror_r(ENOENT, buf, sizeof(buf));
	assert_string_equal(p, "No such file or directory");
	p = strerror_r(12345, buf, sizeof(buf));
	assert_string_equal(p, "Unknown error 12345");
	/* Truncated to the buffer, NUL-terminated. */
	p = strerror_r(12345, small, sizeof(small));
	assert_int_equal(strlen(p), sizeof(small) - 1);
	assert_memory_equal(p, "Unknown", 7);
}

static void
t___xpg_strerror_r(void **state)
{
	char buf[64], small[4];

	(void)state;
	assert_int_equal(__xpg_strerror_r(EACCES, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "Permission denied");
	/* Errors are returned (glibc >= 2.13), not stored in errno. */
	assert_int_equal(__xpg_strerror_r(12345, buf, sizeof(buf)), EINVAL);
	assert_int_equal(__xpg_strerror_r(ENOENT, small, sizeof(small)),
			 ERANGE);
}

static void
t_basename(void **state)
{
	(void)state;
	/* GNU basename (string.h): never modifies, "" after a '/'. */
	assert_string_equal(basename("/usr/lib"), "lib");
	assert_string_equal(basename("/usr/lib/"), "");
	assert_string_equal(basename("name"), "name");
	assert_string_equal(basename("/"), "");
	assert_string_equal(basename(""), "");
}

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

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

static void
t__obstack_begin(void **state)
{
	struct obstack ob;
	char *first, *big;

	(void)state;
	assert_int_equal(obstack_init(&ob), 1);
	obstack_grow(&ob, "abc", 3);
	assert_int_equal(obstack_object_size(&ob), 3);
	obstack_1grow(&ob, '\0');
	first = obstack_finish(&ob);
	assert_string_equal(first, "abc");
	/* A large object moves to a new chunk (_obstack_newchunk). */
	for (int i = 0; i < 20000; i++)
		obstack_1grow(&ob, 'a' + i % 26);
	obstack_1grow(&ob, '\0');
	big = obstack_finish(&ob);
	assert_int_equal(strlen(big), 20000);
	assert_int_equal(big[19999], 'a' + 19999 % 26);
	assert_string_equal(first, "abc");
	/* Freeing an object frees everything allocated after it. */
	obstack_free(&ob, big);
	assert_ptr_equal(obstack_base(&ob), obstack_next_free(&ob));
	obstack_free(&ob, NULL);
}

static void
t_regcomp(void **state)
{
	regex_t re;

	(void)state;
	assert_int_equal(regcomp(&re, "(a)(b(c))", REG_EXTENDED), 0);
	assert_int_equal(re.re_nsub, 3);
	regfree(&re);
	assert_int_equal(regcomp(&re, "\\(a\\)", 0), 0);
	assert_int_equal(re.re_nsub, 1);
	regfree(&re);
	assert_int_equal(regcomp(&re, "[a", 0), REG_EBRACK);
	assert_int_equal(regcomp(&re, "(a", REG_EXTENDED), REG_EPAREN);
	assert_int_equal(regcomp(&re, "a\\(", 0), REG_EPAREN);
	assert_int_equal(regcomp(&re, "[z-a]", 0), REG_ERANGE);
	assert_int_equal(regcomp(&re, "a\\", 0), REG_EESCAPE);
	assert_int_equal(regcomp(&re, "a\\{1", 0), REG_EBRACE);
}

static void
t_regexec(void **state)
{
	regex_t re;
	regmatch_t m[4];

	(void)state;
	assert_int_equal(regcomp(&re, "([a-z]+)=([0-9]+)(;)?",
				 REG_EXTENDED), 0);
	assert_int_equal(regexec(&re, "  key=42", 4, m, 0), 0);
	/* regmatch_t holds two ints (regoff_t) in glibc. */
	assert_int_equal(sizeof(m[0]), 8);
	assert_int_equal(m[0].rm_so, 2);
	assert_int_equal(m[0].rm_eo, 8);
	assert_int_equal(m[1].rm_so, 2);
	assert_int_equal(m[1].rm_eo, 5);
	assert_int_equal(m[2].rm_so, 6);
	assert_int_equal(m[2].rm_eo, 8);
	assert_int_equal(m[3].rm_so, -1);
	assert_int_equal(m[3].rm_eo, -1);
	assert_int_equal(regexec(&re, "no match here", 0, NULL, 0),
			 REG_NOMATCH);
	regfree(&re);
	assert_int_equal(regcomp(&re, "^ab", REG_ICASE | REG_NOSUB), 0);
	assert_int_equal(regexec(&re, "ABc", 0, NULL, 0), 0);
	assert_int_equal(regexec(&re, "ABc", 0, NULL, REG_NOTBOL),
			 REG_NOMATCH);
	regfree(&re);
	/* REG_STARTEND (GNU/BSD): the range is in pmatch[0]. */
	assert_int_equal(regcomp(&re, "b+", REG_EXTENDED), 0);
	m[0].rm_so = 3;
	m[0].rm_eo = 6;
	assert_int_equal(regexec(&re, "bb-abbbb", 1, m, REG_STARTEND), 0);
	assert_int_equal(m[0].rm_so, 4);
	assert_int_equal(m[0].rm_eo, 6);
	regfree(&re);
}

static void
t_regerror(void **state)
{
	char buf[64], small[5];
	size_t n;

	(void)state;
	n = regerror(REG_NOMATCH, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "No match");
	assert_int_equal(n, strlen("No match") + 1);
	regerror(REG_EBRACK, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Unmatched [, [^, [:, [., or [=");
	regerror(REG_EPAREN, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Unmatched ( or \\(");
	regerror(REG_ESPACE, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Memory exhausted");
	/* The full size is returned; the text is truncated. */
	n = regerror(REG_ERANGE, NULL, small, sizeof(small));
	assert_int_equal(n, strlen("Invalid range end") + 1);
	assert_string_equal(small, "Inva");
}

static void
t_random_r(void **state)
{
	static char s1[128], s2[128];
	struct random_data a, b;
	struct random_data *volatile no_data = NULL;
	int32_t x, y, *volatile no_result = NULL;

	(void)state;
	/* The man page: the struct must be zeroed before initstate_r. */
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(initstate_r(1, s1, sizeof(s1), &a), 0);
	assert_int_equal(initstate_r(1, s2, sizeof(s2), &b), 0);
	assert_int_equal(random_r(&a, &x), 0);
	/* glibc's TYPE_3 additive generator, seed 1. */
	assert_int_equal(x, 1804289383);
	assert_int_equal(random_r(&b, &y), 0);
	/* The same seed gives the same sequence, in [0, RAND_MAX]. */
	for (int i = 0; i < 100; i++) {
		assert_int_equal(random_r(&a, &x), 0);
		assert_int_equal(random_r(&b, &y), 0);
		assert_int_equal(x, y);
		assert_true(x >= 0 && x <= RAND_MAX);
	}
	/* The man page: EINVAL when buf or result is NULL. */
	assert_errno(random_r(no_data, &x), -1, EINVAL);
	assert_errno(random_r(&a, no_result), -1, EINVAL);
	assert_errno(initstate_r(1, s1, 7, &a), -1, EINVAL);
}

static void
t_rawmemchr(void **state)
{
	static const char s[] = "abc:def";

	(void)state;
	assert_ptr_equal(rawmemchr(s, ':'), s + 3);
	assert_ptr_equal(rawmemchr(s, '\0'), s + 7);
	assert_ptr_equal(rawmemchr(s, 'a'), s);
}

static void
t_backtrace(void **state)
{
	void *frames[32];
	char **names;
	int n;

	(void)state;
	n = backtrace(frames, 32);
	assert_true(n >= 2 && n <= 32);
	/* The first frame is in this function. */
	assert_true((char *)frames[0] >= (char *)t_backtrace &&
		    (char *)frames[0] < (char *)t_backtrace + 200);
	assert_int_equal(backtrace(frames, 1), 1);
	assert_int_equal(backtrace(frames, 0), 0);
	names = backtrace_symbols(frames, 1);
	assert_non_null(names);
	assert_non_null(names[0]);
	assert_non_null(strstr(names[0], "kinds-impl"));
	free(names);
}

struct phdr_seen {
	int calls;
	int main_first;
	int cmocka;
	int stop_at;
};

static int
phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct phdr_seen *s = data;
	int loads = 0;

	assert_true(size >= offsetof(struct dl_phdr_info, dlpi_phnum) +
		    sizeof(info->dlpi_phnum));
	assert_non_null(info->dlpi_name);
	for (int i = 0; i < info->dlpi_phnum; i++)
		loads += info->dlpi_phdr[i].p_type == PT_LOAD;
	if (strstr(info->dlpi_name, "libcmocka.so.0"))
		s->cmocka++;
	if (s->calls++ == 0)
		s->main_first = info->dlpi_name[0] == '\0' && loads > 0;
	return s->calls == s->stop_at ? 42 : 0;
}

static void
t_dl_iterate_phdr(void **state)
{
	struct phdr_seen s = { 0 };

	(void)state;
	assert_int_equal(dl_iterate_phdr(phdr_cb, &s), 0);
	/* The main program comes first, with an empty name. */
	assert_int_equal(s.main_first, 1);
	assert_int_equal(s.cmocka, 1);
	assert_true(s.calls >= 2);
	/* A non-zero callback result stops the walk and is returned. */
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	assert_int_equal(dl_iterate_phdr(phdr_cb, &s), 42);
	assert_int_equal(s.calls, 2);
}

/* libkinds-tls.so (kinds-tls.c), which this program needs. */
void kinds_tls_set(int v);
int kinds_tls_get(void);

static void
t_dlopen(void **state)
{
	void *h;
	const char *e;

	(void)state;
	/* Loaded already: RTLD_NOLOAD finds it by its soname. */
	h = dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD);
	assert_non_null(h);
	assert_ptr_equal(dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD), h);
	assert_int_equal(dlclose(h), 0);
	assert_int_equal(dlclose(h), 0);
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW | RTLD_NOLOAD));
	assert_non_null(dlopen(NULL, RTLD_LAZY));
	dlerror();
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	e = dlerror();
	assert_non_null(e);
	assert_memory_equal(e, "libkinds-no-such.so: ", 21);
}

static void
t_dlopen_message(void **state)
{
	(void)state;
	dlerror();
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	assert_string_equal(dlerror(), "libkinds-no-such.so: cannot open "
			    "shared object file: No such file or directory");
}

static void
t_dlopen_tls(void **state)
{
	void *h;

	(void)state;
	/* Opening a loaded object again only counts a reference. */
	kinds_tls_set(5);
	h = dlopen("libkinds-tls.so", RTLD_NOW);
	assert_non_null(h);
	assert_int_equal(kinds_tls_get(), 5);
	assert_int_equal(dlclose(h), 0);
	kinds_tls_set(1);
}

static void
t_dlsym(void **state)
{
	void *h = dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD);
	const char *e;

	(void)state;
	assert_non_null(h);
	assert_ptr_equal(dlsym(h, "kinds_tls_get"), (void *)kinds_tls_get);
	assert_ptr_equal(dlsym(RTLD_DEFAULT, "_cmocka_run_group_tests"),
			 (void *)_cmocka_run_group_tests);
	dlerror();
	assert_null(dlsym(h, "kinds_no_such_symbol"));
	e = dlerror();
	assert_non_null(e);
	assert_non_null(strstr(e, "undefined symbol: kinds_no_such_symbol"));
	dlclose(h);
}

static void
t_dlsym_libpthread(void **state)
{
	/* glibc 2.34 moved pthread_create into libc.so.6; a handle of
	 * libpthread.so.0 still finds it, through libpthread's dependency
	 * on libc (programs that dlopen libpthread, like Free Pascal's). */
	void *h = dlopen("libpthread.so.0", RTLD_NOW);

	(void)state;
	assert_non_null(h);
	assert_ptr_equal(dlsym(h, "pthread_create"),
			 dlsym(RTLD_DEFAULT, "pthread_create"));
	assert_non_null(dlsym(h, "pthread_create"));
	dlclose(h);
}

static void
t_dladdr(void **state)
{
	/* A libc function: its library and its name. */
	Dl_info info;

	(void)state;
	memset(&info, 0, sizeof info);
	assert_int_not_equal(dladdr((void *)qsort, &info), 0);
	assert_non_null(info.dli_fname);
	assert_non_null(strstr(info.dli_fname, "libc.so.6"));
	assert_non_null(info.dli_sname);
	assert_string_equal(info.dli_sname, "qsort");
	assert_ptr_equal(info.dli_saddr, (void *)qsort);
}

static void
t_dlerror(void **state)
{
	(void)state;
	dlerror();
	/* No error since the last call: NULL. */
	assert_null(dlerror());
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	assert_non_null(dlerror());
	/* Reading the error clears it. */
	assert_null(dlerror());
}

static void
t_dlopen_mode(void **state)
{
	const char *e;

	(void)state;
	/* The man page: flags must include RTLD_LAZY or RTLD_NOW. */
	dlerror();
	assert_null(dlopen("libkinds-tls.so", RTLD_GLOBAL));
	e = dlerror();
	assert_non_null(e);
	assert_non_null(strstr(e, "invalid mode"));
}

static void
t_gnu_get_libc_version(void **state)
{
	int major = 0, minor = 0;

	(void)state;
	assert_int_equal(sscanf(gnu_get_libc_version(), "%d.%d", &major,
				&minor), 2);
	assert_int_equal(major, __GLIBC__);
	assert_true(minor >= __GLIBC_MINOR__);
	assert_string_equal(gnu_get_libc_release(), "stable");
}

static void
t_sigdescr_np(void **state)
{
	(void)state;
	assert_string_equal(sigdescr_np(SIGINT), "Interrupt");
	assert_string_equal(sigdescr_np(SIGHUP), "Hangup");
	assert_string_equal(sigdescr_np(SIGBUS), "Bus error");
	/* Unlike strsignal, unknown numbers give NULL. */
	assert_null(sigdescr_np(0));
	assert_null(sigdescr_np(1000));
}

static void
t_fcntl(void **state)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
			    .l_start = 0, .l_len = 10 };
	int fd, d, status;
	pid_t pid;

	(void)state;
	kinds_write("fcntl", "0123456789");
	fd = open(kinds_path("fcntl"), O_RDWR | O_APPEND);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND),
			 O_RDWR | O_APPEND);
	assert_int_equal(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	assert_int_equal(fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK),
			 O_NONBLOCK);
	d = fcntl(fd, F_DUPFD, 50);
	assert_true(d >= 50);
	assert_int_equal(fcntl(d, F_GETFD), 0);
	close(d);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 60);
	assert_true(d >= 60);
	assert_int_equal(fcntl(d, F_GETFD), FD_CLOEXEC);
	close(d);
	/* A lock held here is seen from another process. */
	assert_int_equal(fcntl(fd, F_SETLK, &fl), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct flock q = { .l_type = F_RDLCK, .l_whence = SEEK_SET,
				   .l_start = 5, .l_len = 1 };

		if (fcntl(fd, F_GETLK, &q) != 0 || q.l_type != F_WRLCK ||
		    q.l_pid != getppid() || q.l_start != 0 || q.l_len != 10)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(fd);
	assert_errno(fcntl(-1, F_GETFD), -1, EBADF);
	assert_errno(fcntl(0, 12345), -1, EINVAL);
}

static void
t_canonicalize_file_name(void **state)
{
	char want[4096], *p;

	(void)state;
	kinds_write("cfn", "");
	assert_non_null(realpath(kinds_dir, want));
	strcat(want, "/cfn");
	p = canonicalize_file_name(kinds_path("./cfn/../cfn"));
	assert_null(p);
	p = canonicalize_file_name(kinds_path("././cfn"));
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
	errno = 0;
	assert_null(canonicalize_file_name(kinds_path("missing")));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(canonicalize_file_name(kinds_path("cfn/x")));
	assert_int_equal(errno, ENOTDIR);
}

static void
t_rpmatch(void **state)
{
	(void)state;
	assert_int_equal(rpmatch("y"), 1);
	assert_int_equal(rpmatch("Yes"), 1);
	assert_int_equal(rpmatch("n"), 0);
	assert_int_equal(rpmatch("No way"), 0);
	assert_int_equal(rpmatch("maybe"), -1);
	assert_int_equal(rpmatch(""), -1);
}

static void
t_statx(void **state)
{
	struct statx sx;
	int fd;

	(void)state;
	kinds_write("statx", "12345678");
	memset(&sx, 0, sizeof(sx));
	assert_int_equal(statx(AT_FDCWD, kinds_path("statx"), 0,
			       STATX_BASIC_STATS, &sx), 0);
	assert_true((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	assert_true(S_ISREG(sx.stx_mode));
	assert_int_equal(sx.stx_size, 8);
	assert_int_equal(sx.stx_nlink, 1);
	fd = open(kinds_path("statx"), O_RDONLY);
	memset(&sx, 0, sizeof(sx));
	assert_int_equal(statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx), 0);
	assert_int_equal(sx.stx_size, 8);
	close(fd);
	assert_errno(statx(AT_FDCWD, kinds_path("missing"), 0, STATX_SIZE,
			   &sx), -1, ENOENT);
	assert_errno(statx(AT_FDCWD, kinds_path("statx"), 0x40000000,
			   STATX_SIZE, &sx), -1, EINVAL);
}

static void
t_close_range(void **state)
{
	int a = dup2(0, 200), b = dup2(0, 201), c = dup2(0, 202);

	(void)state;
	assert_true(a == 200 && b == 201 && c == 202);
	assert_int_equal(close_range(201, 202, CLOSE_RANGE_CLOEXEC), 0);
	assert_int_equal(fcntl(201, F_GETFD), FD_CLOEXEC);
	assert_int_equal(close_range(200, 202, 0), 0);
	assert_errno(fcntl(200, F_GETFD), -1, EBADF);
	assert_errno(fcntl(202, F_GETFD), -1, EBADF);
	assert_errno(close_range(10, 5, 0), -1, EINVAL);
	assert_errno(close_range(3, 3, 0x8000), -1, EINVAL);
}

static void
t_renameat2(void **state)
{
	char buf[4] = { 0 };
	int fd;

	(void)state;
	kinds_write("r2-a", "a");
	kinds_write("r2-b", "b");
	assert_errno(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
			       kinds_path("r2-b"), RENAME_NOREPLACE), -1,
		     EEXIST);
	assert_int_equal(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
				   kinds_path("r2-b"), RENAME_EXCHANGE), 0);
	fd = open(kinds_path("r2-a"), O_RDONLY);
	assert_int_equal(read(fd, buf, 3), 1);
	assert_string_equal(buf, "b");
	close(fd);
	assert_errno(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
			       kinds_path("r2-b"),
			       RENAME_NOREPLACE | RENAME_EXCHANGE), -1,
		     EINVAL);
}

static void
t_gnu_dev_makedev(void **state)
{
	dev_t d = makedev(8, 1), big = makedev(0x12345, 0xabcdef);

	(void)state;
	/* The glibc encoding: 12 + 20 bits of major, 8 + 24 of minor. */
	assert_int_equal(d, 0x801);
	assert_int_equal(major(d), 8);
	assert_int_equal(minor(d), 1);
	assert_int_equal(big, 0x1200abcd345efULL);
	assert_int_equal(major(big), 0x12345);
	assert_int_equal(minor(big), 0xabcdef);
}

static void
t_arc4random_uniform(void **state)
{
	(void)state;
	/* The documented range is [0, upper_bound); 0 and 1 give 0. */
	assert_int_equal(arc4random_uniform(0), 0);
	assert_int_equal(arc4random_uniform(1), 0);
	for (int i = 0; i < 1000; i++)
		assert_true(arc4random_uniform(7) < 7);
}

static const struct CMUnitTest kinds_cases[] = {
	KINDS_CASE(strerror_r)
	KINDS_CASE(__xpg_strerror_r)
	KINDS_CASE(basename)
	KINDS_CASE(getopt)
	KINDS_CASE(getopt_long)
	KINDS_CASE(error)
	KINDS_CASE(argp_parse)
	KINDS_CASE(_obstack_begin)
	KINDS_CASE(regcomp)
	KINDS_CASE(regexec)
	KINDS_CASE(regerror)
	KINDS_CASE(random_r)
	KINDS_CASE(rawmemchr)
	KINDS_CASE(backtrace)
	KINDS_CASE(dl_iterate_phdr)
	KINDS_CASE(dlopen)
	KINDS_CASE_X(dlopen, message)
	KINDS_CASE_X(dlopen, tls)
	KINDS_CASE_X(dlopen, mode)
	KINDS_CASE(dlsym)
	KINDS_CASE_X(dlsym, libpthread)
	KINDS_CASE(dladdr)
	KINDS_CASE(dlerror)
	KINDS_CASE(gnu_get_libc_version)
	KINDS_CASE(sigdescr_np)
	KINDS_CASE(fcntl)
	KINDS_CASE(canonicalize_file_name)
	KINDS_CASE(rpmatch)
	KINDS_CASE(statx)
	KINDS_CASE(close_range)
	KINDS_CASE(renameat2)
	KINDS_CASE(gnu_dev_makedev)
	KINDS_CASE(arc4random_uniform)
};

KINDS_MAIN("kinds-impl")
