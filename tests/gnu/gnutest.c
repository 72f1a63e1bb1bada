/*
 * Differential test of libshim's GNU functions (fortify, error, getopt,
 * strerror_r/basename, obstack, ...), a source built twice
 * (tests/difftest/difftest.h). Each case makes a transcript (results,
 * stdout, stderr, exit status); a case with an inline expected value is
 * checked in both builds.
 */
#include <inttypes.h>
#include <wchar.h>

#include "difftest.h"

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

#define OVERFLOW	" out=[] err=[*** buffer overflow detected ***: " \
			"terminated\n] signal=6"

/* ---- fortify ---------------------------------------------------------- */

static void
t_strcpy_over(void *a)
{
	char buf[4];

	(void)a;
	F(__strcpy_chk)(buf, "hello", sizeof buf);
}

static void t_memcpy_over(void *a) { char b[4];
	F(__memcpy_chk)(b, a, 5, sizeof b); }
static void t_memset_over(void *a) { char b[4]; (void)a;
	F(__memset_chk)(b, 0, 8, sizeof b); }
static void t_strcat_over(void *a) { char b[8] = "abcd"; (void)a;
	F(__strcat_chk)(b, "efgh", sizeof b); }
static void t_strncat_over(void *a) { char b[8] = "abcd"; (void)a;
	F(__strncat_chk)(b, "efghij", 4, sizeof b); }
static void t_sprintf_over(void *a) { char b[8]; (void)a;
	F(__sprintf_chk)(b, 1, sizeof b, "%s", "12345678"); }
static void t_snprintf_over(void *a) { char b[8]; (void)a;
	F(__snprintf_chk)(b, 16, 1, sizeof b, "%d", 1); }
static void t_read_over(void *a) { char b[8]; (void)a;
	F(__read_chk)(0, b, 16, sizeof b); }
static void t_fdelt_over(void *a) { (void)a; F(__fdelt_chk)(1024); }
static void t_wcscpy_over(void *a) { wchar_t b[2]; (void)a;
	F(__wcscpy_chk)(b, L"ab", 2); }
static void t_open_creat(void *a) { (void)a;
	F(__open_2)("/nonexistent/x", O_CREAT | O_WRONLY); }

static void
t_printf_chk(void *a)
{
	char *s = NULL;

	(void)a;
	F(__printf_chk)(1, "[%d|%5s|%-4x|%.3f]\n", 42, "ab", 255, 3.14159);
	F(__fprintf_chk)(stderr, 1, "to stderr %s\n", "x");
	F(__asprintf_chk)(&s, 1, "as%dprintf", 1);
	F(__printf_chk)(1, "%s\n", s);
	free(s);
}

