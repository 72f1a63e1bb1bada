/*
 * mcount, the entry hook of code built with gcc -pg on x86-64: called right
 * after the instrumented function's prologue (push %rbp; mov %rsp,%rbp),
 * so 8(%rbp) is where the function returns to (frompc) and our own return
 * address is inside the function (selfpc). The argument registers are the
 * function's and must survive; lx_mcount_internal uses no vector
 * registers (gmon.c).
 */
	.text
	.globl	lx_mcount
	.type	lx_mcount, @function
lx_mcount:
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
	movq	8(%rbp), %rdi
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
	.size	lx_mcount, .-lx_mcount

/* glibc's other name for the same hook. */
	.globl	lx__mcount
	.set	lx__mcount, lx_mcount

/*
 * __fentry__ (gcc -pg -mfentry): called before the prologue, so the
 * function's own return address is at 8(%rsp) on entry.
 */
	.globl	lx___fentry__
	.type	lx___fentry__, @function
lx___fentry__:
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
	movq	64(%rsp), %rdi
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
	.size	lx___fentry__, .-lx___fentry__

	.section .note.GNU-stack,"",@progbits
