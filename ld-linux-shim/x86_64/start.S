/*
 * Process entry of the interpreter. The kernel jumps here with the initial
 * stack (argc, argv, envp, auxv) at %rsp, either as the program's PT_INTERP
 * or as a program of its own. Nothing is relocated yet: hand the stack
 * pointer to boot_start() (boot.c), which never returns.
 */
	.text
	.globl	_start
	.hidden	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	boot_start
	hlt
	.size	_start, .-_start

	.section .note.GNU-stack,"",@progbits