static void
test_fortify(void)
{
	char b[16], *p;

	p = F(__strcpy_chk)(b, "hello", sizeof b);
	dt_say("strcpy=%s same=%d", b, p == b);
	p = F(__stpcpy_chk)(b, "abc", 4);
	dt_say(" stpcpy=%td", p - b);
	F(__strcat_chk)(b, "def", sizeof b);
	F(__strncat_chk)(b, "ghijk", 2, sizeof b);
	dt_say(" cat=%s", b);
	F(__strncpy_chk)(b, "xy", 5, sizeof b);
	dt_say(" ncpy=%s", b);
	p = F(__mempcpy_chk)(b, "12345", 5, sizeof b);
	dt_say(" mempcpy=%td", p - b);
	dt_say(" sprintf=%d:", F(__sprintf_chk)(b, 1, sizeof b, "%s-%d", "a", 7));
	dt_say("%s", b);
	dt_say(" snprintf=%d:", F(__snprintf_chk)(b, 4, 1, sizeof b, "%s",
	    "abcdef"));
	dt_say("%s", b);
	dt_say(" fdelt=%ld", F(__fdelt_chk)(130));
	dt_done("fortify-ok", "strcpy=hello same=1 stpcpy=3 cat=abcdefgh "
	    "ncpy=xy mempcpy=5 sprintf=3:a-7 snprintf=6:abc fdelt=2");

	dt_child(t_printf_chk, NULL);
	dt_done("printf_chk", " out=[[42|   ab|ff  |3.142]\nas1printf\n] "
	    "err=[to stderr x\n] exit=0");
	dt_child(t_strcpy_over, NULL);
	dt_done("strcpy_chk-overflow", OVERFLOW);
	dt_child(t_memcpy_over, "abcdefgh");
	dt_done("memcpy_chk-overflow", OVERFLOW);
	dt_child(t_memset_over, NULL);
	dt_done("memset_chk-overflow", OVERFLOW);
	dt_child(t_strcat_over, NULL);
	dt_done("strcat_chk-overflow", OVERFLOW);
	dt_child(t_strncat_over, NULL);
	dt_done("strncat_chk-overflow", OVERFLOW);
	dt_child(t_sprintf_over, NULL);
	dt_done("sprintf_chk-overflow", OVERFLOW);
	dt_child(t_snprintf_over, NULL);
	dt_done("snprintf_chk-overflow", OVERFLOW);
	dt_child(t_read_over, NULL);
	dt_done("read_chk-overflow", OVERFLOW);
	dt_child(t_fdelt_over, NULL);
	dt_done("fdelt_chk-overflow", " out=[] err=[*** bit out of range 0 - "
	    "FD_SETSIZE on fd_set ***: terminated\n] signal=6");
	dt_child(t_wcscpy_over, NULL);
	dt_done("wcscpy_chk-overflow", OVERFLOW);
	dt_child(t_open_creat, NULL);
	dt_done("open_2-creat", " out=[] err=[*** invalid open call: O_CREAT "
	    "or O_TMPFILE without mode ***: terminated\n] signal=6");
}

/* ---- error ------------------------------------------------------------ */

static void
t_error1(void *a)
{
	(void)a;
	printf("before");	/* error() must flush stdout first */
	F(error)(0, ENOENT, "cannot open %s", "x.txt");
	F(error)(0, 0, "plain");
	fprintf(stderr, "count=%u\n", G(error_message_count));
	F(error)(3, EACCES, "fatal %d", 1);
	fprintf(stderr, "not reached\n");
}

static void
t_error2(void *a)
{
	(void)a;
	F(error_at_line)(0, 0, "f.c", 10, "one");
	F(error_at_line)(0, EIO, "f.c", 10, "two");
	G(error_one_per_line) = 1;
	F(error_at_line)(0, 0, "f.c", 11, "three");
	F(error_at_line)(0, 0, "f.c", 11, "repeat");
	F(error_at_line)(0, 0, "g.c", 11, "other file");
	F(error_at_line)(0, 0, NULL, 0, "no file");
	F(error)(0, 9999, "unknown errno");
	F(error_at_line)(4, 0, "f.c", 12, "bye");
}

static void
progname_hook(void)
{
	fprintf(stderr, "HOOK>");
}

static void
t_error3(void *a)
{
	(void)a;
	G(error_print_progname) = progname_hook;
	F(error)(0, EINVAL, "hooked");
}

static void
test_error(void)
{
	G(program_invocation_name) = "prog";
	dt_child(t_error1, NULL);
	dt_done("error", " out=[before] err=[prog: cannot open x.txt: No such "
	    "file or directory\nprog: plain\ncount=2\nprog: fatal 1: "
	    "Permission denied\n] exit=3");
	dt_child(t_error2, NULL);
	dt_done("error_at_line", " out=[] err=[prog:f.c:10: one\nprog:f.c:10: "
	    "two: Input/output error\nprog:f.c:11: three\nprog:g.c:11: "
	    "other file\nprog: no file\nprog: unknown errno: Unknown error "
	    "9999\nprog:f.c:12: bye\n] exit=4");
	dt_child(t_error3, NULL);
	dt_done("error-progname-hook", " out=[] err=[HOOK>hooked: Invalid "
	    "argument\n] exit=0");
}

/* ---- getopt ----------------------------------------------------------- */

