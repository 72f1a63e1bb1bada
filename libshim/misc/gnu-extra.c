/*
 * glibc functions musl lacks that a stock system's libraries import:
 * thread_local destructors for C++ (__cxa_thread_atexit_impl), the
 * pthread_cleanup_push/cancellation unwinding of C code, clock-selecting
 * waits, gnu_dev_*, closefrom, getpt, malloc_trim, scandirat, mallinfo.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "lx/runtime.h"

int lx_pthread_mutex_timedlock(pthread_mutex_t *, const struct timespec *);

/* ---- thread_local destructors ------------------------------------------ */

struct tls_dtor {
	void (*fn)(void *);
	void *obj;
	struct tls_dtor *next;
};

static pthread_key_t dtor_key;
static pthread_once_t dtor_once = PTHREAD_ONCE_INIT;

/* Run (newest first) and free a thread's destructors; they may add more. */
static void run_dtors(void *head)
{
	struct tls_dtor *d = head;

	while (d) {
		pthread_setspecific(dtor_key, NULL);
		while (d) {
			struct tls_dtor *next = d->next;

			d->fn(d->obj);
			free(d);
			d = next;
		}
		d = pthread_getspecific(dtor_key);
	}
}

static void dtor_key_init(void)
{
	pthread_key_create(&dtor_key, run_dtors);
}

int lx___cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso)
{
	struct tls_dtor *d = malloc(sizeof *d);

	(void)dso;	/* XXX: a dlclose'd object's destructors are not pinned */
	if (!d)
		return -1;
	pthread_once(&dtor_once, dtor_key_init);
	d->fn = fn;
	d->obj = obj;
	d->next = pthread_getspecific(dtor_key);
	pthread_setspecific(dtor_key, d);
	return 0;
}

/* exit(): the calling thread's thread_local objects die first, as glibc. */
void lx_run_thread_dtors(void)
{
	if (dtor_once == PTHREAD_ONCE_INIT)
		return;
	run_dtors(pthread_getspecific(dtor_key));
}

/* ---- pthread_cleanup_push/pop of C code --------------------------------- */

/*
 * glibc's <pthread.h> (C without -fexceptions) makes pthread_cleanup_push
 * set a jmp_buf with __sigsetjmp (musl's: only the first 8 words when the
 * mask is not saved) and register the buffer; on cancellation or
 * pthread_exit, glibc longjmps to each registered buffer in turn, whose
 * code runs the handler and calls __pthread_unwind_next to go on.
 * The buffer's private words (glibc: prev, cleanup, canceltype) are ours:
 * they hold a musl cleanup record, so musl's own exit path (pthread_exit
 * and acted-upon cancellation both run it) reaches each buffer in order,
 * interleaved correctly with musl's internal cleanup records.
 */
/* The musl record lives in the buffer's private words. */
_Static_assert(sizeof(struct __ptcb) <=
	sizeof(((struct lx_pthread_unwind_buf *)0)->priv), "__ptcb fits");
#define MUSL_REC(buf) ((struct __ptcb *)(void *)(buf)->priv)

/* The value of the exit under way: set by the guest's pthread_exit; an
 * exit that musl starts by itself is a cancellation. */
static __thread void *exit_value;
static __thread int exit_value_set;

/* Called by musl's exit path, the record already unlinked. */
static void unwind_to(void *buf)
{
	/* Only the jmp_buf words are read (the mask was not saved); hide
	 * the smaller object from gcc's access-size check. */
	__asm__("" : "+r"(buf));
	longjmp(buf, 1);
}

void lx___pthread_register_cancel(struct lx_pthread_unwind_buf *buf)
{
	_pthread_cleanup_push(MUSL_REC(buf), unwind_to, buf);
}

void lx___pthread_unregister_cancel(struct lx_pthread_unwind_buf *buf)
{
	_pthread_cleanup_pop(MUSL_REC(buf), 0);
}

/* The handler of BUF has run: on to the next record, or the thread ends. */
_Noreturn void lx___pthread_unwind_next(struct lx_pthread_unwind_buf *buf)
{
	(void)buf;	/* musl unlinked it before unwind_to */
	pthread_exit(exit_value_set ? exit_value : PTHREAD_CANCELED);
}

_Noreturn void lx_pthread_exit(void *value)
{
	exit_value = value;
	exit_value_set = 1;
	pthread_exit(value);
}

/* ---- waits against a chosen clock --------------------------------------- */

/* ABS on CLOCK as an absolute CLOCK_REALTIME time (what musl waits on). */
static int to_realtime(clockid_t clock, const struct timespec *abs,
	struct timespec *out)
{
	struct timespec now, real;

	if (clock == CLOCK_REALTIME) {
		*out = *abs;
		return 0;
	}
	if (clock != CLOCK_MONOTONIC || clock_gettime(clock, &now) ||
	    clock_gettime(CLOCK_REALTIME, &real))
		return EINVAL;
	out->tv_sec = real.tv_sec + (abs->tv_sec - now.tv_sec);
	out->tv_nsec = real.tv_nsec + (abs->tv_nsec - now.tv_nsec);
	while (out->tv_nsec < 0) {
		out->tv_nsec += 1000000000;
		out->tv_sec--;
	}
	while (out->tv_nsec >= 1000000000) {
		out->tv_nsec -= 1000000000;
		out->tv_sec++;
	}
	return 0;
}

