/*
 * Differential test of libshim's messages, signals, mutexes, time zone,
 * uname, user and resolver state, syscall() and contexts, a source built
 * twice (tests/difftest/difftest.h). Each case makes one record; a case
 * with an inline expected value is checked in both builds.
 */
#include <netdb.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

#include "difftest.h"

static void
set_progname(const char *s)
{
	G(program_invocation_short_name) = (char *)s;
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
		dt_say("%s", F(strerror)(i));
		dt_done(name, NULL);
	}
	dt_say("%s|", F(strerror)(200));
	dt_say("%s|", F(strerror)(-1));
	dt_say("%s", F(strerror_l)(EIO, uselocale((locale_t)0)));
	dt_done("strerror-other", NULL);
	for (i = 0; i <= 33; i++) {
		d = F(sigdescr_np)(i);
		snprintf(name, sizeof name, "strsignal-%d", i);
		dt_say("%s|%s", F(strsignal)(i), d ? d : "NULL");
		dt_done(name, NULL);
	}
	/* Real-time signals, numbered from SIGRTMIN in both libraries. */
	for (i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "strsignal-rt%d", i);
		dt_say("%s", F(strsignal)(SIGRTMIN + i));
		dt_done(name, NULL);
	}
	dt_say("%s|", F(strsignal)(65));
	dt_say("%s|", F(strsignal)(99));
	dt_say("%s", F(strsignal)(-3));
	dt_done("strsignal-other", NULL);
	for (i = -110; i <= 2; i++)
		dt_say("%d:%s|", i, F(gai_strerror)(i));
	dt_done("gai_strerror", NULL);
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
	dt_child(c_perror, NULL);
	dt_done("perror", NULL);
	dt_child(c_warn, NULL);
	dt_done("warn", NULL);
	dt_child(c_err, NULL);
	dt_done("err", NULL);
	dt_child(c_errx, NULL);
	dt_done("errx", NULL);
	dt_child(c_errnull, NULL);
	dt_done("err-null", NULL);
	dt_child(c_assert, NULL);
	dt_done("assert", " out=[] err=[misctest: t.c:42: main: Assertion "
	    "`x == 1' failed.\n] signal=6");
	dt_child(c_assert_nofn, NULL);
	dt_done("assert-nofunc", NULL);
	dt_child(c_assert_noprog, NULL);
	dt_done("assert-noprog", NULL);
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
	dt_say("old=%d flags=%#x self-masked=%d hits=%d", old == SIG_DFL,
	    osa.sa_flags & FLAGS, sigismember(&osa.sa_mask, SIGUSR1), hits);
	dt_say(" bad=%d", F(signal)(0, handler) == SIG_ERR && errno == EINVAL);
	dt_done("signal", NULL);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	dt_say("r=%d", F(sigaction)(SIGUSR2, (void *)&sa, NULL));
	memset(&osa, 0, sizeof osa);
	F(sigaction)(SIGUSR2, NULL, (void *)&osa);
	dt_say(" flags=%#x mask=%d h=%d", osa.sa_flags & FLAGS,
	    sigismember(&osa.sa_mask, SIGUSR2), osa.sa_handler == handler);
	raise(SIGUSR2);
	F(sigaction)(SIGUSR2, NULL, (void *)&osa);
	dt_say(" reset=%d", osa.sa_handler == SIG_DFL);
	r = F(sigaction)(SIGKILL, (void *)&sa, NULL);
	dt_say(" kill=%d/%d", r, errno);
	dt_done("sigaction", NULL);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	dt_say("r=%d", F(sigprocmask)(SIG_BLOCK, (void *)&set, NULL));
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	dt_say(" usr2=%d usr1=%d", sigismember(&oset, SIGUSR2),
	    sigismember(&oset, SIGUSR1));
	r = F(sigprocmask)(7, (void *)&set, NULL);
	dt_say(" bad=%d/%d", r, errno);
	dt_say(" pt=%d", F(pthread_sigmask)(SIG_UNBLOCK, (void *)&set,
	    (void *)&oset));
	dt_say(" was=%d", sigismember(&oset, SIGUSR2));
	dt_say(" bad=%d", F(pthread_sigmask)(7, (void *)&set, NULL));
	dt_done("sigprocmask", NULL);

	old = F(sigset)(SIGUSR1, SIG_HOLD);
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	dt_say("old=%d held=%d", old == handler, sigismember(&oset, SIGUSR1));
	old = F(sigset)(SIGUSR1, SIG_HOLD);
	dt_say(" again=%d", old == SIG_HOLD);
	old = F(sigset)(SIGUSR1, SIG_IGN);
	F(sigprocmask)(SIG_SETMASK, NULL, (void *)&oset);
	dt_say(" unheld=%d ret-hold=%d", sigismember(&oset, SIGUSR1),
	    old == SIG_HOLD);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	dt_say(" ign=%d flags=%#x", osa.sa_handler == SIG_IGN,
	    osa.sa_flags & FLAGS);
	old = F(sigset)(SIGUSR1, SIG_DFL);
	dt_say(" prev-ign=%d", old == SIG_IGN);
	dt_done("sigset", NULL);

	hits = 0;
	old = F(__sysv_signal)(SIGUSR1, handler);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	dt_say("old=%d flags=%#x", old == SIG_DFL, osa.sa_flags & FLAGS);
	raise(SIGUSR1);
	F(sigaction)(SIGUSR1, NULL, (void *)&osa);
	dt_say(" hits=%d reset=%d", hits, osa.sa_handler == SIG_DFL);
	dt_done("sysv_signal", NULL);
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
	dt_say("rec %d", F(pthread_mutex_lock)(&m_rec));
	dt_say(" %d", F(pthread_mutex_trylock)(&m_rec));
	dt_say(" %d", F(pthread_mutex_trylock)(&m_rec));
	for (i = 0; i < 4; i++)
		dt_say(" %d", F(pthread_mutex_unlock)(&m_rec));
	dt_say(" err %d", F(pthread_mutex_lock)(&m_err));
	dt_say(" %d", F(pthread_mutex_lock)(&m_err));
	dt_say(" %d", F(pthread_mutex_unlock)(&m_err));
	dt_say(" %d", F(pthread_mutex_unlock)(&m_err));
	dt_say(" ada %d", F(pthread_mutex_lock)(&m_ada));
	dt_say(" %d", F(pthread_mutex_trylock)(&m_ada));
	dt_say(" %d", F(pthread_mutex_unlock)(&m_ada));
	dt_say(" rec2 %d", F(pthread_mutex_trylock)(&m_rec2));
	dt_say(" %d", F(pthread_mutex_trylock)(&m_rec2));
	dt_say(" %d", F(pthread_mutex_unlock)(&m_rec2));
	dt_say(" %d", F(pthread_mutex_unlock)(&m_rec2));
	dt_done("mutex", NULL);

	pthread_rwlockattr_init(&ra);
	for (i = -1; i <= 3; i++)
		dt_say(" %d", F(pthread_rwlockattr_setkind_np)(&ra, i));
	pthread_rwlockattr_destroy(&ra);
	dt_done("rwlockattr_setkind_np", NULL);
}

