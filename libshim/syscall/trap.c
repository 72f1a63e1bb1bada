/*
 * Inline system calls of a guest, trapped with Linux's Syscall User
 * Dispatch: once armed, a system call made from outside the shim's own
 * image raises SIGSYS on the calling thread instead of entering the
 * kernel, and shim_sigsys serves it through shim_syscall (the syscall
 * room's one entry point, which reroots path arguments) and puts the
 * result in the guest's %rax. The shim's own calls (musl, jemalloc, the
 * loader) come from inside the image and go to the kernel directly.
 *
 * A few calls concern the trap itself and are served here:
 *   - arch_prctl(ARCH_SET_FS/ARCH_GET_FS): the guest owns a thread
 *     pointer of its own; shim_sigsys_entry (x86_64/sigsys.S) switches
 *     %fs to the shim's on every entry and back to the guest's on exit,
 *     so the call only records the guest's value;
 *   - rt_sigaction: the guest's handlers are entered through
 *     shim_trap_sighandler, which gives them the guest's thread pointer
 *     when the signal interrupts the shim (a trapped call blocked in the
 *     kernel), and return through the shim's restorer (the guest's own
 *     rt_sigreturn would trap); SIGSYS stays the shim's, and is never
 *     blocked while a guest handler runs;
 *   - rt_sigprocmask: SIGSYS is never blocked (a blocked SIGSYS would
 *     kill the process at the next trapped call);
 *   - rt_sigreturn made by the guest's own code: resumes at the shim's
 *     restorer, at the guest's frame.
 * Today only the thread that starts the guest is armed (the dispatch is
 * per thread), with one shim thread pointer.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#include "shim/libshim.h"
#include "shim/syscall.h"

#define LX_SYS_rt_sigaction	13
#define LX_SYS_rt_sigprocmask	14
#define LX_SYS_rt_sigreturn	15
#define LX_SYS_arch_prctl	158
#define LX_SYS_clone		56
#define LX_SYS_fork		57
#define LX_SYS_vfork		58
#define LX_SYS_clone3		435
#define LX_CLONE_VM		0x00000100UL
#define LX_CLONE_VFORK		0x00004000UL
#define LX_CLONE_SETTLS		0x00080000UL
#define LX_ARCH_SET_FS		0x1002
#define LX_ARCH_GET_FS		0x1003
#define LX_NSIG			64
#define HWCAP2_FSGSBASE_BIT	0x2

/* Read by shim_sigsys_entry and shim_trap_sighandler (x86_64/sigsys.S). */
unsigned char shim_trap_fsgsbase;	/* rdfsbase/wrfsbase allowed */
unsigned long shim_trap_tp;		/* the shim's thread pointer */
unsigned long shim_trap_guest_fs;	/* the guest's, while the trap runs */
unsigned long shim_trap_handlers[LX_NSIG + 1];	/* the guest's handlers */

void shim_sigsys_entry(int sig, siginfo_t *info, void *uctx);
void shim_trap_sighandler(int sig, siginfo_t *info, void *uctx);
void shim_trap_restorer(void);
long shim_trap_clone(long nr, greg_t *g, unsigned long child_sp);
void shim_sigsys(int sig, siginfo_t *info, void *uctx,
	unsigned long *guest_fs);

/* The dispatch's switch: always "block", the allowed range does the rest. */
static volatile char dispatch_switch = SYSCALL_DISPATCH_FILTER_BLOCK;

/* The kernel's struct sigaction (rt_sigaction's), not the host's. */
struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	uint64_t mask;
};

/* What the guest set as each signal's restorer, to report it back. */
static unsigned long guest_restorer[LX_NSIG + 1];

#define SIGSYS_BIT (1ULL << (SIGSYS - 1))

static long sys_rt_sigaction(long sig, const struct k_sigaction *act,
	struct k_sigaction *old, long size)
{
	struct k_sigaction k;
	unsigned long prev;
	long r;

	if (sig == SIGSYS)
		return -EINVAL;	/* the shim's: refused, as by a seccomp filter */
	if (sig < 1 || sig > LX_NSIG || size != 8)
		return shim_syscall_trap(LX_SYS_rt_sigaction,
			(long[6]){ sig, (long)act, (long)old, size });
	prev = shim_trap_handlers[sig];
	if (act) {
		k = *act;
		k.mask &= ~SIGSYS_BIT;
		if (k.handler > 1) {	/* not SIG_DFL or SIG_IGN */
			shim_trap_handlers[sig] = act->handler;
			k.handler = (unsigned long)shim_trap_sighandler;
			k.flags |= LX_SA_RESTORER;
			k.restorer = (unsigned long)shim_trap_restorer;
		}
	}
	r = shim_syscall_trap(LX_SYS_rt_sigaction,
		(long[6]){ sig, act ? (long)&k : 0, (long)old, size });
	if (r != 0) {
		shim_trap_handlers[sig] = prev;
		return r;
	}
	if (old && old->handler == (unsigned long)shim_trap_sighandler) {
		old->handler = prev;
		old->restorer = guest_restorer[sig];
		if (!old->restorer)
			old->flags &= ~LX_SA_RESTORER;
	}
	if (act)
		guest_restorer[sig] = act->flags & LX_SA_RESTORER ?
			act->restorer : 0;
	return r;
}

/*
 * The mask is the one the guest runs with once the trap returns, and the
 * trap returns by rt_sigreturn, which installs the mask saved in the
 * SIGSYS frame: the new mask is written there too. (The trap's handler
 * adds nothing to the mask, so the thread's mask inside it is the
 * guest's.)
 */