static const struct option longopts[] = {
	{ "verbose", no_argument, NULL, 'v' },
	{ "value", required_argument, NULL, 'V' },
	{ "optional", optional_argument, NULL, 'o' },
	{ "verify", no_argument, NULL, 'y' },
	{ "color", optional_argument, NULL, 'c' },
	{ "colour", optional_argument, NULL, 'c' },
	{ "flag", no_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 },
};

struct gcase {
	int mode;		/* 0 getopt, 1 getopt_long, 2 long_only */
	const char *opts;
	const char *argv[16];
};

static void
t_getopt(void *a)
{
	const struct gcase *g = a;
	char *argv[16];
	int argc, c, idx;

	for (argc = 0; g->argv[argc] != NULL; argc++)
		argv[argc] = (char *)g->argv[argc];
	argv[argc] = NULL;
	G(optind) = 0;
	for (;;) {
		idx = -1;
		if (g->mode == 0)
			c = F(getopt)(argc, argv, g->opts);
		else if (g->mode == 1)
			c = F(getopt_long)(argc, argv, g->opts, longopts,
			    &idx);
		else
			c = F(getopt_long_only)(argc, argv, g->opts,
			    longopts, &idx);
		if (c == -1)
			break;
		printf("%c", c > ' ' && c < 127 ? c : '#');
		if (c == 1)
			printf("(1)");
		if (G(optarg) != NULL)
			printf("=%s", G(optarg));
		if (idx >= 0)
			printf("[%d]", idx);
		if (c == '?' || c == ':')
			printf("{%d}", G(optopt));
		printf("@%d ", G(optind));
	}
	printf("| optind=%d argv:", G(optind));
	for (c = 1; c < argc; c++)
		printf(" %s", argv[c]);
	printf("\n");
}

static const struct gcase gcases[] = {
	{ 0, "ab:c::", { "p", "-a", "x", "-bfoo", "y", "-b", "bar", "-cz",
	    "-c", "z", NULL } },
	{ 0, "ab:", { "p", "x", "-a", "--", "-b", "y", NULL } },
	{ 0, "+ab", { "p", "-a", "x", "-b", NULL } },
	{ 0, "-ab", { "p", "-a", "x", "-b", "y", NULL } },
	{ 0, "ab:", { "p", "-ax", "-b", NULL } },
	{ 0, ":ab:", { "p", "-x", "-b", NULL } },
	{ 0, "abc", { "p", "-abc", "-", "-cba", NULL } },
	{ 1, "vW;", { "p", "--verbose", "file", "--value=3", "--value", "4",
	    "--opt", "--optional=o", "--ver", NULL } },
	{ 1, "v", { "p", "--col=red", "--verbose=1", "--value", NULL } },
	{ 1, "v", { "p", "--nosuch", "--v", "--f", NULL } },
	{ 1, "vW;", { "p", "-Wverbose", "-W", "value=9", "-Wnosuch", "-W",
	    NULL } },
	{ 2, "v:f", { "p", "-verbose", "-flag", "-f", "-v3", "-val=2",
	    "-x", "-ve", NULL } },
	{ 1, ":v", { "p", "--value", NULL } },
};

static void
test_getopt(void)
{
	char name[32];
	size_t i;

	G(program_invocation_name) = "p";
	for (i = 0; i < sizeof gcases / sizeof gcases[0]; i++) {
		dt_child(t_getopt, (void *)&gcases[i]);
		snprintf(name, sizeof name, "getopt-%zu", i);
		dt_done(name, NULL);
	}
	setenv("POSIXLY_CORRECT", "1", 1);
	dt_child(t_getopt, (void *)&gcases[0]);
	unsetenv("POSIXLY_CORRECT");
	dt_done("getopt-posixly-correct", NULL);
	G(opterr) = 0;
	dt_child(t_getopt, (void *)&gcases[9]);
	G(opterr) = 1;
	dt_done("getopt-opterr-0", NULL);
}

/* ---- strings ---------------------------------------------------------- */