/* XXX: a CLOCK_REALTIME step during the wait moves a monotonic deadline. */
int lx_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
	clockid_t clock, const struct timespec *abs)
{
	struct timespec t;
	int r = to_realtime(clock, abs, &t);

	return r ? r : pthread_cond_timedwait(c, m, &t);
}

int lx_pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clock,
	const struct timespec *abs)
{
	struct timespec t;
	int r = to_realtime(clock, abs, &t);

	return r ? r : lx_pthread_mutex_timedlock(m, &t);
}

/* ---- small ones --------------------------------------------------------- */

/* glibc's dev_t encoding (<sys/sysmacros.h>). */
unsigned int lx_gnu_dev_major(uint64_t dev)
{
	return ((dev >> 32) & 0xfffff000u) | ((dev >> 8) & 0xfffu);
}

unsigned int lx_gnu_dev_minor(uint64_t dev)
{
	return ((dev >> 12) & 0xffffff00u) | (dev & 0xffu);
}

uint64_t lx_gnu_dev_makedev(unsigned int major, unsigned int minor)
{
	return ((uint64_t)(major & 0xfffff000u) << 32) |
		((uint64_t)(major & 0xfffu) << 8) |
		((uint64_t)(minor & 0xffffff00u) << 12) | (minor & 0xffu);
}

void lx_closefrom(int low)
{
	long max;

	if (low < 0)
		low = 0;
	if (syscall(SYS_close_range, (unsigned)low, ~0u, 0) == 0)
		return;
	max = sysconf(_SC_OPEN_MAX);
	for (long fd = low; fd < max; fd++)
		close((int)fd);
}

int lx_getpt(void)
{
	return posix_openpt(O_RDWR | O_NOCTTY);
}

/* musl's allocator returns free memory by itself: nothing to trim now. */
int lx_malloc_trim(size_t pad)
{
	(void)pad;
	return 0;
}

int lx_scandirat(int dirfd, const char *path, struct dirent ***list,
	int (*sel)(const struct dirent *),
	int (*cmp)(const struct dirent **, const struct dirent **))
{
	int fd = LX_PATHCALL(openat)(dirfd, path,
		O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent **v = NULL, *e;
	size_t n = 0, cap = 0;
	DIR *d;

	if (fd < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while ((errno = 0, e = readdir(d))) {
		struct dirent *copy;

		if (sel && !sel(e))
			continue;
		if (n == cap) {
			struct dirent **nv = realloc(v, (cap = cap ? 2 * cap : 16) *
				sizeof *v);
			if (!nv)
				goto fail;
			v = nv;
		}
		if (!(copy = malloc(e->d_reclen)))
			goto fail;
		v[n++] = memcpy(copy, e, e->d_reclen);
	}
	if (errno)
		goto fail;
	closedir(d);
	if (cmp)
		qsort(v, n, sizeof *v,
			(int (*)(const void *, const void *))cmp);
	*list = v;
	return (int)n;
fail:
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	return -1;
}

/* The raw syscall: struct linux_dirent64 is glibc's struct dirent64. */
ssize_t lx_getdents64(int fd, void *buf, size_t len)
{
	return syscall(SYS_getdents64, fd, buf, len);
}

/*
 * mallinfo2 and mallinfo: glibc's allocator statistics (the same fields,
 * size_t in mallinfo2, int in mallinfo: glibc truncates).
 * XXX: musl's allocator keeps no statistics that can be read; every field
 * is 0. Programs use these for diagnostics (systemd, talloc's reports);
 * refusing them would refuse the whole program.
 */
struct lx_mallinfo2 {
	size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks;
	size_t uordblks, fordblks, keepcost;
};
_Static_assert(sizeof(struct lx_mallinfo2) == 80, "struct mallinfo2");

struct lx_mallinfo {
	int arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks;
	int uordblks, fordblks, keepcost;
};
_Static_assert(sizeof(struct lx_mallinfo) == 40, "struct mallinfo");

struct lx_mallinfo2 lx_mallinfo2(void)
{
	return (struct lx_mallinfo2){ 0 };
}

struct lx_mallinfo lx_mallinfo(void)
{
	struct lx_mallinfo2 m = lx_mallinfo2();

	return (struct lx_mallinfo){
		.arena = (int)m.arena, .ordblks = (int)m.ordblks,
		.smblks = (int)m.smblks, .hblks = (int)m.hblks,
		.hblkhd = (int)m.hblkhd, .usmblks = (int)m.usmblks,
		.fsmblks = (int)m.fsmblks, .uordblks = (int)m.uordblks,
		.fordblks = (int)m.fordblks, .keepcost = (int)m.keepcost,
	};
}

/* The new mount API's calls without a path (glibc 2.36 wrappers). */
int lx_fsopen(const char *fsname, unsigned flags)
{
	return syscall(SYS_fsopen, fsname, flags);
}

int lx_fsconfig(int fd, unsigned cmd, const char *key, const void *value,
	int aux)
{
	return syscall(SYS_fsconfig, fd, cmd, key, value, aux);
}
