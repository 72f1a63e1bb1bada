/*
 * The x86-64 Linux system call trap behind shim_syscall
 * (include/shim/syscall.h): shim_syscall_trap(nr, args) puts NR in rax and
 * the six words of ARGS in rdi, rsi, rdx, r10, r8 and r9, and returns the
 * kernel's rax as it is (-errno on failure). The kernel clobbers rcx and
 * r11, which the ABI lets a call clobber anyway.
 */
#include "sysargs.h"

	.text
	.globl	shim_syscall_trap
	.type	shim_syscall_trap, @function
shim_syscall_trap:
	.cfi_startproc
	movq	%rdi, %rax
	movq	%rsi, %r11
	LOAD_SYSCALL_ARGS
	syscall
	ret
	.cfi_endproc
	.size	shim_syscall_trap, . - shim_syscall_trap

	.section .note.GNU-stack, "", @progbits
