/*
 * Differential test of libshim's messages.c, signal.c, mutex.c, time.c,
 * misc.c and context.c.  One source, two builds: against glibc (the
 * oracle: "misctest-glibc > expected") and against musl with libshim
 * ("misctest-shim --check expected").  Each case makes one record; a case
 * with an inline expected value is checked in both builds.  The last line
 * is "N passed, N failed".
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <locale.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef SHIM
#include "shim.h"
#else
#include "glibc.h"
#endif

static char tr[16384];		/* the record being built */
static size_t trlen;
static int npass, nfail;
static char *expected;		/* --check: the oracle's records */

static void
say(const char *fmt, ...)
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

/* Makes a record one line: escapes newline, tab and backslash. */
static void
escape(const char *in, char *out, size_t cap)
{
	size_t j = 0;

	for (; *in && j + 3 < cap; in++) {
		if (*in == '\n' || *in == '\t' || *in == '\\') {
			out[j++] = '\\';
			out[j++] = *in == '\n' ? 'n' : *in == '\t' ? 't' : '\\';
		} else {
			out[j++] = *in;
		}
	}
	out[j] = '\0';
}

/* The oracle's record NAME, or NULL. */
static const char *
lookup(const char *name)
{
	static char val[32768];
	size_t n = strlen(name), l;
	const char *p = expected, *e;

	while (p != NULL && *p) {
		e = strchr(p, '\n');
		l = e ? (size_t)(e - p) : strlen(p);
		if (strncmp(p, name, n) == 0 && p[n] == '\t' &&
		    l - n - 1 < sizeof val) {
			memcpy(val, p + n + 1, l - n - 1);
			val[l - n - 1] = '\0';
			return val;
		}
		p = e ? e + 1 : NULL;
	}
	return NULL;
}

/* Ends a case: compares the record with WANT (inline) or the oracle's. */
static void
done(const char *name, const char *want)
{
	static char got[32768], w[32768];
	const char *ref;

	escape(tr, got, sizeof got);
	trlen = 0;
	tr[0] = '\0';
	if (want != NULL)
		escape(want, w, sizeof w);
	ref = want != NULL ? w : expected != NULL ? lookup(name) : NULL;
	if (expected == NULL)
		printf("%s\t%s\n", name, got);
	if (ref == NULL && expected != NULL) {
		printf("FAIL %s: no oracle record\n", name);
		nfail++;
	} else if (ref == NULL || strcmp(got, ref) == 0) {
		npass++;
		if (expected != NULL)
			printf("ok %s\n", name);
	} else {
		nfail++;
		printf("FAIL %s\n  got:  %s\n  want: %s\n", name, got, ref);
	}
}

static void
slurp(FILE *f, const char *label)
{
	char buf[4096];
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	say("%s=[%s]", label, buf);
}

/* Runs FN(ARG) in a child with stdout and stderr captured; records both
 * and how the child ended. */
static void
child(void (*fn)(void *), void *arg)
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
		say(" exit=%d", WEXITSTATUS(status));
	else
		say(" signal=%d", WTERMSIG(status));
	fclose(o);
	fclose(e);
}

/* ---- messages ------------------------------------------------------- */

static void
test_strings(void)
{
	char name[32];
	const char *d;
	int i;

	for (i = 0; i <= 134; i++) {
		snprintf(name, sizeof name, "strerror-%d", i);
		say("%s", F(strerror)(i));
		done(name, NULL);
	}
	say("%s|", F(strerror)(200));
	say("%s|", F(strerror)(-1));
	say("%s", F(strerror_l)(EIO, uselocale((locale_t)0)));
	done("strerror-other", NULL);
	for (i = 0; i <= 33; i++) {
		d = F(sigdescr_np)(i);
		snprintf(name, sizeof name, "strsignal-%d", i);
		say("%s|%s", F(strsignal)(i), d ? d : "NULL");
		done(name, NULL);
	}
	/* Real-time signals, numbered from SIGRTMIN in both libraries. */
	for (i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "strsignal-rt%d", i);
		say("%s", F(strsignal)(SIGRTMIN + i));
		done(name, NULL);
	}
	say("%s|", F(strsignal)(65));
	say("%s|", F(strsignal)(99));
	say("%s", F(strsignal)(-3));
	done("strsignal-other", NULL);
	for (i = -110; i <= 2; i++)
		say("%d:%s|", i, F(gai_strerror)(i));
	done("gai_strerror", NULL);
}

static void
c_perror(void *a)
{
	(void)a;
	errno = ENOENT;
	F(perror)("pp");
	F(perror)("");
	errno = 300;
	F(perror)(NULL);
}

