/* The differential tests' harness: see difftest.h. */
#define DIFFTEST_HARNESS
#include "difftest.h"

static char tr[32768];		/* the record of the current case */
static size_t trlen;
static int npass, nfail;
static char *expected;		/* --check: the oracle's records */

void dt_start(int argc, char **argv)
{
	FILE *f;
	size_t cap = 0;

#ifdef SHIM
	const char *slash = strrchr(argv[0], '/');

	lx_program_invocation_name = argv[0];
	lx_program_invocation_short_name = slash ? (char *)slash + 1 :
		argv[0];
#endif
	if (argc != 3 || strcmp(argv[1], "--check"))
		return;
	f = fopen(argv[2], "r");
	if (f == NULL || getdelim(&expected, &cap, '\0', f) < 0) {
		perror(argv[2]);
		exit(2);
	}
	fclose(f);
}

void dt_say(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tr + trlen, sizeof tr - trlen, fmt, ap);
	va_end(ap);
	if (n > 0)
		trlen += (size_t)n < sizeof tr - trlen ? (size_t)n :
			sizeof tr - trlen - 1;
}

static void escape(const char *in, char *out, size_t cap)
{
	size_t j = 0;

	for (; *in && j + 5 < cap; in++) {
		unsigned char c = (unsigned char)*in;

		if (c == '\n' || c == '\t' || c == '\\') {
			out[j++] = '\\';
			out[j++] = c == '\n' ? 'n' : c == '\t' ? 't' : '\\';
		} else if (c < 32 || c >= 127) {
			j += (size_t)snprintf(out + j, cap - j, "\\x%02x", c);
		} else {
			out[j++] = (char)c;
		}
	}
	out[j] = 0;
}

/* The oracle's record NAME (not terminated: *len bytes), or NULL. */
static const char *lookup(const char *name, size_t *len)
{
	size_t n = strlen(name);

	for (const char *p = expected; p && *p;) {
		const char *e = strchr(p, '\n');

		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) > n && memcmp(p, name, n) == 0 &&
		    p[n] == '\t') {
			*len = (size_t)(e - p - n - 1);
			return p + n + 1;
		}
		p = *e ? e + 1 : e;
	}
	return NULL;
}

void dt_done(const char *name, const char *want)
{
	static char got[sizeof tr * 4 + 8], w[sizeof tr * 4 + 8];
	const char *ref = NULL;
	size_t rlen = 0;

	escape(tr, got, sizeof got);
	trlen = 0;
	tr[0] = 0;
	if (expected == NULL)
		printf("%s\t%s\n", name, got);
	if (want != NULL) {
		escape(want, w, sizeof w);
		ref = w;
		rlen = strlen(w);
	} else if (expected != NULL) {
		ref = lookup(name, &rlen);
	}
	if (ref == NULL && expected == NULL) {
		npass++;
	} else if (ref != NULL && rlen == strlen(got) &&
		   memcmp(ref, got, rlen) == 0) {
		npass++;
	} else {
		nfail++;
		printf("FAIL %s\n  got:  %s\n  want: %.*s\n", name, got,
			ref ? (int)rlen : 21, ref ? ref : "(no oracle record)");
	}
}

static void slurp(FILE *f, const char *label)
{
	char buf[4096];
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	dt_say("%s=[%s]", label, buf);
}

void dt_child(void (*fn)(void *), void *arg)
{
	FILE *o = tmpfile(), *e = tmpfile();
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		dup2(fileno(o), 1);
		dup2(fileno(e), 2);
		signal(SIGABRT, SIG_DFL);
		fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	slurp(o, " out");
	slurp(e, " err");
	if (WIFEXITED(status))
		dt_say(" exit=%d", WEXITSTATUS(status));
	else
		dt_say(" signal=%d", WTERMSIG(status));
	fclose(o);
	fclose(e);
}

int dt_finish(void)
{
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
