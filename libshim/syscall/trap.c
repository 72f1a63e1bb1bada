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
 *     rt_sigreturn would trap); SIGSYS stays the shim's (the guest's
 *     action for it is only recorded), and is never blocked while a guest
 *     handler runs;
 *   - rt_sigprocmask: SIGSYS is never blocked (a blocked SIGSYS would
 *     kill the process at the next trapped call);
 *   - rt_sigreturn made by the guest's own code: resumes at the shim's
 *     restorer, at the guest's frame;
 *   - sigaltstack: SIGSYS is delivered on an alternate stack, because a
 *     guest's own stacks may be too small for the signal frame and the
 *     handler (Go's goroutine stacks start at a few KiB). Each armed
 *     thread has one of the shim's (TRAP_ALT_SIZE); a guest's sigaltstack
 *     is emulated from the guest's view and its stack installed in the
 *     kernel in place of the shim's (through the frame's uc_stack, which
 *     rt_sigreturn restores), so the guest's handlers find it as on Linux.
 * The dispatch is per thread, and neither fork nor clone passes it on:
 * the trap arms the child of a fork itself, and makes each thread a guest
 * clones with the host's pthread_create, so that the thread has a shim
 * thread pointer of its own (struct trap_thread, found by thread ID),
 * then arms it and starts the guest's code on the guest's stack. A vfork
 * child on a stack of its own (posix_spawn's) arms itself on that stack,
 * with an alternate stack of its own, and the parent forgets it when the
 * kernel resumes it. Other clones with a stack of their own and the
 * parent's memory, but neither a thread nor a vfork, run unarmed.
 * A site that keeps trapping is patched to enter the shim without a
 * signal (patch.c; shim_patch_note, from the calls served here with
 * shim_syscall alone). A call the kernel serves as it is (shim_trap_way)
 * is made by shim_sigsys_entry itself, on the guest's %fs, without coming
 * here, when patching is off or other threads run (there the entry
 * counts the site itself: shim_patch_due).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#include "lx/signal.h"
#include "shim/libshim.h"
#include "shim/syscall.h"
#include "patch.h"

#define LX_SYS_rt_sigaction	13
#define LX_SYS_rt_sigprocmask	14
#define LX_SYS_rt_sigreturn	15
#define LX_SYS_arch_prctl	158
#define LX_SYS_clone		56
#define LX_SYS_fork		57
#define LX_SYS_vfork		58
#define LX_SYS_clone3		435
#define LX_SYS_exit		60
#define LX_SYS_rseq		334
#define LX_RSEQ_UNREGISTER	1
#define LX_SYS_gettid		186
#define LX_SYS_futex		202
#define LX_FUTEX_WAIT		0
#define LX_FUTEX_WAKE		1
#define LX_CLONE_VM		0x00000100UL
#define LX_CLONE_THREAD		0x00010000UL
#define LX_CLONE_PARENT_SETTID	0x00100000UL
#define LX_CLONE_CHILD_CLEARTID	0x00200000UL
#define LX_CLONE_CHILD_SETTID	0x01000000UL
#define LX_CLONE_VFORK		0x00004000UL
#define LX_CLONE_SETTLS		0x00080000UL
#define LX_ARCH_SET_FS		0x1002
#define LX_ARCH_GET_FS		0x1003
#define LX_NSIG			64
#define LX_SYS_sigaltstack	131
#define LX_MINSIGSTKSZ		2048
#define LX_SS_AUTODISARM	(1U << 31)
#define HWCAP2_FSGSBASE_BIT	0x2

/* Read by shim_sigsys_entry and shim_trap_sighandler (x86_64/sigsys.S). */
unsigned char shim_trap_fsgsbase;	/* rdfsbase/wrfsbase allowed */
unsigned long shim_trap_handlers[LX_NSIG + 1];	/* the guest's handlers */

/* An armed thread, as x86_64/sigsys.S reads it (keep the offsets). */
struct trap_thread {
	int tid;			/* 0: free slot; -1: was used */
	unsigned long shim_tp;		/* at 8: the shim's thread pointer */
	unsigned long guest_fs;		/* at 16: the guest's, saved */
	/* A thread the trap made: where its own stack is free, and the
	 * guest's CLONE_CHILD_CLEARTID word (NULL: none). */
	unsigned long shim_stack;
	int *clear_tid;
	/* The guest's rseq registration (area, length, signature). */
	long rseq[3];
	/* The guest's alternate signal stack, as it set it (ss_flags
	 * SS_DISABLE: none), and the shim's own, installed while the guest
	 * has none (NULL: not allocated). */
	stack_t guest_ss;
	void *alt;
};
_Static_assert(offsetof(struct trap_thread, shim_tp) == 8, "sigsys.S");
_Static_assert(offsetof(struct trap_thread, guest_fs) == 16, "sigsys.S");
_Static_assert(offsetof(struct trap_thread, alt) == 88, "sigsys.S");

/* By thread ID, open addressing. */
#define TRAP_SLOTS 1024
static struct trap_thread trap_threads[TRAP_SLOTS];
static struct trap_thread *trap_main;	/* the thread that started */
static pthread_mutex_t trap_lock = PTHREAD_MUTEX_INITIALIZER;
/*
 * Read by x86_64/sigsys.S: the armed threads, and by call number the way
 * a call is served: TRAP_WAY_KERNEL, the kernel's call as it is
 * (shim_syscall_direct and trap_plain), which shim_sigsys_entry and a
 * patched site make themselves; TRAP_WAY_SHIM, shim_syscall alone
 * (trap_plain), which a patched site reaches through shim_patch_entry;
 * TRAP_WAY_TRAP, the trap's own (shim_sigsys, with the signal frame).
 */
enum { TRAP_WAY_KERNEL, TRAP_WAY_SHIM, TRAP_WAY_TRAP };
int shim_trap_live;
unsigned char shim_trap_way[1024];
_Static_assert(offsetof(ucontext_t, uc_mcontext.gregs) == 40, "sigsys.S");
_Static_assert(offsetof(siginfo_t, si_syscall) == 24, "sigsys.S");

struct trap_thread *shim_trap_known(int tid);
struct trap_thread *shim_trap_self(int tid);

void shim_sigsys_entry(int sig, siginfo_t *info, void *uctx);
void shim_trap_sighandler(int sig, siginfo_t *info, void *uctx);
void shim_trap_restorer(void);
long shim_trap_clone(long nr, greg_t *g, unsigned long child_sp);
long shim_trap_vfork(long nr, const long args[6], void (*fn)(void *),
	void *arg);
__attribute__((noreturn)) void shim_trap_enter(const greg_t *g,
	unsigned long sp, unsigned long fs);
__attribute__((noreturn)) void shim_trap_on_stack(unsigned long sp,
	void (*fn)(void *), void *arg);
void shim_sigsys(int sig, siginfo_t *info, void *uctx,
	unsigned long *guest_fs);

/* The dispatch's switch: always "block", the allowed range does the rest. */
static volatile char dispatch_switch = SYSCALL_DISPATCH_FILTER_BLOCK;

/* The shim's image: the range from which system calls stay allowed. */
extern const char __ehdr_start[], _end[];

static int arm_thread(void)
{
	return prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
		(unsigned long)__ehdr_start,
		(unsigned long)(_end - __ehdr_start), &dispatch_switch);
}