static void c_warn(void *a) { (void)a; errno = EACCES; F(warn)("w%d", 1);
	F(warn)(NULL); F(warnx)("x%s", "y"); F(warnx)(NULL); }
static void c_err(void *a) { (void)a; errno = ENOTDIR; F(err)(3, "e%d", 2); }
static void c_errx(void *a) { (void)a; F(errx)(4, "ex"); }
static void c_errnull(void *a) { (void)a; errno = 0; F(err)(5, NULL); }
static void c_assert(void *a) { (void)a;
	F(__assert_fail)("x == 1", "t.c", 42, "main"); }
static void c_assert_nofn(void *a) { (void)a;
	F(__assert_fail)("y", "u.c", 7, NULL); }
static void c_assert_noprog(void *a) { (void)a; set_progname("");
	F(__assert_fail)("z", "v.c", 9, "f"); }

static void
test_messages(void)
{
	child(c_perror, NULL);
	done("perror", NULL);
	child(c_warn, NULL);
	done("warn", NULL);
	child(c_err, NULL);
	done("err", NULL);
	child(c_errx, NULL);
	done("errx", NULL);
	child(c_errnull, NULL);
	done("err-null", NULL);
	child(c_assert, NULL);
	done("assert", " out=[] err=[misctest: t.c:42: main: Assertion "
	    "`x == 1' failed.\n] signal=6");
	child(c_assert_nofn, NULL);
	done("assert-nofunc", NULL);
	child(c_assert_noprog, NULL);
	done("assert-noprog", NULL);
}

/* ---- signals --------------------------------------------------------- */

static volatile sig_atomic_t hits;
static void handler(int sig) { (void)sig; hits++; }

#define FLAGS	(SA_RESTART | SA_RESETHAND | SA_NODEFER | SA_SIGINFO)

static void
test_signals(void)
{
	struct sigaction sa, osa;
	sigset_t set, oset;
	void (*old)(int);
	int r;

	old = F(signal)(SIGUSR1, handler);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	raise(SIGUSR1);
	raise(SIGUSR1);
	say("old=%d flags=%#x self-masked=%d hits=%d", old == SIG_DFL,
	    osa.sa_flags & FLAGS, sigismember(&osa.sa_mask, SIGUSR1), hits);
	say(" bad=%d", F(signal)(0, handler) == SIG_ERR && errno == EINVAL);
	done("signal", NULL);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	say("r=%d", F(sigaction)(SIGUSR2, (void *)&sa, NULL));
	memset(&osa, 0, sizeof osa);
	F(sigaction)(SIGUSR2, NULL, (void *)&osa);
	say(" flags=%#x mask=%d h=%d", osa.sa_flags & FLAGS,
	    sigismember(&osa.sa_mask, SIGUSR2), osa.sa_handler == handler);
	raise(SIGUSR2);
	F(sigaction)(SIGUSR2, NULL, (void *)&osa);
	say(" reset=%d", osa.sa_handler == SIG_DFL);
	r = F(sigaction)(SIGKILL, (void *)&sa, NULL);
	say(" kill=%d/%d", r, errno);
	done("sigaction", NULL);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	say("r=%d", F(sigprocmask)(SIG_BLOCK, (void *)&set, NULL));
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	say(" usr2=%d usr1=%d", sigismember(&oset, SIGUSR2),
	    sigismember(&oset, SIGUSR1));
	r = F(sigprocmask)(7, (void *)&set, NULL);
	say(" bad=%d/%d", r, errno);
	say(" pt=%d", F(pthread_sigmask)(SIG_UNBLOCK, (void *)&set,
	    (void *)&oset));
	say(" was=%d", sigismember(&oset, SIGUSR2));
	say(" bad=%d", F(pthread_sigmask)(7, (void *)&set, NULL));
	done("sigprocmask", NULL);

	old = F(sigset)(SIGUSR1, SIG_HOLD);
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	say("old=%d held=%d", old == handler, sigismember(&oset, SIGUSR1));
	old = F(sigset)(SIGUSR1, SIG_HOLD);
	say(" again=%d", old == SIG_HOLD);
	old = F(sigset)(SIGUSR1, SIG_IGN);
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	say(" unheld=%d ret-hold=%d", sigismember(&oset, SIGUSR1),
	    old == SIG_HOLD);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	say(" ign=%d flags=%#x", osa.sa_handler == SIG_IGN,
	    osa.sa_flags & FLAGS);
	old = F(sigset)(SIGUSR1, SIG_DFL);
	say(" prev-ign=%d", old == SIG_IGN);
	done("sigset", NULL);

	hits = 0;
	old = F(__sysv_signal)(SIGUSR1, handler);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	say("old=%d flags=%#x", old == SIG_DFL, osa.sa_flags & FLAGS);
	raise(SIGUSR1);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	say(" hits=%d reset=%d", hits, osa.sa_handler == SIG_DFL);
	done("sysv_signal", NULL);
}

