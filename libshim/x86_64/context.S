/*
 * getcontext, setcontext and swapcontext for glibc's ucontext_t on x86-64,
 * and the trampoline a makecontext context returns into.  A context holds
 * what the ABI says survives a call (rbx, rbp, r12-r15, rsp, the x87
 * control word and MXCSR), plus rdi, rsi, rdx, rcx, r8, r9 so that
 * makecontext can pass arguments; rax, r10 and r11 are not kept.  The
 * signal mask is saved and set with rt_sigprocmask (8-byte kernel set).
 */
#include "lx/context.h"

#define SYS_rt_sigprocmask	14
#define SIG_BLOCK	0
#define SIG_SETMASK	2

	.text

/* Saves the caller's state into the context at \uc. */
.macro SAVE uc
	movq	%r8, LX_GREG(LX_REG_R8)(\uc)
	movq	%r9, LX_GREG(LX_REG_R9)(\uc)
	movq	%r12, LX_GREG(LX_REG_R12)(\uc)
	movq	%r13, LX_GREG(LX_REG_R13)(\uc)
	movq	%r14, LX_GREG(LX_REG_R14)(\uc)
	movq	%r15, LX_GREG(LX_REG_R15)(\uc)
	movq	%rdi, LX_GREG(LX_REG_RDI)(\uc)
	movq	%rsi, LX_GREG(LX_REG_RSI)(\uc)
	movq	%rbp, LX_GREG(LX_REG_RBP)(\uc)
	movq	%rbx, LX_GREG(LX_REG_RBX)(\uc)
	movq	%rdx, LX_GREG(LX_REG_RDX)(\uc)
	movq	%rcx, LX_GREG(LX_REG_RCX)(\uc)
	movq	(%rsp), %rax
	movq	%rax, LX_GREG(LX_REG_RIP)(\uc)
	leaq	8(%rsp), %rax
	movq	%rax, LX_GREG(LX_REG_RSP)(\uc)
	leaq	LX_UC_FPREGS_MEM(\uc), %rax
	movq	%rax, LX_UC_FPREGS(\uc)
	fnstenv	(%rax)
	fldenv	(%rax)
	stmxcsr	LX_FP_MXCSR(%rax)
.endm

/*
 * rt_sigprocmask(\how, %rsi, %rdx, 8); on failure, to sigmask_fail with
 * the -errno in %rax.  Uses the caller's %rsi and %rdx, sets %rdi.
 */
.macro SIGPROCMASK how
	movl	$\how, %edi
	movl	$8, %r10d
	movl	$SYS_rt_sigprocmask, %eax
	syscall
	cmpq	$-4095, %rax
	jae	sigmask_fail
.endm

/* int lx_getcontext(ucontext_t *ucp) */
	.globl	lx_getcontext
	.type	lx_getcontext, @function
lx_getcontext:
	SAVE	%rdi
	leaq	LX_UC_SIGMASK(%rdi), %rdx
	xorl	%esi, %esi
	SIGPROCMASK SIG_BLOCK
	xorl	%eax, %eax
	ret
	.size	lx_getcontext, . - lx_getcontext

	.type	sigmask_fail, @function
sigmask_fail:
	movq	%rax, %rdi
	jmp	lx_context_fail
	.size	sigmask_fail, . - sigmask_fail

/*
 * Loads the context at %r15 (its signal mask already set) and returns
 * into it with rax = 0.
 */
	.type	restore, @function
restore:
	movq	LX_UC_FPREGS(%r15), %rax
	fldenv	(%rax)
	ldmxcsr	LX_FP_MXCSR(%rax)
	movq	LX_GREG(LX_REG_RSP)(%r15), %rsp
	pushq	LX_GREG(LX_REG_RIP)(%r15)
	movq	LX_GREG(LX_REG_R8)(%r15), %r8
	movq	LX_GREG(LX_REG_R9)(%r15), %r9
	movq	LX_GREG(LX_REG_R12)(%r15), %r12
	movq	LX_GREG(LX_REG_R13)(%r15), %r13
	movq	LX_GREG(LX_REG_R14)(%r15), %r14
	movq	LX_GREG(LX_REG_RDI)(%r15), %rdi
	movq	LX_GREG(LX_REG_RSI)(%r15), %rsi
	movq	LX_GREG(LX_REG_RBP)(%r15), %rbp
	movq	LX_GREG(LX_REG_RBX)(%r15), %rbx
	movq	LX_GREG(LX_REG_RDX)(%r15), %rdx
	movq	LX_GREG(LX_REG_RCX)(%r15), %rcx
	movq	LX_GREG(LX_REG_R15)(%r15), %r15
	xorl	%eax, %eax
	ret
	.size	restore, . - restore

/* int lx_setcontext(const ucontext_t *ucp): returns only on failure. */
	.globl	lx_setcontext
	.type	lx_setcontext, @function
lx_setcontext:
	leaq	LX_UC_SIGMASK(%rdi), %rsi
	xorl	%edx, %edx
	SIGPROCMASK SIG_SETMASK
	leaq	-LX_UC_SIGMASK(%rsi), %r15	/* syscall keeps rsi */
	jmp	restore
	.size	lx_setcontext, . - lx_setcontext

/* int lx_swapcontext(ucontext_t *oucp, const ucontext_t *ucp) */
	.globl	lx_swapcontext
	.type	lx_swapcontext, @function
lx_swapcontext:
	SAVE	%rdi
	leaq	LX_UC_SIGMASK(%rdi), %rdx
	leaq	LX_UC_SIGMASK(%rsi), %rsi
	SIGPROCMASK SIG_SETMASK
	leaq	-LX_UC_SIGMASK(%rsi), %r15
	jmp	restore
	.size	lx_swapcontext, . - lx_swapcontext

/*
 * Where a makecontext function returns to: rbx (callee-saved, so intact)
 * points at the stack slot holding uc_link; rsp is 16-byte aligned.
 */
	.globl	lx_context_trampoline
	.hidden	lx_context_trampoline
	.type	lx_context_trampoline, @function
lx_context_trampoline:
	movq	(%rbx), %rdi
	testq	%rdi, %rdi
	je	1f
	call	lx_setcontext
	movl	$1, %edi
	call	lx_context_exit
1:	xorl	%edi, %edi
	call	lx_context_exit
	.size	lx_context_trampoline, . - lx_context_trampoline

	.section .note.GNU-stack, "", @progbits
