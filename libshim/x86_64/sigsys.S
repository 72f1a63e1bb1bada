/*
 * The way into the shim from a trapped guest system call (Syscall User
 * Dispatch, libshim/syscall/trap.c). The kernel delivers SIGSYS on the
 * guest's thread with the guest's thread pointer in %fs, which the shim's
 * code must not run on (its TLS, errno and stack-protector canary are at
 * %fs). Each armed thread has a struct trap_thread (trap.c), found by its
 * thread ID: { int tid; unsigned long shim_tp at 8; unsigned long
 * guest_fs at 16 }. shim_sigsys_entry(sig, info, uctx) saves the guest's
 * %fs base there, loads the shim's, runs shim_sigsys (C), then loads the
 * %fs base the guest has now (arch_prctl(ARCH_SET_FS) may have changed
 * it) and returns to the shim's restorer. With FSGSBASE (AT_HWCAP2) the
 * switch is rdfsbase/wrfsbase, else arch_prctl from here, inside the
 * allowed range.
 */
#include "sysargs.h"

#define SYS_arch_prctl	158
#define SYS_rt_sigreturn 15
#define SYS_gettid	186
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define T_SHIM_TP	8
#define T_GUEST_FS	16
#define G_R8	0
#define G_R9	8
#define G_R10	16
#define G_R12	32
#define G_R13	40
#define G_R14	48
#define G_R15	56
#define G_RDI	64
#define G_RSI	72
#define G_RBP	80
#define G_RBX	88
#define G_RDX	96
#define G_RAX	104
#define UC_GREGS	40	/* ucontext_t's uc_mcontext.gregs */
#define SI_CODE	8		/* siginfo_t's si_code, si_syscall */
#define SI_SYSCALL	24
#define SYS_USER_DISPATCH 2
#define TRAP_FAST_MAX	1024
#define G_RIP	128

/* The guest's registers from the signal context at %rcx, all but %rax,
 * %rcx, %r11 (a syscall's own) and %rsp. */
.macro LOAD_GUEST_REGS
	movq	G_R8(%rcx), %r8
	movq	G_R9(%rcx), %r9
	movq	G_R10(%rcx), %r10
	movq	G_R12(%rcx), %r12
	movq	G_R13(%rcx), %r13
	movq	G_R14(%rcx), %r14
	movq	G_R15(%rcx), %r15
	movq	G_RDI(%rcx), %rdi
	movq	G_RSI(%rcx), %rsi
	movq	G_RBP(%rcx), %rbp
	movq	G_RBX(%rcx), %rbx
	movq	G_RDX(%rcx), %rdx
.endm

	.text
/* trap_entry: %rax := the calling thread's struct trap_thread. Clobbers
 * the caller-saved registers; runs on the guest's %fs (shim_trap_self
 * touches no thread-local state). */
	.type	trap_entry, @function
trap_entry:
	movl	$SYS_gettid, %eax
	syscall
	movl	%eax, %edi
	jmp	shim_trap_self
	.size	trap_entry, . - trap_entry

/* trap_get_fs(slot): *SLOT := the %fs base. Clobbers %rax, %rcx, %r11,
 * %rdi, %rsi. */
	.type	trap_get_fs, @function
trap_get_fs:
	cmpb	$0, shim_trap_fsgsbase(%rip)
	je	1f
	rdfsbase %rax
	movq	%rax, (%rdi)
	ret
1:	movq	%rdi, %rsi
	movl	$ARCH_GET_FS, %edi
	movl	$SYS_arch_prctl, %eax
	syscall
	ret
	.size	trap_get_fs, . - trap_get_fs

/* trap_set_fs(base): the %fs base := BASE. Clobbers %rax, %rcx, %r11,
 * %rdi, %rsi. */
	.type	trap_set_fs, @function
trap_set_fs:
	cmpb	$0, shim_trap_fsgsbase(%rip)
	je	1f
	wrfsbase %rdi
	ret
