/*
 * Guest TLS, x86-64 variant II. The interpreter's only TLS is a large
 * reserve, which musl places directly below the thread pointer of every
 * thread it creates. The program's block takes the top of it (its
 * local-exec offsets were fixed by the linker relative to %fs), the other
 * modules follow downwards. Each new thread gets the modules' .tdata
 * images copied in before its start routine runs (libshim's
 * pthread_create), so initial-exec offsets are valid everywhere. The live
 * threads are registered, so that a module dlopen gives TLS later has its
 * image copied into every thread's block, as glibc initializes static TLS
 * in all threads. A module dlopen'ed when the reserve is full gets a
 * block per thread instead, made on first use through __tls_get_addr
 * (tls-dyn.c), as glibc's dynamic TLS. The child of a fork starts with
 * the registry consistent and only its one thread in it, so that it may
 * create threads and dlopen.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

#define TLS_RESERVE (128 * 1024)

static __thread unsigned char tls_reserve[TLS_RESERVE]
	__attribute__((aligned(TLS_MAX_ALIGN)));

static size_t tls_used;			/* bytes taken below the tp */
static struct object *tls_mods[512];	/* module id -> object */
static size_t tls_nmods;

uintptr_t tls_thread_pointer(void)
{
	uintptr_t tp;

	__asm__ ("mov %%fs:0, %0" : "=r"(tp));
	return tp;
}

/* Give O's TLS block a place in the reserve; -1 if it does not fit. */
int tls_assign(struct object *o)
{
	static intptr_t top = 1;	/* reserve end - tp; 1: not measured */
	size_t off;

	if (!o->tls_memsz && !o->tls_image)
		return 0;
	if (top == 1)
		top = (intptr_t)(tls_reserve + TLS_RESERVE) -
			(intptr_t)tls_thread_pointer();
	if (top != 0) {
		shim_msg("%s: the TLS reserve is not at the thread pointer (%ld)",
			o->path, (long)top);
		return -1;
	}
	if (tls_nmods + 1 >= sizeof tls_mods / sizeof *tls_mods) {
		shim_msg("%s: too many TLS modules", o->path);
		return -1;
	}
	off = tls_used + o->tls_memsz;
	off = (off + o->tls_align - 1) & ~(o->tls_align - 1);
	if (off > TLS_RESERVE && shim_dl_mode) {
		/* dlopen: a block per thread, reached through
		 * __tls_get_addr (initial-exec access is refused) */
		o->tls_dynamic = true;
		o->tls_tpoff = 0;
		o->tls_modid = ++tls_nmods;
		tls_mods[o->tls_modid] = o;
		return 0;
	}
	if (off > TLS_RESERVE) {
		shim_msg("%s: static TLS reserve exhausted (%zu bytes needed, %u left)",
			o->path, o->tls_memsz, TLS_RESERVE - (unsigned)tls_used);
		return -1;
	}
	tls_used = off;
	o->tls_tpoff = -(intptr_t)off;
	o->tls_modid = ++tls_nmods;
	tls_mods[o->tls_modid] = o;
	return 0;
}


static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t *threads;		/* thread pointers of live threads */
static size_t nthreads, threads_cap;

static void copy_to(uintptr_t tp, const struct object *o)
{
	unsigned char *blk = (unsigned char *)tp + o->tls_tpoff;

	if (o->tls_dynamic)	/* each thread makes its own, on first use */
		return;
	memcpy(blk, o->tls_image, o->tls_filesz);
	memset(blk + o->tls_filesz, 0, o->tls_memsz - o->tls_filesz);
}

/* Copy O's (relocated) TLS image into the calling thread's block. */
void tls_copy_image(const struct object *o)
{
	copy_to(tls_thread_pointer(), o);
}

/* Copy every module's TLS image into the calling (new) thread, and count
 * it among the live threads. */
void tls_init_thread(void)
{
	uintptr_t tp = tls_thread_pointer();

	pthread_mutex_lock(&threads_lock);
	for (size_t i = 1; i <= tls_nmods; i++)
		if (tls_mods[i])
			copy_to(tp, tls_mods[i]);
	if (nthreads == threads_cap) {
		size_t cap = threads_cap ? 2 * threads_cap : 16;
		uintptr_t *v = realloc(threads, cap * sizeof *v);

		if (!v)
			shim_fatal("out of memory");
		threads = v;
		threads_cap = cap;
	}
	threads[nthreads++] = tp;
	pthread_mutex_unlock(&threads_lock);
}

/* The calling thread is exiting: its block is no longer written. Its
 * signals are blocked meanwhile, so that a handler that forks does not
 * wait for the lock its own thread holds (tls_init_thread runs with them
 * blocked already). */
void tls_exit_thread(void)
{
	uintptr_t tp = tls_thread_pointer();
	sigset_t all, old;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pthread_mutex_lock(&threads_lock);
	for (size_t i = 0; i < nthreads; i++)
		if (threads[i] == tp) {
			threads[i] = threads[--nthreads];
			break;
		}
	pthread_mutex_unlock(&threads_lock);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/*
 * fork: no other thread is inside the loader (dl.c) or the registry while
 * the process is copied, and the child, whose only thread is the caller,
 * keeps only the caller's entry. The loader's lock is taken first: dlopen
 * takes the registry's inside it.
 */
static void fork_prepare(void)
{
	dl_fork_prepare();
	pthread_mutex_lock(&threads_lock);
}

static void fork_parent(void)
{
	pthread_mutex_unlock(&threads_lock);
	dl_fork_parent();
}

static void fork_child(void)
{
	uintptr_t self = tls_thread_pointer();
	size_t n = 0;

	for (size_t i = 0; i < nthreads; i++)
		if (threads[i] == self)
			threads[n++] = self;
	nthreads = n;
	pthread_mutex_init(&threads_lock, NULL);
	dl_fork_child();
}

/* Before the guest runs, when no other thread exists. */
__attribute__((constructor)) static void watch_forks(void)
{
	if (pthread_atfork(fork_prepare, fork_parent, fork_child))
		shim_fatal("cannot register the loader's fork handlers");
}

/* A module that got TLS after threads started: its image into every
 * live thread's block (the calling thread's too). */
void tls_copy_image_all(const struct object *o)
{
	uintptr_t self = tls_thread_pointer();
	bool done = false;

	pthread_mutex_lock(&threads_lock);
	for (size_t i = 0; i < nthreads; i++) {
		copy_to(threads[i], o);
		done |= threads[i] == self;
	}
	pthread_mutex_unlock(&threads_lock);
	if (!done)
		copy_to(self, o);
}

void *shim_tls_get_addr(size_t modid, size_t offset)
{
	if (modid == 0 || modid > tls_nmods || !tls_mods[modid])
		shim_fatal("__tls_get_addr: bad TLS module %zu", modid);
	if (tls_mods[modid]->tls_dynamic)
		return (unsigned char *)tls_dynamic_block(tls_mods[modid],
			true) + offset;
	return (unsigned char *)tls_thread_pointer() +
		tls_mods[modid]->tls_tpoff + offset;
}
