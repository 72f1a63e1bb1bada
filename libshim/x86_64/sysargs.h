/*
 * For the assembly files here: the six arguments of a system call, from
 * the array of six words at %r11, into the kernel's registers (rdi, rsi,
 * rdx, r10, r8, r9). %r11 is free: the syscall instruction clobbers it.
 */
#ifndef SHIM_X86_64_SYSARGS_H
#define SHIM_X86_64_SYSARGS_H

#define LOAD_SYSCALL_ARGS \
	movq	0(%r11), %rdi; \
	movq	8(%r11), %rsi; \
	movq	16(%r11), %rdx; \
	movq	24(%r11), %r10; \
	movq	32(%r11), %r8; \
	movq	40(%r11), %r9

#endif
