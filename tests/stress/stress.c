/*
 * stress: 64 threads that create and join threads, each checking and
 * writing __thread data of the program and of two dlopen'ed libraries
 * (one small, one with more than the shim's static TLS), while an
 * interval timer (setitimer), a POSIX timer (timer_create) and
 * pthread_kill deliver signals whose handlers check the interrupted
 * thread's TLS too. One thread forks, and its child executes a second
 * program (argv[1], else "stress-child" beside this one); the thread
 * reads its output through a pipe and checks its exit status. Another
 * forks a child that goes on without exec: it checks the TLS it inherited,
 * in its code and in a signal handler (only async-signal-safe calls: in the
 * child of a threaded parent glibc itself fails now and then to create a
 * thread or dlopen).
 *
 * The output depends on nothing timing-dependent: per-thread checksums,
 * whether every check held, whether every kind of signal arrived (the
 * program waits for each), never how often.
 *
 * usage: stress [CHILD]
 */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NWORKERS 64
#define GENERATIONS 3
#define CHILDREN 2
#define NWORDS 8
#define TIMER_COOKIE 0x7157
#define MAIN_ID 9999

/* The program's TLS: .tdata (t_magic is never written) and .tbss. */
static __thread long t_magic = 0x5eed;
static __thread long t_words[NWORDS] = { 2, 7, 1, 8, 2, 8, 1, 8 };
static __thread long t_zero[32];
/* -1: initial values; -2: being written; else the id they derive from */
static __thread volatile long t_state = -1;
/* lib_state, of both libraries: 0 not used yet (a first use may allocate,
 * which no handler may do); 1 initial; 2 being written; 3 own */
static __thread volatile int t_lib_state;
static __thread long t_lib_id;
static __thread int t_slot = -1;	/* worker index, -1 elsewhere */

static const long words_init[NWORDS] = { 2, 7, 1, 8, 2, 8, 1, 8 };

/* The libraries' functions (libstresstls.c, libstressbig.c). */
static int (*lib_check_init)(void);
static void (*lib_set)(long);
static int (*lib_check)(long);
static unsigned long (*lib_sum)(void);
static int (*big_check)(long);
static void (*big_set)(long);

static pthread_t workers[NWORKERS];
static pthread_barrier_t start, done;
static char results[NWORKERS][160];
static char fork_result[256], fork_only_result[128];
static const char *child_path;

/* the first check that failed in a handler, kind * 10 + what */
static atomic_int handler_bad;
static atomic_int seen_alrm, seen_usr2;
static atomic_int got_usr1[NWORKERS];

static int exe_check_init(void)
{
	int bad = t_magic != 0x5eed;

	for (int i = 0; i < NWORDS; i++)
		bad |= t_words[i] != words_init[i];
	for (int i = 0; i < 32; i++)
		bad |= t_zero[i] != 0;
	return bad;
}

static void exe_set(long id)
{
	t_state = -2;
	atomic_signal_fence(memory_order_seq_cst);
	for (int i = 0; i < NWORDS; i++)
		t_words[i] = id * 17 + i;
	for (int i = 0; i < 32; i++)
		t_zero[i] = id + i * 1000;
	atomic_signal_fence(memory_order_seq_cst);
	t_state = id;
}

static int exe_check(long id)
{
	int bad = t_magic != 0x5eed;

	for (int i = 0; i < NWORDS; i++)
		bad |= t_words[i] != id * 17 + i;
	for (int i = 0; i < 32; i++)
		bad |= t_zero[i] != id + i * 1000;
	return bad;
}

static unsigned long exe_sum(void)
{
	unsigned long s = 5381;

	for (int i = 0; i < NWORDS; i++)
		s = s * 33 + (unsigned long)t_words[i];
	for (int i = 0; i < 32; i++)
		s = s * 33 + (unsigned long)t_zero[i];
	return s;
}

/* 0 if the libraries' values of the calling thread are the initial ones;
 * their first use by the thread. */
static int libs_check_init(void)
{
	int bad = lib_check_init() | big_check(-1) << 4;

	atomic_signal_fence(memory_order_seq_cst);
	t_lib_state = 1;
	return bad;
}