static void
test_strings(void)
{
	static const int errs[] = { 0, EPERM, ENOENT, EIO, ENOMEM, EBUSY,
	    EAGAIN, ENOTSUP, EHWPOISON, 134, -1, 100000 };
	char buf[64], small[8];
	const char *p;
	size_t i;
	int r;

	for (i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		buf[0] = '\0';
		p = F(strerror_r)(errs[i], buf, sizeof buf);
		dt_say("%d:%s:%s; ", errs[i], p, p == buf ? "buf" : "static");
	}
	dt_done("strerror_r", NULL);
	r = F(__xpg_strerror_r)(ENOENT, buf, sizeof buf);
	dt_say("%d:%s ", r, buf);
	r = F(__xpg_strerror_r)(ENOENT, small, sizeof small);
	dt_say("%d:%s ", r, small);
	r = F(__xpg_strerror_r)(12345, buf, sizeof buf);
	dt_say("%d:%s", r, buf);
	dt_done("xpg_strerror_r", "0:No such file or directory 34:No such "
	    "22:Unknown error 12345");
	dt_say("[%s][%s][%s][%s][%s]", F(basename)("/usr/lib"),
	    F(basename)("/usr/"), F(basename)("name"), F(basename)("/"),
	    F(basename)(""));
	dt_done("basename", "[lib][][name][][]");
	p = "abcdef";
	dt_say("%td %d %d %d", (char *)F(rawmemchr)(p, 'e') - p, F(rpmatch)("yes"),
	    F(rpmatch)("No"), F(rpmatch)("maybe"));
	dt_done("rawmemchr-rpmatch", NULL);
}

/* ---- obstack ---------------------------------------------------------- */

static void
test_obstack(void)
{
	struct obstack ob;
	char *s, *t, *big;
	int i;

	obstack_init(&ob);
	dt_say("chunk_size=%ld mask=%d", ob.chunk_size, ob.alignment_mask);
	s = obstack_copy0(&ob, "hello", 5);
	obstack_grow(&ob, "wor", 3);
	obstack_1grow(&ob, 'l');
	obstack_grow0(&ob, "d", 1);
	t = obstack_finish(&ob);
	dt_say(" s=%s t=%s off=%td", s, t, t - s);
	for (i = 0; i < 1000; i++)
		obstack_grow(&ob, "0123456789", 10);
	obstack_1grow(&ob, '\0');
	dt_say(" size=%d", obstack_object_size(&ob));
	big = obstack_finish(&ob);
	dt_say(" big=%zu %.12s used=%d", strlen(big), big + 9990,
	    obstack_memory_used(&ob));
	dt_say(" s-still=%s", s);
	i = F(obstack_printf)(&ob, "n=%d %s", 42, "x");
	obstack_1grow(&ob, '\0');
	dt_say(" printf=%d:%s", i, (char *)obstack_finish(&ob));
	obstack_free(&ob, t);
	dt_say(" after-free-base-is-t=%d", (char *)obstack_base(&ob) == t);
	s = obstack_alloc(&ob, 8000);
	dt_say(" alloc-aligned=%d used=%d", ((size_t)s & 15) == 0,
	    obstack_memory_used(&ob));
	dt_say(" empty=%d", obstack_empty_p(&ob));
	obstack_free(&ob, NULL);
	dt_done("obstack", NULL);
}

/* ---- the rest --------------------------------------------------------- */

/* glibc sets errno for ERANGE and a bad base, not for "no digits". */
static void
test_strto_errno(void)
{
	static const char *const in[] = { "", "x", "  ", "-", "0x", "12",
		"99999999999999999999999" };
	char *end;

	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		errno = 0;
		long v = F(strtol)(in[i], &end, 0);
		dt_say("l%ld,%d,%d ", v, errno, (int)(end - in[i]));
		errno = 0;
		unsigned long long u = F(strtoull)(in[i], &end, 16);
		dt_say("u%llu,%d,%d ", u, errno, (int)(end - in[i]));
		errno = 0;
		intmax_t m = F(strtoimax)(in[i], NULL, 10);
		dt_say("m%jd,%d ", m, errno);
		errno = 0;
		double d = F(strtod)(in[i], &end);
		dt_say("d%g,%d,%d|", d, errno, (int)(end - in[i]));
	}
	errno = 0;
	F(strtol)("12", &end, 1);
	dt_say("base1:%d ", errno);
	errno = 0;
	F(wcstol)(L"", NULL, 10);
	dt_say("wcs:%d", errno);
	dt_done("strto-errno", NULL);
}

