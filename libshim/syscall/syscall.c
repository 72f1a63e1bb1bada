/*
 * The syscall room's entry point: Linux system calls made by number.
 * shim_syscall (include/shim/syscall.h) is the one way in; glibc's
 * syscall() is its variadic face, with glibc's -1/errno convention.
 * XXX: every call goes to the kernel as it is, so path arguments skip the
 * reroot; the generated syscall table will dispatch here instead.
 */
#include <errno.h>
#include <stdarg.h>

#include "shim/syscall.h"

long
shim_syscall(long nr, const long args[6])
{
	return shim_syscall_trap(nr, args);
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