/* ---- time, misc ------------------------------------------------------ */

static void
test_time(void)
{
	static const struct { const char *tz, *name; } zones[] = {
		{ "UTC0", "tzset-UTC0" }, { "JST-9", "tzset-JST" },
		{ "Europe/Paris", "tzset-Paris" },
		{ ":America/New_York", "tzset-NY" },
	};

	dt_say("before %s/%s", G(tzname)[0], G(tzname)[1]);
	dt_done("tzname-initial", NULL);
	setenv("TZ", "EST5EDT", 1);
	F(tzset)();
	dt_say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1], G(timezone),
	    G(daylight));
	dt_say(" %s/%s %ld %d", G(__tzname)[0], G(__tzname)[1], G(__timezone),
	    G(__daylight));
	dt_done("tzset-EST5EDT", NULL);
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		setenv("TZ", zones[i].tz, 1);
		F(tzset)();
		dt_say("%s/%s %ld %d", G(tzname)[0], G(tzname)[1],
		    G(timezone), G(daylight));
		dt_done(zones[i].name, NULL);
	}
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

	dt_say("pid=%d", F(syscall)(SYS_getpid) == getpid());
	errno = 0;
	l = F(syscall)(SYS_close, -1);
	dt_say(" close=%ld/%d", l, errno);
	dt_say(" write=%ld", F(syscall)(SYS_write, -1, "", 0, 0, 0, 0));
	dt_done("syscall", NULL);

	uname(&h);
	r = F(uname)((void *)&u);
	dt_say("r=%d %s", r, u.sysname);
	dt_say(" same=%d%d%d", strcmp(u.release, h.release) == 0,
	    strcmp(u.nodename, h.nodename) == 0,
	    strcmp(u.machine, h.machine) == 0);
	dt_done("uname", NULL);