static long sys(long nr, long a0, long a1, long a2, long a3)
{
	return shim_syscall_trap(nr, (long[6]){ a0, a1, a2, a3 });
}

/*
 * Alternate signal stacks. SIGSYS is taken on the alternate stack
 * (SA_ONSTACK), and a thread always has one: the guest's when it set one,
 * the shim's otherwise. Without it the SIGSYS frame and the shim's
 * handler would be pushed on whatever stack the guest's code runs on,
 * and a runtime's small stacks (Go's goroutines start at a few KiB)
 * overflow into their neighbours. The kernel's stack is installed with
 * SS_AUTODISARM: inside a handler the thread has none, so the signal
 * frame's uc_stack, restored by rt_sigreturn, is the one that counts,
 * and sigaltstack is emulated from the guest's own view (sys_sigaltstack).
 */
#define TRAP_ALT_SIZE (64 * 1024)
_Static_assert(TRAP_ALT_SIZE == 65536, "sigsys.S: ALT_SIZE");

/* The stack the kernel should hold for T: the guest's or the shim's. */
static stack_t alt_for(const struct trap_thread *t)
{
	stack_t ss = t->guest_ss;

	if (ss.ss_flags & SS_DISABLE)
		ss = (stack_t){ .ss_sp = t->alt, .ss_size = TRAP_ALT_SIZE };
	ss.ss_flags = (int)LX_SS_AUTODISARM;
	return ss;
}