1:	movq	%rdi, %rsi
	movl	$ARCH_SET_FS, %edi
	movl	$SYS_arch_prctl, %eax
	syscall
	ret
	.size	trap_set_fs, . - trap_set_fs

	.globl	shim_sigsys_entry
	.hidden	shim_sigsys_entry
	.type	shim_sigsys_entry, @function
shim_sigsys_entry:
	.cfi_startproc
	/* The fast way: a call the kernel serves as it is (shim_trap_way 0)
	 * is made from here with the guest's %fs: no thread lookup, no
	 * switch. Unless patching is off, a process with one thread takes
	 * the slow way, where shim_patch_note counts the site; with more,
	 * shim_patch_due counts it here and sends it the slow way once it
	 * is due to be patched. */
	cmpl	$SYS_USER_DISPATCH, SI_CODE(%rsi)
	jne	1f
	movslq	SI_SYSCALL(%rsi), %rax
	cmpq	$TRAP_FAST_MAX, %rax
	jae	1f
	leaq	shim_trap_way(%rip), %rcx
	cmpb	$0, (%rcx,%rax)
	jne	1f
	cmpb	$0, shim_patch_on(%rip)
	je	2f
	cmpl	$1, shim_trap_live(%rip)
	je	1f
	pushq	%rdi
	.cfi_adjust_cfa_offset 8
	pushq	%rsi
	.cfi_adjust_cfa_offset 8
	pushq	%rdx
	.cfi_adjust_cfa_offset 8
	movq	UC_GREGS+G_RIP(%rdx), %rdi
	call	shim_patch_due
	popq	%rdx
	.cfi_adjust_cfa_offset -8
	popq	%rsi
	.cfi_adjust_cfa_offset -8
	popq	%rdi
	.cfi_adjust_cfa_offset -8
	testb	%al, %al
	jnz	1f
	movslq	SI_SYSCALL(%rsi), %rax
2:	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	leaq	UC_GREGS(%rdx), %rbx
	movq	G_RDI(%rbx), %rdi
	movq	G_RSI(%rbx), %rsi
	movq	G_RDX(%rbx), %rdx
	movq	G_R10(%rbx), %r10
	movq	G_R8(%rbx), %r8
	movq	G_R9(%rbx), %r9
	syscall
	movq	%rax, G_RAX(%rbx)
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	ret
1:	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	subq	$8, %rsp
	.cfi_adjust_cfa_offset 8
	movl	%edi, %ebx
	movq	%rsi, %r12
	movq	%rdx, %r13
	call	trap_entry
	movq	%rax, %r14
	leaq	T_GUEST_FS(%r14), %rdi
	call	trap_get_fs
	movq	T_SHIM_TP(%r14), %rdi
	call	trap_set_fs
	movl	%ebx, %edi
	movq	%r12, %rsi
	movq	%r13, %rdx
	leaq	T_GUEST_FS(%r14), %rcx	/* the guest's %fs base, in and out */
	call	shim_sigsys
	movq	T_GUEST_FS(%r14), %rdi
	call	trap_set_fs
	addq	$8, %rsp
	.cfi_adjust_cfa_offset -8
	popq	%r14
	.cfi_adjust_cfa_offset -8
	popq	%r13
	.cfi_adjust_cfa_offset -8
	popq	%r12
	.cfi_adjust_cfa_offset -8
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	ret
	.cfi_endproc
	.size	shim_sigsys_entry, . - shim_sigsys_entry

/*
 * shim_trap_sighandler(sig, info, uctx): the handler the kernel sees for
 * every signal the guest handles. A signal that interrupts the shim (a
 * trapped call blocked in the kernel) finds the shim's thread pointer in
 * %fs: the guest's handler runs with the guest's and the shim's comes
 * back after. Otherwise the guest's handler is entered as it is. The
 * handler is shim_trap_handlers[sig].
 */
	.globl	shim_trap_sighandler
	.hidden	shim_trap_sighandler
	.type	shim_trap_sighandler, @function