/* ---- mutexes --------------------------------------------------------- */

static pthread_mutex_t m_rec = GLIBC_RECURSIVE_INIT;
static pthread_mutex_t m_err = GLIBC_ERRORCHECK_INIT;
static pthread_mutex_t m_ada = GLIBC_ADAPTIVE_INIT;
static pthread_mutex_t m_rec2 = GLIBC_RECURSIVE_INIT;

static void
test_mutex(void)
{
	pthread_rwlockattr_t ra;
	int i;

	/* One call per statement: argument order is unspecified. */
	say("rec %d", F(pthread_mutex_lock)(&m_rec));
	say(" %d", F(pthread_mutex_trylock)(&m_rec));
	say(" %d", F(pthread_mutex_trylock)(&m_rec));
	for (i = 0; i < 4; i++)
		say(" %d", F(pthread_mutex_unlock)(&m_rec));
	say(" err %d", F(pthread_mutex_lock)(&m_err));
	say(" %d", F(pthread_mutex_lock)(&m_err));
	say(" %d", F(pthread_mutex_unlock)(&m_err));
	say(" %d", F(pthread_mutex_unlock)(&m_err));
	say(" ada %d", F(pthread_mutex_lock)(&m_ada));
	say(" %d", F(pthread_mutex_trylock)(&m_ada));
	say(" %d", F(pthread_mutex_unlock)(&m_ada));
	say(" rec2 %d", F(pthread_mutex_trylock)(&m_rec2));
	say(" %d", F(pthread_mutex_trylock)(&m_rec2));
	say(" %d", F(pthread_mutex_unlock)(&m_rec2));
	say(" %d", F(pthread_mutex_unlock)(&m_rec2));
	done("mutex", NULL);

	pthread_rwlockattr_init(&ra);
	for (i = -1; i <= 3; i++)
		say(" %d", F(pthread_rwlockattr_setkind_np)(&ra, i));
	pthread_rwlockattr_destroy(&ra);
	done("rwlockattr_setkind_np", NULL);
}

/* ---- time, misc ------------------------------------------------------ */

static void
test_time(void)
{
	say("before %s/%s", G(tzname)[0], G(tzname)[1]);
	done("tzname-initial", NULL);
	setenv("TZ", "EST5EDT", 1);
	F(tzset)();
	say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	say(" %s/%s %ld %d", G(__tzname)[0], G(__tzname)[1], G(__timezone),
	    G(__daylight));
	done("tzset-EST5EDT", NULL);
	setenv("TZ", "UTC0", 1);
	F(tzset)();
	say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	done("tzset-UTC0", NULL);
	setenv("TZ", "JST-9", 1);
	F(tzset)();
	say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	done("tzset-JST", NULL);
	setenv("TZ", "Europe/Paris", 1);
	F(tzset)();
	say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	done("tzset-Paris", NULL);
	setenv("TZ", ":America/New_York", 1);
	F(tzset)();
	say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	done("tzset-NY", NULL);
}

static void
test_misc(void)
{
	struct utsname u, h;
	char b[300];
	gid_t g[64];
	resst_t rs;
	int i, n, r;
	char *p;
	long l;

	say("pid=%d", F(syscall)(SYS_getpid) == getpid());
	errno = 0;
	l = F(syscall)(SYS_close, -1);
	say(" close=%ld/%d", l, errno);
	say(" write=%ld", F(syscall)(SYS_write, -1, "", 0, 0, 0, 0));
	done("syscall", NULL);

	uname(&h);
	r = F(uname)((void *)&u);
	say("r=%d %s", r, u.sysname);
	say(" same=%d%d%d", strcmp(u.release, h.release) == 0,
	    strcmp(u.nodename, h.nodename) == 0,
	    strcmp(u.machine, h.machine) == 0);
	done("uname", NULL);
#ifdef SHIM
	setenv("SHIM_OSRELEASE", "5.10.0-shim", 1);
	F(uname)((void *)&u);
	say("%s %s", u.sysname, u.release);
	unsetenv("SHIM_OSRELEASE");
	done("uname-osrelease", "Linux 5.10.0-shim");
#endif

	say("r=%d", F(getlogin_r)(b, sizeof b));
	say(" small=%d", F(getlogin_r)(b, 1));
	errno = 0;
	p = F(getlogin)();
	say(" gl=%s/%d", p ? "name" : "NULL", errno);
	done("getlogin", NULL);

	n = getgroups(64, g);
	for (i = 0; i < n; i++)
		say("%d", F(group_member)(g[i]));
	say(" egid=%d x=%d", F(group_member)(getegid()),
	    F(group_member)(65432));
	done("group_member", NULL);

	memset(&rs, 0, sizeof rs);
	r = res_ninit(&rs);
	say("r=%d ns=%d retrans=%d retry=%d opt=%#lx ndots=%d", r,
	    rs.nscount, rs.retrans, rs.retry, rs.options,
	    rs.ndots);
	for (i = 0; i < rs.nscount; i++)
		say(" %08x", NSADDR(&rs, i));
	say(" d0=%s def=%s", rs.dnsrch[0] ? rs.dnsrch[0] : "NULL",
	    rs.defdname);
	res_nclose(&rs);
	done("res_ninit", NULL);
}