/* Gives the calling thread (T) its alternate stack; 0 or -1. */
static int alt_install(struct trap_thread *t)
{
	stack_t ss;

	if (!t->alt) {
		t->alt = mmap(NULL, TRAP_ALT_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (t->alt == MAP_FAILED) {
			t->alt = NULL;
			return -1;
		}
	}
	ss = alt_for(t);
	return (int)sys(LX_SYS_sigaltstack, (long)&ss, 0, 0, 0);
}

/*
 * sigaltstack as the guest sees it: its own stack or none, "on it" when
 * its stack pointer is inside, EPERM for a change made there. The new
 * stack takes effect when the trap returns (rt_sigreturn installs the
 * frame's uc_stack).
 */
static long sys_sigaltstack(struct trap_thread *t, const stack_t *ss,
	stack_t *old, ucontext_t *uc)
{
	unsigned long sp = (unsigned long)uc->uc_mcontext.gregs[REG_RSP];
	const stack_t *g = &t->guest_ss;
	bool on = !(g->ss_flags & SS_DISABLE) &&
		sp - (unsigned long)g->ss_sp < g->ss_size;

	if (old) {
		*old = *g;
		if (on)
			old->ss_flags = SS_ONSTACK |
				(g->ss_flags & (int)LX_SS_AUTODISARM);
	}
	if (!ss)
		return 0;
	if (on)
		return -EPERM;
	switch (ss->ss_flags & ~(int)LX_SS_AUTODISARM) {
	case 0:
	case SS_ONSTACK:
		if (ss->ss_size < LX_MINSIGSTKSZ)
			return -ENOMEM;
		t->guest_ss = *ss;
		t->guest_ss.ss_flags &= (int)LX_SS_AUTODISARM;
		break;
	case SS_DISABLE:
		t->guest_ss = (stack_t){ .ss_flags = SS_DISABLE };
		break;
	default:
		return -EINVAL;
	}
	uc->uc_stack = alt_for(t);
	return 0;
}

/*
 * The calling thread's entry, from sigsys.S before %fs is the shim's: no
 * thread-local state, no stack protector (its canary is at %fs).
 * shim_trap_known: the record of thread TID, or NULL for a thread the
 * trap does not know (a clone it left unarmed, which may run a patched
 * site too). shim_trap_self: the same, but a thread the trap does not
 * know (none that traps should be) falls back to the first.
 */
__attribute__((no_stack_protector))
struct trap_thread *shim_trap_known(int tid)
{
	for (unsigned i = 0, h = (unsigned)tid; i < TRAP_SLOTS; i++, h++) {
		struct trap_thread *t = &trap_threads[h % TRAP_SLOTS];
		int k = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);

		if (k == tid)
			return t;
		if (k == 0)
			break;
	}
	return NULL;
}

__attribute__((no_stack_protector))
struct trap_thread *shim_trap_self(int tid)
{
	struct trap_thread *t = shim_trap_known(tid);

	return t ? t : trap_main;
}

static struct trap_thread *trap_add(int tid, unsigned long tp,
	unsigned long fs)
{
	struct trap_thread *found = NULL;

	pthread_mutex_lock(&trap_lock);
	for (unsigned i = 0, h = (unsigned)tid; i < TRAP_SLOTS; i++, h++) {
		struct trap_thread *t = &trap_threads[h % TRAP_SLOTS];

		if (t->tid <= 0) {
			t->shim_tp = tp;
			t->guest_fs = fs;
			t->guest_ss = (stack_t){ .ss_flags = SS_DISABLE };
			t->alt = NULL;
			__atomic_add_fetch(&shim_trap_live, 1, __ATOMIC_RELAXED);
			__atomic_store_n(&t->tid, tid, __ATOMIC_RELEASE);
			found = t;
			break;
		}
	}
	pthread_mutex_unlock(&trap_lock);
	return found;
}

