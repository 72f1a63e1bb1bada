/*
 * mcount, the entry hook of code built with gcc -pg on x86-64: called right
 * after the instrumented function's prologue (push %rbp; mov %rsp,%rbp),
 * so 8(%rbp) is where the function returns to (frompc) and our own return
 * address is inside the function (selfpc). The argument registers are the
 * function's and must survive; lx_mcount_internal uses no vector
 * registers (gmon.c).
 *
 * __fentry__ (gcc -pg -mfentry) is called before the prologue instead, so
 * the function's own return address is at 8(%rsp) on entry.
 *
 * hook NAME, FROMPC: saves the argument registers, calls
 * lx_mcount_internal(FROMPC, selfpc), restores them. FROMPC is read after
 * the 56-byte save area is made.
 */
	.macro	hook name, frompc
	.globl	\name
	.type	\name, @function
\name:
	.cfi_startproc
	subq	$56, %rsp
	.cfi_adjust_cfa_offset 56
	movq	%rax, 0(%rsp)
	movq	%rcx, 8(%rsp)
	movq	%rdx, 16(%rsp)
	movq	%rsi, 24(%rsp)
	movq	%rdi, 32(%rsp)
	movq	%r8, 40(%rsp)
	movq	%r9, 48(%rsp)
	movq	56(%rsp), %rsi
	movq	\frompc, %rdi
	call	lx_mcount_internal
	movq	0(%rsp), %rax
	movq	8(%rsp), %rcx
	movq	16(%rsp), %rdx
	movq	24(%rsp), %rsi
	movq	32(%rsp), %rdi
	movq	40(%rsp), %r8
	movq	48(%rsp), %r9
	addq	$56, %rsp
	.cfi_adjust_cfa_offset -56
	ret
	.cfi_endproc
	.size	\name, .-\name
	.endm

	.text
	hook	lx_mcount, 8(%rbp)
	hook	lx___fentry__, 64(%rsp)

/* glibc's other name for mcount. */
	.globl	lx__mcount
	.set	lx__mcount, lx_mcount

	.section .note.GNU-stack,"",@progbits
