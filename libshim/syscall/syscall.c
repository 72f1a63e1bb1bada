/*
 * The syscall room's entry point: Linux system calls made by number.
 * shim_syscall (include/shim/syscall.h) is the one way in, for glibc's
 * syscall() (its variadic face, with glibc's -1/errno convention) and for
 * the inline-syscall trap. It dispatches through the table tools/syscallgen
 * makes of symmaps/linux-x86_64.syscalls: a `pass` call goes to the kernel
 * with its absolute path arguments rerooted as their kinds say, a
 * `handler` call to lx_sys_NAME (handlers.c), an `enosys` call nowhere.
 * Everything here may run in a signal handler (the trap): no allocation,
 * no lock, errno kept.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "shim/loader.h"
#include "shim/reroot.h"
#include "shim/syscall.h"

/* Linux's values (the guest's words), whatever the host calls them. */
#define LX_O_NOFOLLOW		0400000
#define LX_AT_SYMLINK_NOFOLLOW	0x100
#define LX_ENOSYS		38
#define LX_NR_WRITE		1
#define LX_NR_EXIT		60
#define LX_NR_EXIT_GROUP	231

/* At most this many path arguments (rename, link, mount, move_mount). */
#define MAX_PATHS	2

static const struct shim_sysent *
sysent(long nr)
{
	if (nr < 0 || (unsigned long)nr >= shim_sysent_count ||
	    !shim_sysent[nr].name)
		return NULL;
	return &shim_sysent[nr];
}

bool
shim_syscall_needs_context(long nr)
{
	const struct shim_sysent *e = sysent(nr);

	return e && (e->flags & SHIM_SYSF_CTX);
}

bool
shim_syscall_direct(long nr)
{
	const struct shim_sysent *e = sysent(nr);

	return e && e->serve == SHIM_SYS_PASS && !(e->flags & SHIM_SYSF_CTX) &&
	    !((e->flags & SHIM_SYSF_PATHS) && shim_cfg.prefix) &&
	    !(shim_cfg.debug & SHIM_DEBUG_SYSCALLS);
}

/*
 * A `pass` call with path arguments: each absolute one through the reroot
 * (relative ones resolve against the cwd or their directory descriptor,
 * which are the host's already). lpath never follows a last symlink; path
 * follows it unless a flags argument says AT_SYMLINK_NOFOLLOW or
 * O_NOFOLLOW. Prints the call here, while the host paths live.
 * XXX: a path word is read before the kernel sees it: a bad address
 * (but one in the first page) faults here instead of failing with EFAULT.
 */
static long
pass_paths(long nr, const struct shim_sysent *e, const long a[6])
{
	char rb[MAX_PATHS][PATH_MAX];
	const char *host[6] = { 0 };
	bool nofollow = false;
	long b[6], ret;
	int i, n = 0;

	memcpy(b, a, sizeof b);
	for (i = 0; i < e->nargs; i++)
		if ((e->kind[i] == SHIM_ARG_FLAGS_AT &&
		    (a[i] & LX_AT_SYMLINK_NOFOLLOW)) ||
		    (e->kind[i] == SHIM_ARG_FLAGS_OPEN &&
		    (a[i] & LX_O_NOFOLLOW)))
			nofollow = true;
	for (i = 0; i < e->nargs && n < MAX_PATHS; i++) {
		const char *p = (const char *)a[i], *r;

		if ((e->kind[i] != SHIM_ARG_PATH &&
		    e->kind[i] != SHIM_ARG_LPATH) ||
		    (unsigned long)p < 4096 || p[0] != '/')
			continue;
		r = LX_REROOT(p, rb[n], e->kind[i] == SHIM_ARG_PATH &&
		    !nofollow);
		if (r != p) {
			b[i] = (long)r;
			host[i] = r;
			n++;
		}
	}
	ret = shim_syscall_trap(nr, b);
	if (shim_cfg.debug & SHIM_DEBUG_SYSCALLS)
		shim_syscall_print(nr, a, host, ret);
	return ret;
}

/* SHIM_DEBUG=syscalls names each refused call once (NAME NULL: a
 * number Linux x86-64 did not have when the table was written). */
static void
refused(long nr, const char *name)
{
	static unsigned char told[1024 / 8];
	char msg[128];
	long w[6] = { 2, (long)msg, 0 };

	if (nr >= 0 && nr < 1024) {
		if (told[nr / 8] & (1 << (nr % 8)))
			return;
		told[nr / 8] |= 1 << (nr % 8);
	}
	if (name)
		w[2] = snprintf(msg, sizeof msg, "ld-linux-shim: syscall %s "
		    "(%ld) not supported\n", name, nr);
	else
		w[2] = snprintf(msg, sizeof msg, "ld-linux-shim: syscall %ld "
		    "not supported\n", nr);
	shim_syscall_trap(LX_NR_WRITE, w);
}

long
shim_syscall(long nr, const long args[6])
{
	const struct shim_sysent *e = sysent(nr);
	bool debug = shim_cfg.debug & SHIM_DEBUG_SYSCALLS;
	int saved = errno;
	long ret;

	if (!e || e->serve == SHIM_SYS_ENOSYS) {
		if (debug) {
			refused(nr, e ? shim_sysent_name(e) : NULL);
			shim_syscall_print(nr, args, NULL, -LX_ENOSYS);
		}
		return -LX_ENOSYS;
	}
	/* These do not come back: their line is written first. */
	if (debug && (nr == LX_NR_EXIT || nr == LX_NR_EXIT_GROUP))
		shim_syscall_print(nr, args, NULL, SHIM_SYSCALL_NORETURN);
	if (e->serve == SHIM_SYS_HANDLER) {
		ret = shim_sysent_handler(e)(args);
	} else if ((e->flags & SHIM_SYSF_PATHS) && shim_cfg.prefix) {
		ret = pass_paths(nr, e, args);
		errno = saved;
		return ret;
	} else {
		ret = shim_syscall_trap(nr, args);
	}
	if (debug)
		shim_syscall_print(nr, args, NULL, ret);
	errno = saved;
	return ret;
}

/* glibc's syscall(): six arguments, whatever the call takes; -1/errno. */
long
lx_syscall(long nr, ...)
{
	long a[6], ret;
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	ret = shim_syscall(nr, a);
	if ((unsigned long)ret > -4096UL) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}