/* T's slot free again, and one armed thread fewer (trap_add's undo). */
static void trap_remove(struct trap_thread *t)
{
	__atomic_sub_fetch(&shim_trap_live, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&t->tid, -1, __ATOMIC_RELEASE);
}

/* The kernel's struct sigaction (rt_sigaction's), not the host's. */
struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	uint64_t mask;
};

/* The guest's action for SIGSYS, which stays the shim's. */
static struct k_sigaction guest_sigsys;

/* What the guest set as each signal's restorer, to report it back. */
static unsigned long guest_restorer[LX_NSIG + 1];

#define SIGSYS_BIT (1ULL << (SIGSYS - 1))

static long sys_rt_sigaction(long sig, const struct k_sigaction *act,
	struct k_sigaction *old, long size)
{
	struct k_sigaction k;
	unsigned long prev;
	long r;

	if (sig == SIGSYS) {
		/* The shim's. Runtimes that set every signal's action
		 * (Go's) take a refusal as fatal: the guest's action is
		 * kept and reported back, and never installed. */
		if (size != 8)
			return -EINVAL;
		if (old)
			*old = guest_sigsys;
		if (act)
			guest_sigsys = *act;
		return 0;
	}
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
static long sys_rt_sigprocmask(long *a, ucontext_t *uc)
{
	uint64_t now;
	long r = shim_syscall(LX_SYS_rt_sigprocmask, a);	/* keeps SIGSYS out */

	if (r == 0 && a[1] && shim_syscall_trap(LX_SYS_rt_sigprocmask,
	    (long[6]){ SIG_BLOCK, 0, (long)&now, 8 }) == 0)
		memcpy(&uc->uc_sigmask, &now, sizeof now);
	return r;
}

/* clone3's argument, as large as the guest's may be read here (Linux
 * 6.x's is 88 bytes; a larger one is taken if its tail is zero). */
struct lx_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls;
	uint64_t later[24];
};
#define LX_CLONE_ARGS_SIZE_VER0	64
#define LX_E2BIG		7

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
/* In the child of a fork: the dispatch is armed again, and this thread,
 * the only one, is the only one the trap knows, by its new ID. */
static void fork_child(struct trap_thread *self)
{
	struct trap_thread keep = *self;

	memset(trap_threads, 0, sizeof trap_threads);
	shim_trap_live = 0;
	pthread_mutex_init(&trap_lock, NULL);
	/* The old slot stays readable: sigsys.S restores %fs from it. */
	self->shim_tp = keep.shim_tp;
	self->guest_fs = keep.guest_fs;
	trap_main = trap_add((int)sys(LX_SYS_gettid, 0, 0, 0, 0),
		keep.shim_tp, keep.guest_fs);
	if (trap_main) {
		/* The only thread now, whichever it was: it ends the
		 * process's way, but its rseq registration is inherited. */
		memcpy(trap_main->rseq, keep.rseq, sizeof keep.rseq);
		trap_main->guest_ss = keep.guest_ss;
		trap_main->alt = keep.alt;	/* the copy of the parent's */
	}
	arm_thread();
}

/* What a thread the trap makes needs to start the guest's. */
struct thread_start {
	greg_t g[NGREG];
	unsigned long sp, fs, flags;
	int *ptid, *ctid;
	int tid;		/* the parent waits for it to be set */
};

