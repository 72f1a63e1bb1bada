/*
 * What the loader hands to guest code: the jump to a guest's entry point
 * and the TLS descriptor function of the static reserve. Apart from the
 * process entry (start.S), so that a test program that links the
 * interpreter's objects with its own start files has all of these.
 */
	.text

/*
 * shim_enter_guest(entry, sp): switch to the guest's initial stack and jump
 * to its entry point as the kernel would: %rdx holds no fini function (the
 * shim runs finalizers itself), the other registers carry nothing.
 */
	.globl	shim_enter_guest
	.hidden	shim_enter_guest
	.type	shim_enter_guest, @function
shim_enter_guest:
	mov	%rsi, %rsp
	xor	%edx, %edx
	xor	%ebp, %ebp
	xor	%eax, %eax
	xor	%ebx, %ebx
	xor	%ecx, %ecx
	xor	%esi, %esi
	xor	%r8d, %r8d
	xor	%r9d, %r9d
	jmp	*%rdi
	.size	shim_enter_guest, .-shim_enter_guest

/*
 * TLS descriptor function for modules in the static reserve: the
 * descriptor's second word is the variable's offset from the thread
 * pointer. Only %rax may change.
 */
	.globl	shim_tlsdesc_static
	.hidden	shim_tlsdesc_static
	.type	shim_tlsdesc_static, @function
shim_tlsdesc_static:
	mov	8(%rax), %rax
	ret
	.size	shim_tlsdesc_static, .-shim_tlsdesc_static

	.section .note.GNU-stack,"",@progbits
