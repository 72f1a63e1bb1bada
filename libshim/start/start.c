/*
 * Process start and exit with glibc's contract: __libc_start_main (the
 * program's own initializers when it passes none, as glibc 2.34+ programs
 * do), the exit-handler list of atexit/__cxa_atexit/__cxa_finalize with the
 * loader's finalizers registered first, the start-up values of the globals
 * a program copies (stdin/stdout/stderr, environ, program names), and
 * threads (every new thread gets the guests' TLS images).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/libshim.h"
#include "shim/gnu.h"
#include "shim/host.h"
#include "shim/loader.h"

FILE *lx_stdin, *lx_stdout, *lx_stderr;
char **lx_environ;
char *lx_program_invocation_name, *lx_program_invocation_short_name;
char lx___libc_single_threaded = 1;

struct exit_fn {
	void (*fn)(void *);
	void *arg;
	void *dso;
	struct exit_fn *next;
};
static struct exit_fn *exit_fns;
static pthread_mutex_t exit_lock = PTHREAD_MUTEX_INITIALIZER;

/* fork: the list is whole in the child, and its lock free. */
static void exit_fork_prepare(void)
{
	pthread_mutex_lock(&exit_lock);
}

static void exit_fork_parent(void)
{
	pthread_mutex_unlock(&exit_lock);
}

static void exit_fork_child(void)
{
	pthread_mutex_init(&exit_lock, NULL);
}

/* Before the guest runs, when no other thread exists. */
__attribute__((constructor)) static void exit_watch_forks(void)
{
	pthread_atfork(exit_fork_prepare, exit_fork_parent, exit_fork_child);
}

int lx___cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	struct exit_fn *e = malloc(sizeof *e);

	if (!e)
		return -1;
	e->fn = fn;
	e->arg = arg;
	e->dso = dso;
	pthread_mutex_lock(&exit_lock);
	e->next = exit_fns;
	exit_fns = e;
	pthread_mutex_unlock(&exit_lock);
	return 0;
}

static void call_void(void *fn)
{
	((void (*)(void))fn)();
}

int lx_atexit(void (*fn)(void))
{
	return lx___cxa_atexit(call_void, (void *)fn, NULL);
}

/* Run (and drop) the handlers of DSO, or all of them for NULL, newest first. */
void lx___cxa_finalize(void *dso)
{
	for (;;) {
		struct exit_fn **pp, *e = NULL;

		pthread_mutex_lock(&exit_lock);
		for (pp = &exit_fns; *pp; pp = &(*pp)->next) {
			if (!dso || (*pp)->dso == dso) {
				e = *pp;
				*pp = e->next;
				break;
			}
		}
		pthread_mutex_unlock(&exit_lock);
		if (!e)
			return;
		e->fn(e->arg);
		free(e);
	}
}

static void run_exit_fns(void)
{
	lx_run_thread_dtors();
	lx___cxa_finalize(NULL);
}

static void run_fini(void *unused)
{
	(void)unused;
	fini_objects();
}

int lx___libc_start_main(int (*main)(int, char **, char **), int argc,
	char **argv, void (*init)(int, char **, char **), void (*fini)(void),
	void (*rtld_fini)(void), void *stack_end)
{
	char **envp = argv + argc + 1;

	(void)rtld_fini;
	(void)stack_end;
	lx___cxa_atexit(run_fini, NULL, NULL);
	if (fini)
		lx_atexit(fini);
	if (init)
		init(argc, argv, envp);
	else
		init_main_program(argc, argv, envp);
	exit(main(argc, argv, LX_ENVIRON));
}

/*
 * glibc buffers stdin and stdout in st_blksize (4096 on pipes and most
 * file systems), musl in 1024 bytes: with stdout and stderr on one pipe the
 * interleaving would differ. stdout stays line-buffered on a terminal.
 */
static void stdio_like_glibc(void)
{
	static char inbuf[4096 + 8], outbuf[4096 + 8];

	setvbuf(stdin, inbuf, _IOFBF, sizeof inbuf);
	setvbuf(stdout, outbuf, isatty(1) ? _IOLBF : _IOFBF, sizeof outbuf);
}

void lx_personality_init(int argc, char **argv, char **envp,
	struct object *prog)
{
	pthread_attr_t a;

	(void)argc;
	(void)prog;
	stdio_like_glibc();
	lx_stdin = stdin;
	lx_stdout = stdout;
	lx_stderr = stderr;
	lx_environ = envp;
	host_set_environ(envp);
	if (argv[0]) {
		const char *slash = strrchr(argv[0], '/');

		lx_program_invocation_name = argv[0];
		lx_program_invocation_short_name = slash ? (char *)slash + 1 :
			argv[0];
		host_set_progname(argv[0], lx_program_invocation_short_name);
	}
	lx_misc_start(shim_boot.sp);
	atexit(run_exit_fns);
	/* Guests expect glibc's thread stacks (8 MiB), not musl's 128 KiB. */
	if (pthread_attr_init(&a) == 0) {
		pthread_attr_setstacksize(&a, 8 << 20);
		pthread_setattr_default_np(&a);
		pthread_attr_destroy(&a);
	}
}

void lx_env_sync_in(void)
{
	host_set_environ(LX_ENVIRON);
}

void lx_env_sync_out(void)
{
	LX_ENVIRON = host_environ();
}

/*
 * Threads: the guests' TLS images are copied in before the start routine.
 * As under glibc, no guest signal handler runs in a new thread before its
 * TLS is whole: the thread starts with every signal blocked (the creator
 * blocks them around pthread_create) and takes the creator's mask only
 * once its blocks are filled.
 */
struct thread_start {
	void *(*fn)(void *);
	void *arg;
	void *affinity;		/* pthread_attr_setaffinity_np's set */
	size_t affinity_size;
	sigset_t mask;		/* the creator's signal mask */
};

static void thread_gone(void *unused)
{
	(void)unused;
	tls_exit_thread();
}

static void *thread_start(void *p)
{
	struct thread_start s = *(struct thread_start *)p;
	void *r;

	free(p);
	tls_init_thread();
	if (s.affinity) {
		sched_setaffinity(0, s.affinity_size, s.affinity);
		free(s.affinity);
	}
	pthread_sigmask(SIG_SETMASK, &s.mask, NULL);
	/* also on pthread_exit and cancellation (the outermost handler) */
	pthread_cleanup_push(thread_gone, NULL);
	r = s.fn(s.arg);
	pthread_cleanup_pop(1);
	return r;
}

int lx_pthread_create(pthread_t *t, const pthread_attr_t *attr,
	void *(*fn)(void *), void *arg)
{
	struct thread_start *s = malloc(sizeof *s);
	sigset_t all, old;
	int r;

	if (!s)
		return EAGAIN;
	s->fn = fn;
	s->arg = arg;
	s->affinity = lx_attr_affinity(attr, &s->affinity_size);
	*(char *)lx_live_lx___libc_single_threaded = 0;
	sigfillset(&all);	/* all but the host libc's own signals */
	pthread_sigmask(SIG_BLOCK, &all, &old);
	s->mask = old;	/* S is the new thread's once it runs */
	r = pthread_create(t, attr, thread_start, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (r) {
		free(s->affinity);
		free(s);
	}
	return r;
}

struct lx_tls_index {
	unsigned long module, offset;
};

void *lx___tls_get_addr(struct lx_tls_index *ti)
{
	return shim_tls_get_addr(ti->module, ti->offset);
}

/* gettext's globals that programs with their own copy of libintl read. */
const char lx__libc_intl_domainname[] = "libc";
int lx__nl_msg_cat_cntr;