static void *thread_main(void *arg)
{
	struct thread_start *p = arg, ts = *p;
	int tid = (int)sys(LX_SYS_gettid, 0, 0, 0, 0);
	struct trap_thread *self;
	unsigned long tp;

	sys(LX_SYS_arch_prctl, LX_ARCH_GET_FS, (long)&tp, 0, 0);
	self = trap_add(tid, tp, ts.fs);
	if (!self) {
		p->tid = -EAGAIN;
		sys(LX_SYS_futex, (long)&p->tid, LX_FUTEX_WAKE, 1, 0);
		return NULL;
	}
	/* Below this frame the thread's own stack is free from now on. */
	self->shim_stack = ((unsigned long)&ts - 512) & ~15UL;
	if (alt_install(self) != 0) {
		trap_remove(self);
		p->tid = -EAGAIN;
		sys(LX_SYS_futex, (long)&p->tid, LX_FUTEX_WAKE, 1, 0);
		return NULL;
	}
	self->clear_tid = ts.flags & LX_CLONE_CHILD_CLEARTID ? ts.ctid : NULL;
	if (ts.flags & LX_CLONE_PARENT_SETTID)
		*ts.ptid = tid;
	if (ts.flags & LX_CLONE_CHILD_SETTID)
		*ts.ctid = tid;
	arm_thread();
	__atomic_store_n(&p->tid, tid, __ATOMIC_RELEASE);
	sys(LX_SYS_futex, (long)&p->tid, LX_FUTEX_WAKE, 1, 0);
	shim_trap_enter(ts.g, ts.sp, ts.fs);
}

/*
 * A guest thread: a host thread (a shim thread pointer of its own, a
 * small stack the shim only uses to start it) that arms itself and runs
 * the guest's code on the guest's stack, with the guest's thread pointer,
 * from the instruction after the guest's clone. Its thread ID is the
 * result, as clone's.
 */
static long spawn_thread(greg_t *g, unsigned long sp, unsigned long fs,
	unsigned long flags, int *ptid, int *ctid)
{
	struct thread_start ts;
	pthread_attr_t at;
	pthread_t t;
	int r, tid;

	memcpy(ts.g, g, sizeof ts.g);
	ts.sp = sp;
	ts.fs = fs;
	ts.flags = flags;
	ts.ptid = ptid;
	ts.ctid = ctid;
	ts.tid = 0;
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 64 * 1024);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	r = pthread_create(&t, &at, thread_main, &ts);
	pthread_attr_destroy(&at);
	if (r)
		return -r;
	while ((tid = __atomic_load_n(&ts.tid, __ATOMIC_ACQUIRE)) == 0)
		sys(LX_SYS_futex, (long)&ts.tid, LX_FUTEX_WAIT, 0, 0);
	return tid;
}

/*
 * The end of a thread the trap made, on its own stack: the guest may free
 * its stack as soon as its join sees the thread gone. The guest's
 * CLONE_CHILD_CLEARTID is done here (the kernel's word at the thread's
 * death is the host's: its thread list lock), then the host's thread
 * ends.
 */
static void thread_end(void *arg)
{
	struct trap_thread *self = arg;
	int *word = self->clear_tid;

	/* The kernel writes the rseq area until the thread is gone, and the
	 * guest frees it once the join returns. */
	if (self->rseq[0])
		sys(LX_SYS_rseq, self->rseq[0], self->rseq[1],
			LX_RSEQ_UNREGISTER, self->rseq[2]);
	/* Off the alternate stack now (this runs on the thread's own),
	 * and the kernel's is disarmed while the trap's handler runs. */
	if (self->alt)
		munmap(self->alt, TRAP_ALT_SIZE);
	trap_remove(self);
	if (word) {
		__atomic_store_n(word, 0, __ATOMIC_RELEASE);
		sys(LX_SYS_futex, (long)word, LX_FUTEX_WAKE, 1, 0);
	}
	pthread_exit(NULL);
}

/*
 * A vfork child on a stack of its own (CLONE_VM | CLONE_VFORK, the way
 * posix_spawn, system and popen start a program): its file actions and
 * its exec must be trapped like the parent's calls, or the new program
 * would run outside the exec rule and the prefix. The parent is stopped
 * until the child execs or exits, so the child borrows the parent's shim
 * thread pointer, and takes its own record and alternate stack (the
 * parent's holds the parent's live SIGSYS frame). Linux lets a vfork
 * child inherit the guest's sigaltstack; here the child starts with none,
 * which only a child that takes a signal on it before its exec could
 * tell. The child's rt_sigaction calls (posix_spawn resets the handled
 * signals to SIG_DFL) change its own kernel actions; of the trap's shared
 * view they touch the restorer recorded per signal, which a libc sets to
 * the same function every time, and the SIGSYS action the guest asked
 * for, which a spawn resets only if the guest handles SIGSYS itself.
 */