#ifdef SHIM
	setenv("SHIM_OSRELEASE", "5.10.0-shim", 1);
	F(uname)((void *)&u);
	dt_say("%s %s", u.sysname, u.release);
	unsetenv("SHIM_OSRELEASE");
	dt_done("uname-osrelease", "Linux 5.10.0-shim");
#endif

	dt_say("r=%d", F(getlogin_r)(b, sizeof b));
	dt_say(" small=%d", F(getlogin_r)(b, 1));
	errno = 0;
	p = F(getlogin)();
	dt_say(" gl=%s/%d", p ? "name" : "NULL", errno);
	dt_done("getlogin", NULL);

	n = getgroups(64, g);
	for (i = 0; i < n; i++)
		dt_say("%d", F(group_member)(g[i]));
	dt_say(" egid=%d x=%d", F(group_member)(getegid()),
	    F(group_member)(65432));
	dt_done("group_member", NULL);

	memset(&rs, 0, sizeof rs);
	r = res_ninit(&rs);
	dt_say("r=%d ns=%d retrans=%d retry=%d opt=%#lx ndots=%d", r,
	    rs.nscount, rs.retrans, rs.retry, rs.options,
	    rs.ndots);
	for (i = 0; i < rs.nscount; i++)
		dt_say(" %08x", NSADDR(&rs, i));
	dt_say(" d0=%s def=%s", rs.dnsrch[0] ? rs.dnsrch[0] : "NULL",
	    rs.defdname);
	res_nclose(&rs);
	dt_done("res_ninit", NULL);
}

/* ---- contexts -------------------------------------------------------- */

static uctx_t uc_main, uc_a, uc_b;
static char stack_a[65536] __attribute__((aligned(16)));
static char stack_b[65536] __attribute__((aligned(16)));

static void
ping(int n, int a2, int a3, int a4, int a5, int a6, int a7, int a8)
{
	int i;

	dt_say("ping(%d,%d,%d,%d,%d,%d,%d,%d)", n, a2, a3, a4, a5, a6, a7, a8);
	for (i = 0; i < n; i++) {
		dt_say(" a%d", i);
		F(swapcontext)((void *)&uc_a, (void *)&uc_b);
	}
	dt_say(" a-end");
}

static void
pong(int n)
{
	double d = 1.5;
	int i;

	for (i = 0; i < n; i++) {
		d *= 2;
		dt_say(" b%d/%g", i, d);
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
	dt_say("r=%d ", F(swapcontext)((void *)&uc_main, (void *)&uc_a));
	dt_say(" back");
	dt_done("context-pingpong", "ping(3,2,3,4,5,6,7,8) a0 b0/3 a1 b1/6 a2 "
	    "b2/12 a-endr=0  back");

	F(getcontext)((void *)&uc_main);
	if (++loops < 3)
		F(setcontext)((void *)&uc_main);
	dt_say("loops=%d", loops);
	dt_done("context-loop", "loops=3");

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
	dt_say("masked=%d", sigismember(&oset, SIGUSR1));
	sigprocmask(SIG_SETMASK, &set, NULL);
	dt_done("context-sigmask", "masked=1");

	dt_child(c_nolink, NULL);
	dt_done("context-nolink", NULL);
}

int
main(int argc, char **argv)
{
	dt_start(argc, argv);
	set_progname("misctest");
	alarm(60);	/* a mutex left normal deadlocks: fail, not hang */
	test_strings();
	test_messages();
	test_signals();
	test_mutex();
	test_time();
	test_misc();
	test_context();
	return dt_finish();
}
