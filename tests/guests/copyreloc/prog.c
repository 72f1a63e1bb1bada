/*
 * A non-PIE program: stdout, environ and the getopt globals are its own
 * copies (R_X86_64_COPY), so the shim must keep them in sync. Exercises
 * glibc's inline stdio paths (putc_unlocked reads FILE at glibc offsets),
 * setenv/putenv/unsetenv/clearenv against environ read directly, environ
 * assigned by the program, and getopt with permutation, "--", errors and
 * re-initialisation through optind = 0 and optind = 1.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static int in_environ(const char *entry)
{
	int n = 0;

	for (char **e = environ; e && *e; e++)
		n += strcmp(*e, entry) == 0;
	return n;
}

static int env_count(void)
{
	int n = 0;

	for (char **e = environ; e && *e; e++)
		n++;
	return n;
}

static const char *show(const char *s)
{
	return s ? s : "(null)";
}

static void test_stdio(void)
{
	const char *s = "putc_unlocked path\n";

	fprintf(stdout, "fprintf(stdout): %d %s\n", 42, "ok");
	putchar('p');
	putchar('\n');
	for (const char *p = s; *p; p++)
		putc_unlocked(*p, stdout);
	for (const char *p = "putchar_unlocked\n"; *p; p++)
		putchar_unlocked(*p);
	fputs_unlocked("fputs_unlocked\n", stdout);
	fputs("fputs\n", stdout);
	printf("stdout is %s\n", stdout == NULL ? "NULL" : "set");
	fflush(stdout);
	for (int i = 0; i < 3000; i++)	/* more than one buffer */
		putc_unlocked(i % 64 == 63 ? '\n' : 'a' + i % 26, stdout);
	fputc('\n', stdout);
}

static void test_environ(char **envp)
{
	static char put[] = "SHIMTEST_PUT=yes";
	static char *mine[] = { "SHIMTEST_MINE=1", "PATH=/nowhere", NULL };

	printf("environ == envp at start: %d\n", environ == envp);
	setenv("SHIMTEST_COPY", "hello", 1);
	printf("setenv: in environ %d, getenv %s\n",
	       in_environ("SHIMTEST_COPY=hello"),
	       show(getenv("SHIMTEST_COPY")));
	setenv("SHIMTEST_COPY", "again", 1);
	printf("setenv again: in environ %d/%d, getenv %s\n",
	       in_environ("SHIMTEST_COPY=hello"),
	       in_environ("SHIMTEST_COPY=again"),
	       show(getenv("SHIMTEST_COPY")));
	putenv(put);
	printf("putenv: in environ %d, getenv %s\n", in_environ(put),
	       show(getenv("SHIMTEST_PUT")));
	unsetenv("SHIMTEST_COPY");
	printf("unsetenv: in environ %d, getenv %s\n",
	       in_environ("SHIMTEST_COPY=again"),
	       show(getenv("SHIMTEST_COPY")));

	environ = mine;
	printf("own environ: MINE=%s PATH=%s HOME=%s count=%d\n",
	       show(getenv("SHIMTEST_MINE")), show(getenv("PATH")),
	       show(getenv("HOME")), env_count());
	setenv("SHIMTEST_NEW", "2", 1);
	printf("setenv on own environ: count=%d MINE %d NEW %d getenv %s\n",
	       env_count(), in_environ("SHIMTEST_MINE=1"),
	       in_environ("SHIMTEST_NEW=2"), show(getenv("SHIMTEST_NEW")));
	clearenv();
	printf("clearenv: empty %d, getenv %s\n", env_count() == 0,
	       show(getenv("SHIMTEST_MINE")));
	setenv("SHIMTEST_LAST", "3", 0);
	printf("setenv after clearenv: count=%d in environ %d getenv %s\n",
	       env_count(), in_environ("SHIMTEST_LAST=3"),
	       show(getenv("SHIMTEST_LAST")));
}

static void parse(const char *title, int argc, char **argv, const char *opts)
{
	int c;

	printf("%s: optstring \"%s\"\n", title, opts);
	while ((c = getopt(argc, argv, opts)) != -1)
		if (c == '?' || c == ':')
			printf("  error '%c' optopt='%c' optind=%d\n", c,
			       optopt, optind);
		else
			printf("  opt '%c' optarg=%s optind=%d\n", c,
			       show(optarg), optind);
	printf("  done: optind=%d rest:", optind);
	for (int i = optind; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n  argv now:");
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
}

static void test_getopt(int argc, char **argv)
{
	char *a2[] = { "prog", "-q", "x", "-b", NULL };
	char *a3[] = { "prog", "-a", "-b", NULL };
	char *a4[] = { "prog", "file", "-a", NULL };

	printf("opterr=%d optind=%d at start\n", opterr, optind);
	opterr = 0;
	parse("command line", argc, argv, "ab:c::");
	optind = 0;
	parse("optind=0, errors", 4, a2, "ab:");
	optind = 1;
	parse("optind=1, leading colon", 3, a3, ":ab:");
	optind = 0;
	parse("optind=0, no permutation", 3, a4, "+a");
}

int main(int argc, char **argv, char **envp)
{
	test_stdio();
	test_getopt(argc, argv);
	test_environ(envp);
	return 0;
}
