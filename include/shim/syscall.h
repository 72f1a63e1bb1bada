/*
 * The syscall room's one entry point (libshim/syscall/syscall.c): a Linux
 * system call made by number with its six argument words, as a guest
 * makes it. glibc's syscall() goes through it today; the generated Linux
 * syscall table and the inline-syscall trap of a later issue will dispatch
 * through it too. Compiled against musl only.
 */
#ifndef SHIM_SYSCALL_H
#define SHIM_SYSCALL_H

/* Linux system call NR with ARGS (all six words are passed, whatever the
 * call takes). Returns the kernel's convention: the result, or -errno
 * (-4095..-1); errno is left alone. */
long shim_syscall(long nr, const long args[6]);

/* The machine's trap into the kernel (libshim/x86_64/syscall.S), which
 * answers as shim_syscall does. Only shim_syscall calls it. */
long shim_syscall_trap(long nr, const long args[6]);

#endif