static void
test_misc(void)
{
	struct stat st;
	char *end;
	int fd, m;

#ifdef SHIM
	long v;
	wchar_t *wend;

	v = F(__isoc23_strtol)("  -0b101xyz", &end, 0);
	dt_say("%ld:%s ", v, end);
	v = F(__isoc23_strtol)("0b11", &end, 2);
	dt_say("%ld:%s ", v, end);
	v = F(__isoc23_strtol)("0b2", &end, 0);
	dt_say("%ld:%s ", v, end);
	v = F(__isoc23_strtol)("0x1f", &end, 0);
	dt_say("%ld:%s ", v, end);
	v = F(__isoc23_strtol)("0b11", &end, 10);
	dt_say("%ld:%s ", v, end);
	errno = 0;
	v = F(__isoc23_strtol)("0b1" "0000000000000000000000000000000"
	    "00000000000000000000000000000000", &end, 0);
	dt_say("%ld:%d ", v, errno == ERANGE);
	dt_say("%lu ", F(__isoc23_strtoul)("-0b1", NULL, 0));
	v = F(__isoc23_wcstol)(L"+0B111", &wend, 0);
	dt_say("%ld:%d", v, (int)*wend);
#else
	dt_say("-5:xyz 3: 0:b2 31: 0:b11 9223372036854775807:1 "
	    "18446744073709551615 7:0");
#endif
	dt_done("isoc23_strtol", "-5:xyz 3: 0:b2 31: 0:b11 "
	    "9223372036854775807:1 18446744073709551615 7:0");

	m = F(sigsetmask)(1 << (SIGUSR1 - 1));
	dt_say("old=%#x ", m);
	m = F(sigblock)(1 << (SIGUSR2 - 1));
	dt_say("blk=%#x ", m);
	dt_say("get=%#x ", F(siggetmask)());
	F(sigsetmask)(0);
	dt_done("sigmask", NULL);

	fd = open("/", O_RDONLY);
	dt_say("fcntl64 getfd=%d ", F(fcntl64)(fd, F_GETFD));
	dt_say("setfd=%d ", F(fcntl64)(fd, F_SETFD, FD_CLOEXEC));
	dt_say("getfd=%d ", F(fcntl64)(fd, F_GETFD));
	dt_say("dupfd=%d ", F(fcntl64)(fd, F_DUPFD, 50));
	dt_say("getown=%d ", F(fcntl64)(fd, F_GETOWN));
	m = F(fcntl64)(-1, F_GETFD);
	dt_say("bad=%d:%d", m, errno);
	close(50);
	dt_done("fcntl64", NULL);

	dt_say("xstat=%d ", F(__xstat)(1, "/", &st));
	dt_say("dir=%d ino=%d ", S_ISDIR(st.st_mode), st.st_ino > 0);
	dt_say("fxstat=%d ", F(__fxstat)(1, fd, &st));
	m = F(__xstat)(7, "/", &st);
	dt_say("badver=%d:%d ", m, errno);
	m = F(__xstat)(1, "/nonexistent", &st);
	dt_say("nofile=%d:%d", m, errno);
	close(fd);
	dt_done("xstat", NULL);

	end = F(canonicalize_file_name)("/usr/../usr/./lib");
	dt_say("%s", end);
	free(end);
	dt_done("canonicalize_file_name", "/usr/lib");
	dt_say("%s", F(gnu_get_libc_version)());
	dt_done("gnu_get_libc_version", "2.36");
}

int
main(int argc, char **argv)
{
	dt_start(argc, argv);
	test_fortify();
	test_error();
	test_getopt();
	test_strings();
	test_obstack();
	test_misc();
	test_strto_errno();
	return dt_finish();
}