static int libs_check(long id)
{
	return lib_check(id) | big_check(id) << 4;
}

/* The libraries' values of the calling thread become its own. */
static void lib_own(long id)
{
	t_lib_state = 2;
	atomic_signal_fence(memory_order_seq_cst);
	lib_set(id);
	big_set(id);
	t_lib_id = id;
	atomic_signal_fence(memory_order_seq_cst);
	t_lib_state = 3;
}

/* What every handler checks: the interrupted thread's TLS is whole. */
static void check_in_handler(int kind)
{
	int saved = errno, bad = 0;
	long state = t_state;
	int lib_state = t_lib_state;

	if (state == -1)
		bad = exe_check_init();
	else if (state >= 0)
		bad = exe_check(state);
	else
		bad = t_magic != 0x5eed;
	if (!bad && lib_state == 1)
		bad = libs_check(-1) ? 2 : 0;
	else if (!bad && lib_state == 3)
		bad = libs_check(t_lib_id) ? 3 : 0;
	/* errno is the thread's own: set it, and give the old one back */
	if (!bad && (close(-1) != -1 || errno != EBADF))
		bad = 4;
	if (bad) {
		int none = 0;

		atomic_compare_exchange_strong(&handler_bad, &none,
			kind * 10 + bad);
	}
	errno = saved;
}

static void on_alrm(int sig)
{
	if (sig != SIGALRM)
		atomic_store(&handler_bad, 90);
	check_in_handler(1);
	atomic_store(&seen_alrm, 1);
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGUSR1 || si->si_signo != SIGUSR1 ||
	    si->si_code != SI_TKILL || si->si_pid != getpid())
		atomic_store(&handler_bad, 91);
	check_in_handler(2);
	if (t_slot >= 0)
		atomic_store(&got_usr1[t_slot], 1);
}

static void on_usr2(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGUSR2 || si->si_signo != SIGUSR2 ||
	    si->si_code != SI_TIMER ||
	    si->si_value.sival_int != TIMER_COOKIE)
		atomic_store(&handler_bad, 92);
	check_in_handler(3);
	atomic_store(&seen_usr2, 1);
}

static void die(const char *what)
{
	printf("%s: %s\n", what, strerror(errno));
	fflush(stdout);
	_exit(1);
}

static void handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_alrm;	/* no SA_RESTART: calls see EINTR */
	if (sigaction(SIGALRM, &sa, NULL))
		die("sigaction");
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigaction(SIGUSR1, &sa, NULL))
		die("sigaction");
	sa.sa_sigaction = on_usr2;
	sigaddset(&sa.sa_mask, SIGALRM);
	if (sigaction(SIGUSR2, &sa, NULL))
		die("sigaction");
}

static timer_t timer;

static void timers(int on)
{
	struct itimerval it = { { 0, 300 }, { 0, 300 } };
	struct itimerspec ts = { { 0, 170000 }, { 0, 170000 } };
	struct sigevent ev;

	if (!on) {
		memset(&it, 0, sizeof it);
		if (setitimer(ITIMER_REAL, &it, NULL) || timer_delete(timer))
			die("stopping the timers");
		return;
	}
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR2;
	ev.sigev_value.sival_int = TIMER_COOKIE;
	if (timer_create(CLOCK_MONOTONIC, &ev, &timer) ||
	    timer_settime(timer, 0, &ts, NULL))
		die("timer_create");
	if (setitimer(ITIMER_REAL, &it, NULL))
		die("setitimer");
}

/* A thread of generation > 0: checks the initial values, makes its own. */
struct child {
	long id;
	int parent;		/* worker slot */
	sem_t *sem;
	unsigned long sum;	/* 0 when a check failed */
	int dtor_bad;		/* TLS was wrong in the key destructor */
};

/*
 * A thread-specific data key whose destructor checks the exiting thread's
 * TLS, which glibc keeps until the thread is gone. Made after the first
 * use of the libraries, so that an implementation's own key made then
 * comes first in key order.
 */
static pthread_key_t child_key;

static void child_dtor(void *p)
{
	struct child *c = p;

	c->dtor_bad = exe_check(c->id) | libs_check(c->id);
}