struct vfork_start {
	greg_t g[NGREG];
	unsigned long sp, fs, shim_tp;
	void *alt;
	struct trap_thread *self;	/* the child's record, once armed */
};

static void vfork_main(void *arg)
{
	struct vfork_start *v = arg;
	struct trap_thread *self;

	self = trap_add((int)sys(LX_SYS_gettid, 0, 0, 0, 0), v->shim_tp,
		v->fs);
	if (self) {
		self->alt = v->alt;
		if (alt_install(self) == 0 && arm_thread() == 0) {
			v->self = self;
		} else {
			self->alt = NULL;
			trap_remove(self);
		}
	}
	shim_trap_enter(v->g, v->sp, v->fs);
}

static long spawn_vfork(long nr, greg_t *g, long *a,
	struct lx_clone_args *ca, unsigned long sp, unsigned long fs,
	struct trap_thread *parent)
{
	struct vfork_start v = { .sp = sp, .fs = fs,
		.shim_tp = parent->shim_tp };
	long r;

	memcpy(v.g, g, sizeof v.g);
	v.alt = mmap(NULL, TRAP_ALT_SIZE, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (v.alt == MAP_FAILED)
		return -ENOMEM;
	/* The child starts on the shim's thread pointer; the guest's is
	 * FS, which it gets when it enters the guest's code. */
	if (nr == LX_SYS_clone3) {
		ca->flags |= LX_CLONE_SETTLS;
		ca->tls = parent->shim_tp;
		a[0] = (long)ca;
	} else {
		a[0] |= (long)LX_CLONE_SETTLS;
		a[4] = (long)parent->shim_tp;
	}
	r = shim_trap_vfork(nr, a, vfork_main, &v);
	/* The child has exec'd or exited: its record and stack are free. */
	if (v.self)
		trap_remove(v.self);
	munmap(v.alt, TRAP_ALT_SIZE);
	return r;
}

static long sys_clone(long nr, greg_t *g, long *a, unsigned long guest_fs,
	struct trap_thread *self)
{
	struct lx_clone_args ca;
	greg_t rdi = g[REG_RDI], rsi = g[REG_RSI], r8 = g[REG_R8];
	unsigned long flags, sp, fs;
	long r;

