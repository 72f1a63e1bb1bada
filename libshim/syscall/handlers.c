/*
 * The `handler` calls of symmaps/linux-x86_64.syscalls: lx_sys_NAME takes
 * the six words of a raw Linux call and answers as the kernel does (the
 * result or -errno), for calls whose meaning the generic path rewrite of
 * syscall.c cannot express. Where glibc's wrapper of the same call is
 * libshim's (readlink, execve, getcwd, uname), the handler is that
 * wrapper, so a raw call and a libc call answer alike. shim_syscall keeps
 * errno for its caller; a handler may clobber it.
 * XXX: a wrapper's errno is the host's, which is Linux's on linux-musl;
 * the FreeBSD port converts it here.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lx/signal.h"
#include "shim/gnu.h"
#include "shim/reroot.h"
#include "shim/syscall.h"

/* Linux's values (the guest's words). */
#define LX_NR_RT_SIGACTION	13
#define LX_NR_EXECVE		59
#define LX_NR_READLINK		89
#define LX_NR_READLINKAT	267
#define LX_NR_RT_SIGPROCMASK	14
#define LX_NR_RT_SIGSUSPEND	130
#define LX_NR_PRCTL		157
#define LX_NR_LINKAT		265
#define LX_NR_EXECVEAT		322
#define LX_AT_FDCWD		-100
#define LX_AT_SYMLINK_NOFOLLOW	0x100
#define LX_AT_SYMLINK_FOLLOW	0x400
#define LX_AT_EMPTY_PATH	0x1000
#define LX_SIGSYS		31
#define LX_PR_SET_SYSCALL_USER_DISPATCH	59

/* A libc-style result (-1 and errno) as the kernel's. */
static long
kret(long r)
{
	return r < 0 ? -errno : r;
}

long
lx_sys_readlink(const long a[6])
{
	if (!a[0])
		return shim_syscall_trap(LX_NR_READLINK, a);
	return kret(lx_readlink((const char *)a[0], (char *)a[1],
	    (size_t)a[2]));
}

long
lx_sys_readlinkat(const long a[6])
{
	if (!a[1])
		return shim_syscall_trap(LX_NR_READLINKAT, a);
	return kret(lx_readlinkat((int)a[0], (const char *)a[1],
	    (char *)a[2], (size_t)a[3]));
}

/* Only comes back on failure. */
long
lx_sys_execve(const long a[6])
{
	if (!a[0])
		return shim_syscall_trap(LX_NR_EXECVE, a);
	return kret(lx_execve((const char *)a[0], (char *const *)a[1],
	    (char *const *)a[2]));
}

/*
 * fexecve and friends: the file by its /proc/self/fd name, so that a
 * Linux program still starts through the shim (as glibc's fexecve names
 * it). XXX: AT_SYMLINK_NOFOLLOW goes to the kernel as it is, and the
 * program then starts natively.
 */
long
lx_sys_execveat(const long a[6])
{
	const char *path = (const char *)a[1];
	int fd = (int)a[0], fl = (int)a[4];
	char pb[PATH_MAX];

	if (!path || (fl & ~LX_AT_EMPTY_PATH))
		return shim_syscall_trap(LX_NR_EXECVEAT, a);
	if (!path[0] && (fl & LX_AT_EMPTY_PATH)) {
		snprintf(pb, sizeof pb, "/proc/self/fd/%d", fd);
		path = pb;
	} else if (path[0] != '/' && fd != LX_AT_FDCWD) {
		if ((size_t)snprintf(pb, sizeof pb, "/proc/self/fd/%d/%s", fd,
		    path) >= sizeof pb)
			return -ENAMETOOLONG;
		path = pb;
	}
	return kret(lx_execve(path, (char *const *)a[2],
	    (char *const *)a[3]));
}

/* The kernel counts the terminating NUL in its result. */
long
lx_sys_getcwd(const long a[6])
{
	char *buf = (char *)a[0];

	if (!buf)
		return -EFAULT;
	if (!lx_getcwd(buf, (size_t)a[1]))
		return -errno;
	return (long)strlen(buf) + 1;
}

long
lx_sys_uname(const long a[6])
{
	if (!a[0])
		return -EFAULT;
	return kret(lx_uname((void *)a[0]));
}

/* The signals the shim keeps (SIGSYS for the trap) are the guest's to
 * neither catch nor block, as with glibc's sigaction (signal/). */
long
lx_sys_rt_sigaction(const long a[6])
{
	if (a[1] && lx_signal_is_reserved((int)a[0]))
		return -EINVAL;
	return shim_syscall_trap(LX_NR_RT_SIGACTION, a);
}

/* A copy of the kernel's mask at A[I] (SIZE bytes) without the reserved
 * signals, in B[I]; M holds it. */
static void
unreserve(long b[6], int i, size_t size, unsigned long *m)
{
	if (!b[i] || size != sizeof *m)
		return;
	memcpy(m, (const void *)b[i], sizeof *m);
	for (int sig = 1; sig <= 64; sig++)
		if (lx_signal_is_reserved(sig))
			*m &= ~(1UL << (sig - 1));
	b[i] = (long)m;
}

long
lx_sys_rt_sigprocmask(const long a[6])
{
	unsigned long m;
	long b[6];

	memcpy(b, a, sizeof b);
	if (a[0] != LX_SIG_UNBLOCK)
		unreserve(b, 1, (size_t)a[3], &m);
	return shim_syscall_trap(LX_NR_RT_SIGPROCMASK, b);
}

long
lx_sys_rt_sigsuspend(const long a[6])
{
	unsigned long m;
	long b[6];

	memcpy(b, a, sizeof b);
	unreserve(b, 0, (size_t)a[1], &m);
	return shim_syscall_trap(LX_NR_RT_SIGSUSPEND, b);
}

/* While the trap owns SIGSYS, syscall user dispatch is the shim's. */
long
lx_sys_prctl(const long a[6])
{
	if (a[0] == LX_PR_SET_SYSCALL_USER_DISPATCH &&
	    lx_signal_is_reserved(LX_SIGSYS))
		return -EINVAL;
	return shim_syscall_trap(LX_NR_PRCTL, a);
}

/* The old path is followed only with AT_SYMLINK_FOLLOW (the other way
 * round from the generic rule); the new one never. */
long
lx_sys_linkat(const long a[6])
{
	char ra[PATH_MAX], rb[PATH_MAX];
	long b[6];

	memcpy(b, a, sizeof b);
	if (a[1])
		b[1] = (long)LX_REROOT((const char *)a[1], ra,
		    (a[4] & LX_AT_SYMLINK_FOLLOW) != 0);
	if (a[3])
		b[3] = (long)LX_REROOT((const char *)a[3], rb, 0);
	return shim_syscall_trap(LX_NR_LINKAT, b);
}