static void *child_main(void *p)
{
	struct child *c = p;
	int bad = exe_check_init() | libs_check_init() << 1;

	exe_set(c->id);
	lib_own(c->id);
	pthread_setspecific(child_key, c);
	pthread_kill(workers[c->parent], SIGUSR1);
	pthread_kill(pthread_self(), SIGUSR1);
	sched_yield();
	bad |= exe_check(c->id) | libs_check(c->id) << 2;
	c->sum = bad ? 0 : exe_sum() ^ lib_sum();
	sem_post(c->sem);
	if (c->id & 1)
		pthread_exit(NULL);
	return NULL;
}

/* glibc programs retry what a handler without SA_RESTART interrupts. */
static void sem_wait_eintr(sem_t *s)
{
	while (sem_wait(s) == -1)
		if (errno != EINTR)
			die("sem_wait");
}

static void fork_and_exec(void)
{
	char buf[128], *argv[] = { "stress-child", "from-worker",
		"arg two", NULL };
	size_t n = 0;
	ssize_t r;
	int fd[2], status;
	pid_t pid, w;

	if (pipe(fd))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execv(child_path, argv);
		_exit(127);
	}
	close(fd[1]);
	while (n < sizeof buf - 1) {
		r = read(fd[0], buf + n, sizeof buf - 1 - n);
		if (r == 0)
			break;
		if (r < 0 && errno != EINTR)
			die("read");
		if (r > 0)
			n += (size_t)r;
	}
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	close(fd[0]);
	while ((w = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		continue;
	if (w != pid)
		die("waitpid");
	snprintf(fork_result, sizeof fork_result,
		"fork: child said \"%s\", %s %d", buf,
		WIFEXITED(status) ? "exit status" : "signal",
		WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

/*
 * The child of a fork without exec: its TLS is its parent thread's. It
 * signals itself with pthread_kill, which must not wait on a lock the
 * fork left held (lx_pthread_kill in libshim/signal/signal.c).
 */
static int forked_child(long id)
{
	int bad = exe_check(id) | libs_check(id) << 1;

	atomic_store(&handler_bad, 0);
	if (pthread_kill(pthread_self(), SIGUSR1))
		bad |= 4;
	return bad | (atomic_load(&handler_bad) ? 8 : 0);
}

static void fork_only(long id)
{
	int status;
	pid_t pid = fork(), w;

	if (pid < 0)
		die("fork");
	if (pid == 0)
		_exit(forked_child(id));
	while ((w = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		continue;
	if (w != pid)
		die("waitpid");
	snprintf(fork_only_result, sizeof fork_only_result,
		"fork without exec: %s %d",
		WIFEXITED(status) ? "exit status" : "signal",
		WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

static void *worker_main(void *p)
{
	int slot = (int)(long)p, init_exe, init_lib, bad = 0;
	unsigned long sums = 0;
	struct child c[CHILDREN];
	pthread_t t[CHILDREN];
	sem_t sem;

	t_slot = slot;
	init_exe = exe_check_init();
	exe_set(slot);
	/* main has dlopen'ed the library */
	pthread_barrier_wait(&start);
	init_lib = libs_check_init();
	lib_own(slot);
	pthread_kill(workers[(slot + 1) % NWORKERS], SIGUSR1);
	pthread_kill(workers[(slot + 13) % NWORKERS], SIGUSR1);
	if (slot == 0)
		fork_and_exec();
	if (slot == 1)
		fork_only(slot);
	sem_init(&sem, 0, 0);
	for (int g = 0; g < GENERATIONS; g++) {
		for (int k = 0; k < CHILDREN; k++) {
			c[k] = (struct child){ slot * 100 + g * 10 + k + 1000,
				slot, &sem, 0, 1 };
			if (pthread_create(&t[k], NULL, child_main, &c[k]))
				die("pthread_create");
		}
		for (int k = 0; k < CHILDREN; k++)
			sem_wait_eintr(&sem);
		for (int k = 0; k < CHILDREN; k++) {
			if (pthread_join(t[k], NULL))
				die("pthread_join");
			bad |= c[k].sum == 0 || c[k].dtor_bad;
			sums = sums * 31 + c[k].sum;
		}
		bad |= exe_check(slot) | libs_check(slot);
	}
	sem_destroy(&sem);
	/* every SIGUSR1 sent to a worker arrives before it leaves this */
	pthread_barrier_wait(&done);
	snprintf(results[slot], sizeof results[slot],
		"worker %2d: initial exe %s libs %s, own %s, sum %016lx %016lx",
		slot, init_exe ? "WRONG" : "ok", init_lib ? "WRONG" : "ok",
		bad ? "WRONG" : "ok", exe_sum() ^ lib_sum(), sums);
	return NULL;
}

/* CHILD, or stress-child beside this program. */
static const char *find_child(const char *argv0, const char *arg)
{
	static char path[PATH_MAX];
	const char *slash = strrchr(argv0, '/');

	if (arg)
		return arg;
	snprintf(path, sizeof path, "%.*s%s", slash ? (int)(slash - argv0 + 1) :
		0, argv0, "stress-child");
	return path;
}

static void *open_library(const char *name)
{
	void *h = dlopen(name, RTLD_NOW);

	if (!h) {
		printf("dlopen: %s\n", dlerror());
		exit(1);
	}
	return h;
}

static void *sym(void *h, const char *name)
{
	void *p = dlsym(h, name);

	if (!p) {
		printf("dlsym: %s\n", dlerror());
		exit(1);
	}
	return p;
}

/* The libraries are found through this program's DT_RUNPATH. */
static void load_libraries(void)
{
	void *h = open_library("libstresstls.so");

	lib_check_init = (int (*)(void))sym(h, "lib_check_init");
	lib_set = (void (*)(long))sym(h, "lib_set");
	lib_check = (int (*)(long))sym(h, "lib_check");
	lib_sum = (unsigned long (*)(void))sym(h, "lib_sum");
	h = open_library("libstressbig.so");
	big_check = (int (*)(long))sym(h, "big_check");
	big_set = (void (*)(long))sym(h, "big_set");
}

/* Sleep until each timer has fired once (at most about 5 s). */
static void wait_for_timers(void)
{
	for (int i = 0; i < 5000; i++) {
		struct timespec ts = { 0, 1000000 }, rem;

		if (atomic_load(&seen_alrm) && atomic_load(&seen_usr2))
			return;
		while (nanosleep(&ts, &rem) == -1 && errno == EINTR)
			ts = rem;
	}
}

int main(int argc, char **argv)
{
	int init_main = exe_check_init(), usr1_all = 1;

	child_path = find_child(argv[0], argc > 1 ? argv[1] : NULL);
	handlers();
	timers(1);
	exe_set(MAIN_ID);
	pthread_barrier_init(&start, NULL, NWORKERS + 1);
	pthread_barrier_init(&done, NULL, NWORKERS);
	for (long i = 0; i < NWORKERS; i++)
		if (pthread_create(&workers[i], NULL, worker_main, (void *)i))
			die("pthread_create");
	load_libraries();
	printf("main: initial exe %s libs %s\n", init_main ? "WRONG" : "ok",
		libs_check_init() ? "WRONG" : "ok");
	lib_own(MAIN_ID);
	if (pthread_key_create(&child_key, child_dtor))
		die("pthread_key_create");
	pthread_barrier_wait(&start);
	for (int i = 0; i < NWORKERS; i++)
		if (pthread_join(workers[i], NULL))
			die("pthread_join");
	wait_for_timers();
	timers(0);
	for (int i = 0; i < NWORKERS; i++) {
		printf("%s\n", results[i]);
		usr1_all &= atomic_load(&got_usr1[i]);
	}
	printf("%s\n%s\n", fork_result, fork_only_result);
	printf("main: own %s\n",
		exe_check(MAIN_ID) || libs_check(MAIN_ID) ? "WRONG" : "ok");
	printf("signals: pthread_kill reached every worker: %s; "
		"setitimer: %s; timer_create: %s\n", usr1_all ? "yes" : "NO",
		atomic_load(&seen_alrm) ? "yes" : "NO",
		atomic_load(&seen_usr2) ? "yes" : "NO");
	printf("signal handlers: TLS and siginfo %s (%d)\n",
		atomic_load(&handler_bad) ? "WRONG" : "ok",
		atomic_load(&handler_bad));
	return 0;
}