	if (nr == LX_SYS_clone3) {
		size_t size = (unsigned long)a[1];

		if (size < LX_CLONE_ARGS_SIZE_VER0 || size > 4096)
			return shim_syscall(nr, a);
		if (size > sizeof ca) {
			for (size_t i = sizeof ca; i < size; i++)
				if (((const unsigned char *)a[0])[i])
					return -LX_E2BIG;
			size = sizeof ca;
		}
		/* The kernel reads the copy, as long as the guest's. */
		memset(&ca, 0, sizeof ca);
		memcpy(&ca, (const void *)a[0], size);
		a[1] = (long)size;
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
		r = shim_syscall(nr, a);
		if (r == 0)
			fork_child(self);
		return r;
	}
	/* The child's thread pointer, as the guest sees it. */
	fs = flags & LX_CLONE_SETTLS ?
		(nr == LX_SYS_clone3 ? ca.tls : (unsigned long)a[4]) : guest_fs;
	if ((flags & (LX_CLONE_VM | LX_CLONE_THREAD)) ==
	    (LX_CLONE_VM | LX_CLONE_THREAD)) {
		if (nr == LX_SYS_clone3)
			return spawn_thread(g, sp, fs, flags,
				(int *)ca.parent_tid, (int *)ca.child_tid);
		return spawn_thread(g, sp, fs, flags, (int *)a[2],
			(int *)a[3]);
	}
	if ((flags & (LX_CLONE_VM | LX_CLONE_VFORK | LX_CLONE_THREAD)) ==
	    (LX_CLONE_VM | LX_CLONE_VFORK))
		return spawn_vfork(nr, g, a, &ca, sp, fs, self);
	if (!(flags & LX_CLONE_SETTLS)) {
		if (nr == LX_SYS_clone3) {
			ca.flags = flags | LX_CLONE_SETTLS;
			ca.tls = guest_fs;
			g[REG_RDI] = (greg_t)&ca;
			g[REG_RSI] = (greg_t)a[1];
		} else {
			g[REG_RDI] = (greg_t)(flags | LX_CLONE_SETTLS);
			g[REG_R8] = (greg_t)guest_fs;
		}
	}
	r = shim_trap_clone(nr, g, sp);
	g[REG_RDI] = rdi;
	g[REG_RSI] = rsi;
	g[REG_R8] = r8;
	return r;
}

/*
 * Whether shim_sigsys serves call NR with shim_syscall alone, not with
 * the signal frame (the +ctx calls) or the thread's record (fork, exit,
 * rseq): the calls a site may be patched for, and the SIGSYS entry may
 * make itself.
 */
static bool trap_plain(long nr)
{
	return nr != LX_SYS_fork && nr != LX_SYS_exit && nr != LX_SYS_rseq &&
		!shim_syscall_needs_context(nr);
}

void shim_sigsys(int sig, siginfo_t *info, void *uctx,
	unsigned long *guest_fs)
{
	ucontext_t *uc = uctx;
	greg_t *g = uc->uc_mcontext.gregs;
	struct trap_thread *self = (struct trap_thread *)((char *)guest_fs -
		offsetof(struct trap_thread, guest_fs));
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
		ret = sys_rt_sigprocmask(a, uc);
		break;
	case LX_SYS_sigaltstack:
		ret = sys_sigaltstack(self, (const stack_t *)a[0],
			(stack_t *)a[1], uc);
		break;
	case LX_SYS_clone:
	case LX_SYS_clone3:
		ret = sys_clone(nr, g, a, *guest_fs, self);
		break;
	case LX_SYS_vfork:
		ret = shim_syscall(LX_SYS_fork, a);
		if (ret == 0)
			fork_child(self);
		break;
	case LX_SYS_rseq:
		ret = shim_syscall(nr, a);
		if (ret == 0)
			memcpy(self->rseq, a[2] & LX_RSEQ_UNREGISTER ?
				(long[3]){ 0 } : (long[3]){ a[0], a[1], a[3] },
				sizeof self->rseq);
		break;
	case LX_SYS_exit:
		if (self != trap_main && self->shim_stack)
			shim_trap_on_stack(self->shim_stack, thread_end, self);
		ret = shim_syscall(nr, a);
		break;
	case LX_SYS_rt_sigreturn:
		/* The guest's restorer ran (a handler installed before the
		 * trap was armed): return from its frame from here. */
		g[REG_RIP] = (greg_t)shim_trap_restorer;
		errno = saved;
		return;
	default:
		ret = shim_syscall(nr, a);
		if (trap_plain(nr))
			shim_patch_note((unsigned long)g[REG_RIP], nr,
				__atomic_load_n(&shim_trap_live,
				__ATOMIC_RELAXED) == 1);
	}
	g[REG_RAX] = ret;
	errno = saved;
}

int shim_trap_arm(void)
{
	struct sigaction sa;
	unsigned long tp;

	if (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE_BIT)
		shim_trap_fsgsbase = 1;
	shim_patch_init();
	for (long nr = 0; nr < (long)sizeof shim_trap_way; nr++)
		shim_trap_way[nr] = !trap_plain(nr) ? TRAP_WAY_TRAP :
			shim_syscall_direct(nr) ? TRAP_WAY_KERNEL :
			TRAP_WAY_SHIM;
	if (sys(LX_SYS_arch_prctl, LX_ARCH_GET_FS, (long)&tp, 0, 0) != 0)
		return -1;
	trap_main = trap_add((int)sys(LX_SYS_gettid, 0, 0, 0, 0), tp, tp);
	if (!trap_main || alt_install(trap_main) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = shim_sigsys_entry;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) < 0)
		return -1;
	lx_signal_reserve(SIGSYS);
	return arm_thread();
}