static long sys_rt_sigprocmask(long how, const uint64_t *set, uint64_t *old,
	long size, ucontext_t *uc)
{
	uint64_t s, now;
	long r;

	if (set && size == 8) {
		s = *set & ~SIGSYS_BIT;
		set = &s;
	}
	r = shim_syscall_trap(LX_SYS_rt_sigprocmask,
		(long[6]){ how, (long)set, (long)old, size });
	if (r == 0 && set && shim_syscall_trap(LX_SYS_rt_sigprocmask,
	    (long[6]){ SIG_BLOCK, 0, (long)&now, 8 }) == 0)
		memcpy(&uc->uc_sigmask, &now, sizeof now);
	return r;
}

/* clone3's argument, as far as the trap reads it (CLONE_ARGS_SIZE_VER0). */
struct lx_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls;
};

/*
 * clone and clone3. A child with a stack of its own (a thread, or
 * posix_spawn's child) starts at the guest's next instruction with the
 * guest's registers (shim_trap_clone), and with the guest's thread
 * pointer: without CLONE_SETTLS it would inherit the shim's, which %fs
 * holds while the trap runs. A child without a stack of its own returns
 * through the trap like the parent; if it shared the parent's memory
 * (vfork) it would return over the parent's signal frame, so it gets a
 * copy (fork) instead: a vfork child only execs or exits.
 */
static long sys_clone(long nr, greg_t *g, long *a, unsigned long guest_fs)
{
	struct lx_clone_args ca;
	greg_t rdi = g[REG_RDI], r8 = g[REG_R8];
	unsigned long flags, sp;
	long r;

	if (nr == LX_SYS_clone3) {
		if ((unsigned long)a[1] < sizeof ca)
			return shim_syscall(nr, a);
		memcpy(&ca, (const void *)a[0], sizeof ca);
		flags = ca.flags;
		sp = ca.stack ? ca.stack + ca.stack_size : 0;
	} else {
		flags = (unsigned long)a[0];
		sp = (unsigned long)a[1];
	}
	if (!sp) {
		if (flags & LX_CLONE_VM) {
			flags &= ~(LX_CLONE_VM | LX_CLONE_VFORK);
			if (nr == LX_SYS_clone3) {
				ca.flags = flags;
				a[0] = (long)&ca;
			} else {
				a[0] = (long)flags;
			}
		}
		return shim_syscall(nr, a);
	}
	if (!(flags & LX_CLONE_SETTLS)) {
		if (nr == LX_SYS_clone3) {
			ca.flags = flags | LX_CLONE_SETTLS;
			ca.tls = guest_fs;
			g[REG_RDI] = (greg_t)&ca;
		} else {
			g[REG_RDI] = (greg_t)(flags | LX_CLONE_SETTLS);
			g[REG_R8] = (greg_t)guest_fs;
		}
	}
	r = shim_trap_clone(nr, g, sp);
	g[REG_RDI] = rdi;
	g[REG_R8] = r8;
	return r;
}

void shim_sigsys(int sig, siginfo_t *info, void *uctx,
	unsigned long *guest_fs)
{
	ucontext_t *uc = uctx;
	greg_t *g = uc->uc_mcontext.gregs;
	long nr = info->si_syscall, ret;
	long a[6] = { g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10],
		g[REG_R8], g[REG_R9] };
	int saved = errno;

	(void)sig;
	if (info->si_code != SYS_USER_DISPATCH)
		return;		/* a SIGSYS of another cause: nothing to serve */
	switch (nr) {
	case LX_SYS_arch_prctl:
		if (a[0] == LX_ARCH_SET_FS) {
			*guest_fs = (unsigned long)a[1];
			ret = 0;
		} else if (a[0] == LX_ARCH_GET_FS) {
			*(unsigned long *)a[1] = *guest_fs;
			ret = 0;
		} else {
			ret = shim_syscall(nr, a);
		}
		break;
	case LX_SYS_rt_sigaction:
		ret = sys_rt_sigaction(a[0], (const void *)a[1], (void *)a[2],
			a[3]);
		break;
	case LX_SYS_rt_sigprocmask:
		ret = sys_rt_sigprocmask(a[0], (const void *)a[1],
			(void *)a[2], a[3], uc);
		break;
	case LX_SYS_clone:
	case LX_SYS_clone3:
		ret = sys_clone(nr, g, a, *guest_fs);
		break;
	case LX_SYS_vfork:
		ret = shim_syscall(LX_SYS_fork, a);
		break;
	case LX_SYS_rt_sigreturn:
		/* The guest's restorer ran (a handler installed before the
		 * trap was armed): return from its frame from here. */
		g[REG_RIP] = (greg_t)shim_trap_restorer;
		errno = saved;
		return;
	default:
		ret = shim_syscall(nr, a);
	}
	g[REG_RAX] = ret;
	errno = saved;
}

/* The shim's image: the range from which system calls stay allowed. */
extern const char __ehdr_start[], _end[];

int shim_trap_arm(void)
{
	struct sigaction sa;
	unsigned long tp;

	if (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE_BIT)
		shim_trap_fsgsbase = 1;
	if (shim_syscall_trap(LX_SYS_arch_prctl,
	    (long[6]){ LX_ARCH_GET_FS, (long)&tp }) != 0)
		return -1;
	shim_trap_tp = tp;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = shim_sigsys_entry;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) < 0)
		return -1;
	if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
	    (unsigned long)__ehdr_start,
	    (unsigned long)(_end - __ehdr_start), &dispatch_switch) < 0)
		return -1;
	return 0;
}