shim_trap_sighandler:
	.cfi_startproc
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	pushq	%r15
	.cfi_adjust_cfa_offset 8
	subq	$16, %rsp		/* the %fs base at 0(%rsp) */
	.cfi_adjust_cfa_offset 16
	movl	%edi, %ebx
	movq	%rsi, %r12
	movq	%rdx, %r13
	xorl	%r15d, %r15d		/* 1: %fs was switched */
	call	trap_entry
	movq	%rax, %r14
	movq	%rsp, %rdi
	call	trap_get_fs
	movq	0(%rsp), %rax
	cmpq	T_SHIM_TP(%r14), %rax
	jne	1f
	movl	$1, %r15d
	movq	T_GUEST_FS(%r14), %rdi
	call	trap_set_fs
1:	movslq	%ebx, %rax
	leaq	shim_trap_handlers(%rip), %rcx
	movq	(%rcx,%rax,8), %rax
	movl	%ebx, %edi
	movq	%r12, %rsi
	movq	%r13, %rdx
	call	*%rax
	testl	%r15d, %r15d
	jz	2f
	movq	T_SHIM_TP(%r14), %rdi
	call	trap_set_fs
2:	addq	$16, %rsp
	.cfi_adjust_cfa_offset -16
	popq	%r15
	.cfi_adjust_cfa_offset -8
	popq	%r14
	.cfi_adjust_cfa_offset -8
	popq	%r13
	.cfi_adjust_cfa_offset -8
	popq	%r12
	.cfi_adjust_cfa_offset -8
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	ret
	.cfi_endproc
	.size	shim_trap_sighandler, . - shim_trap_sighandler

/*
 * shim_trap_enter(gregs, sp, fs): a thread the trap made for a guest
 * clone starts the guest's thread here: %fs base FS, the guest's
 * registers as they were at the clone, %rax 0, the stack SP, at the
 * guest's next instruction (stored below SP, in the red zone of a stack
 * nothing uses yet). Does not return.
 */
	.globl	shim_trap_enter
	.hidden	shim_trap_enter
	.type	shim_trap_enter, @function
shim_trap_enter:
	movq	%rdi, %r12
	movq	%rsi, %r13
	movq	%rdx, %rdi
	call	trap_set_fs
	movq	%r12, %rcx
	movq	%r13, %rsp
	movq	G_RIP(%rcx), %rax
	movq	%rax, -8(%rsp)
	LOAD_GUEST_REGS
	xorl	%eax, %eax
	jmp	*-8(%rsp)
	.size	shim_trap_enter, . - shim_trap_enter

/* shim_trap_on_stack(sp, fn, arg): FN(ARG) on the stack SP; FN does not
 * return. */
	.globl	shim_trap_on_stack
	.hidden	shim_trap_on_stack
	.type	shim_trap_on_stack, @function
shim_trap_on_stack:
	movq	%rdi, %rsp
	andq	$-16, %rsp
	movq	%rdx, %rdi
	call	*%rsi
	hlt
	.size	shim_trap_on_stack, . - shim_trap_on_stack

/* In an entry a patched site's stub called: %rcx := where the stub goes
 * on, behind the site's `syscall` (the stub's word at +40; the return
 * address on the stack is the stub's +16), as a syscall leaves %rcx. */
#define STUB_RESUME \
	movq	(%rsp), %rcx; \
	movq	24(%rcx), %rcx

/* shim_patch_gadget: the stub of a call the kernel serves as it is. */
	.globl	shim_patch_gadget
	.hidden	shim_patch_gadget
	.type	shim_patch_gadget, @function
shim_patch_gadget:
	syscall
	ret
	.size	shim_patch_gadget, . - shim_patch_gadget

/*
 * shim_patch_entry_dyn: the entry of a patched site whose call number is
 * known only now, in %rax (syscall/patch.c: mov disp8(%rsp),%rax). By
 * shim_trap_way[%rax] (trap.c; dyn_ways below is in its order): a call
 * the kernel serves as it is is made here; one shim_syscall serves goes
 * on to shim_patch_entry; any other (a call
 * that acts on the signal frame, on threads or on the thread pointer, or
 * an unknown number) returns to the site's own `syscall`, which traps.
 * Returns with %rcx where the stub goes on (site+7, or that `syscall`).
 * The choice is made without touching the flags a system call keeps.
 */
	.globl	shim_patch_entry_dyn
	.hidden	shim_patch_entry_dyn
	.type	shim_patch_entry_dyn, @function