/* ---- contexts -------------------------------------------------------- */

static uctx_t uc_main, uc_a, uc_b;
static char stack_a[65536] __attribute__((aligned(16)));
static char stack_b[65536] __attribute__((aligned(16)));

static void
ping(int n, int a2, int a3, int a4, int a5, int a6, int a7, int a8)
{
	int i;

	say("ping(%d,%d,%d,%d,%d,%d,%d,%d)", n, a2, a3, a4, a5, a6, a7, a8);
	for (i = 0; i < n; i++) {
		say(" a%d", i);
		F(swapcontext)((void *)&uc_a, (void *)&uc_b);
	}
	say(" a-end");
}

static void
pong(int n)
{
	double d = 1.5;
	int i;

	for (i = 0; i < n; i++) {
		d *= 2;
		say(" b%d/%g", i, d);
		F(swapcontext)((void *)&uc_b, (void *)&uc_a);
	}
}

static void c_nolink_fn(void) { printf("in ctx\n"); }
static void
c_nolink(void *a)
{
	(void)a;
	F(getcontext)((void *)&uc_a);
	uc_a.uc_stack.ss_sp = stack_a;
	uc_a.uc_stack.ss_size = sizeof stack_a;
	uc_a.uc_link = NULL;
	F(makecontext)((void *)&uc_a, c_nolink_fn, 0);
	F(setcontext)((void *)&uc_a);
	printf("not reached\n");
}

static void
test_context(void)
{
	volatile int loops = 0;
	sigset_t set, oset;

	F(getcontext)((void *)&uc_a);
	uc_a.uc_stack.ss_sp = stack_a;
	uc_a.uc_stack.ss_size = sizeof stack_a;
	uc_a.uc_link = &uc_main;
	F(makecontext)((void *)&uc_a, (void (*)(void))ping, 8, 3, 2, 3, 4, 5,
	    6, 7, 8);
	F(getcontext)((void *)&uc_b);
	uc_b.uc_stack.ss_sp = stack_b;
	uc_b.uc_stack.ss_size = sizeof stack_b;
	uc_b.uc_link = &uc_main;
	F(makecontext)((void *)&uc_b, (void (*)(void))pong, 1, 5);
	say("r=%d ", F(swapcontext)((void *)&uc_main, (void *)&uc_a));
	say(" back");
	done("context-pingpong", "ping(3,2,3,4,5,6,7,8) a0 b0/3 a1 b1/6 a2 "
	    "b2/12 a-endr=0  back");

	F(getcontext)((void *)&uc_main);
	if (++loops < 3)
		F(setcontext)((void *)&uc_main);
	say("loops=%d", loops);
	done("context-loop", "loops=3");

	/* The signal mask travels with the context. */
	sigemptyset(&set);
	F(getcontext)((void *)&uc_main);
	sigaddset((sigset_t *)&uc_main.uc_sigmask, SIGUSR1);
	loops = 0;
	F(getcontext)((void *)&uc_b);
	if (loops++ == 0) {
		uc_b.uc_sigmask = uc_main.uc_sigmask;
		F(setcontext)((void *)&uc_b);
	}
	sigprocmask(SIG_SETMASK, NULL, &oset);
	say("masked=%d", sigismember(&oset, SIGUSR1));
	sigprocmask(SIG_SETMASK, &set, NULL);
	done("context-sigmask", "masked=1");

	child(c_nolink, NULL);
	done("context-nolink", NULL);
}

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	FILE *f;
	size_t n;

	if (argc == 3 && strcmp(argv[1], "--check") == 0) {
		if ((f = fopen(argv[2], "r")) == NULL) {
			perror(argv[2]);
			return 2;
		}
		n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
		expected = buf;
	}
	set_progname("misctest");
	alarm(60);	/* a mutex left normal deadlocks: fail, not hang */
	test_strings();
	test_messages();
	test_signals();
	test_mutex();
	test_time();
	test_misc();
	test_context();
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