shim_patch_entry_dyn:
	pushfq
	movl	$2, %ecx
	cmpq	$TRAP_FAST_MAX, %rax
	jae	1f
	leaq	shim_trap_way(%rip), %r11
	movzbl	(%r11,%rax), %ecx
1:	popfq
	leaq	dyn_ways(%rip), %r11
	movslq	(%r11,%rcx,4), %rcx
	addq	%rcx, %r11
	jmp	*%r11
dyn_direct:
	syscall
	STUB_RESUME
	ret
dyn_trap:
	STUB_RESUME
	leaq	-2(%rcx), %rcx		/* the site's `syscall` */
	ret
	.size	shim_patch_entry_dyn, . - shim_patch_entry_dyn

	.section .rodata
	.balign	4
dyn_ways:
	.long	dyn_direct - dyn_ways
	.long	shim_patch_entry - dyn_ways
	.long	dyn_trap - dyn_ways
	.text

/*
 * shim_patch_entry: where a patched site's stub (syscall/patch.c) calls
 * in, with %eax the call's number, the guest's registers otherwise, and
 * the stub's return address on the guest's stack, below its red zone.
 * Saves what a system call preserves on the guest's stack (the argument
 * registers, %rbx, %rbp, %r12, the flags) and, once on the thread's
 * alternate stack (or below the frame, when the guest already runs on
 * it), the vector state; switches %fs as shim_sigsys_entry does; serves
 * the call with shim_syscall (a thread the trap left unarmed makes the
 * call itself, as before the patch); and returns with %rax the result,
 * %rcx the address behind the site's `syscall` and %r11 the flags, as
 * the instruction leaves them.
 */
#define T_ALT		88
#define ALT_SIZE	65536	/* TRAP_ALT_SIZE (trap.c) */
#define FP_AREA		1024
	.globl	shim_patch_entry
	.hidden	shim_patch_entry
	.type	shim_patch_entry, @function
shim_patch_entry:
	pushfq
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r9
	pushq	%r8
	pushq	%r10
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rax
	movq	%rsp, %rbx		/* nr, then the six arguments */
	andq	$-16, %rsp
	movl	$SYS_gettid, %eax
	syscall
	movl	%eax, %edi
	call	shim_trap_known
	testq	%rax, %rax
	jz	7f
	movq	%rax, %r12
	movq	T_ALT(%r12), %rcx
	movq	%rbx, %rdx
	subq	%rcx, %rdx
	cmpq	$ALT_SIZE, %rdx
	jb	1f
	leaq	ALT_SIZE(%rcx), %rsp
	jmp	2f
1:	movq	%rbx, %rsp
2:	andq	$-64, %rsp
	subq	$FP_AREA, %rsp
	movq	%rsp, %rbp
	cmpb	$0, shim_patch_xsave(%rip)
	je	3f
	xorl	%eax, %eax		/* the xsave header: zero */
	movl	$8, %ecx
	leaq	512(%rbp), %rdi
	rep stosq
	movl	$7, %eax		/* x87, SSE, AVX */
	xorl	%edx, %edx
	xsave64	(%rbp)
	jmp	4f
3:	fxsave64 (%rbp)
4:	leaq	T_GUEST_FS(%r12), %rdi
	call	trap_get_fs
	movq	T_SHIM_TP(%r12), %rdi
	call	trap_set_fs
	movq	0(%rbx), %rdi
	leaq	8(%rbx), %rsi
	call	shim_syscall
	movq	%rax, 0(%rbx)
	movq	T_GUEST_FS(%r12), %rdi
	call	trap_set_fs
	cmpb	$0, shim_patch_xsave(%rip)
	je	5f
	movl	$7, %eax
	xorl	%edx, %edx
	xrstor64 (%rbp)
	jmp	6f
5:	fxrstor64 (%rbp)
6:	xorl	%r11d, %r11d		/* served: %rax is the result */
	jmp	8f
	/* A thread the trap left unarmed: its calls go to the kernel as
	 * they are, as they did before the site was patched. */
7:	movl	$1, %r11d
8:	movq	%rbx, %rsp
	popq	%rax
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%r10
	popq	%r8
	popq	%r9
	testl	%r11d, %r11d
	jz	9f
	syscall
9:	popq	%r12
	popq	%rbp
	popq	%rbx
	movq	(%rsp), %r11
	popfq
	STUB_RESUME
	ret
	.size	shim_patch_entry, . - shim_patch_entry

/*
 * rt_sigreturn from inside the allowed range: the restorer of every
 * handler the guest installs (the guest's own restorer would trap), and
 * where a trapped rt_sigreturn resumes, at the guest's frame.
 */
	.globl	shim_trap_restorer
	.hidden	shim_trap_restorer
	.type	shim_trap_restorer, @function
shim_trap_restorer:
	movl	$SYS_rt_sigreturn, %eax
	syscall
	hlt
	.size	shim_trap_restorer, . - shim_trap_restorer


/*
 * shim_trap_clone(nr, gregs, child_sp): a trapped clone or clone3 that
 * gives the child a stack of its own. The child must start where the
 * guest's syscall instruction returns, with the guest's registers, not in
 * the shim's handler: load them all from the signal context, store the
 * guest's %rip just below the child's stack pointer (the red zone of a
 * stack nothing uses yet), and make the call; the child jumps there with
 * %rax 0, the parent restores its own registers and returns the result.
 * %rcx and %r11 are the kernel's after any syscall, for the guest too.
 */

	.text
	.globl	shim_trap_clone
	.hidden	shim_trap_clone
	.type	shim_trap_clone, @function
shim_trap_clone:
	.cfi_startproc
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	pushq	%rbp
	.cfi_adjust_cfa_offset 8
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	pushq	%r15
	.cfi_adjust_cfa_offset 8
	movq	G_RIP(%rsi), %rax
	movq	%rax, -8(%rdx)
	movq	%rdi, %rax
	movq	%rsi, %rcx
	LOAD_GUEST_REGS
	syscall
	testq	%rax, %rax
	jz	1f
	popq	%r15
	.cfi_adjust_cfa_offset -8
	popq	%r14
	.cfi_adjust_cfa_offset -8
	popq	%r13
	.cfi_adjust_cfa_offset -8
	popq	%r12
	.cfi_adjust_cfa_offset -8
	popq	%rbp
	.cfi_adjust_cfa_offset -8
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	ret
1:	jmp	*-8(%rsp)
	.cfi_endproc
	.size	shim_trap_clone, . - shim_trap_clone

/*
 * shim_trap_vfork(nr, args, fn, arg): a trapped clone or clone3 whose
 * child shares the parent's memory on a stack of its own and stops it
 * until it execs or exits (CLONE_VM | CLONE_VFORK: posix_spawn's child).
 * The call is made with ARGS (the child's thread pointer the shim's);
 * the parent returns the result, the child calls FN(ARG) on its new
 * stack, below what the guest may have stored there, and never returns.
 */
	.globl	shim_trap_vfork
	.hidden	shim_trap_vfork
	.type	shim_trap_vfork, @function
shim_trap_vfork:
	.cfi_startproc
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	subq	$8, %rsp
	.cfi_adjust_cfa_offset 8
	movq	%rdx, %r12
	movq	%rcx, %rbx
	movq	%rdi, %rax
	movq	%rsi, %r11
	LOAD_SYSCALL_ARGS
	syscall
	testq	%rax, %rax
	jz	1f
	addq	$8, %rsp
	.cfi_adjust_cfa_offset -8
	popq	%r12
	.cfi_adjust_cfa_offset -8
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	ret
1:	subq	$256, %rsp
	andq	$-16, %rsp
	movq	%rbx, %rdi
	call	*%r12
	hlt
	.cfi_endproc
	.size	shim_trap_vfork, . - shim_trap_vfork

	.section .note.GNU-stack, "", @progbits
