/*
 * Signal dispositions and masks as glibc programs set them: sigaction,
 * signal (BSD semantics), sigset (System V semantics), sigprocmask and
 * pthread_sigmask.  glibc's structs are converted field by field to the
 * host's; of a signal mask, only the words glibc hands the kernel are read,
 * and of an old mask only those are written, as the kernel writes them
 * for glibc.  Every request passes lx_signal_is_reserved(), the one place
 * that keeps a signal the shim owns away from the guest.
 */
#include <errno.h>
#include <stdbool.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lx/signal.h"
#include "shim/host.h"

/*
 * The signals the shim owns: SIGSYS once the trap is armed (syscall user
 * dispatch, syscall/trap.c). Guests get EINVAL for them from
 * sigaction/signal/sigset, and cannot block them.
 */
static volatile unsigned long reserved;

void
lx_signal_reserve(int sig)
{
	if (sig >= 1 && sig <= 64)
		__atomic_or_fetch(&reserved, 1UL << (sig - 1), __ATOMIC_RELAXED);
}

int
lx_signal_is_reserved(int sig)
{
	return sig >= 1 && sig <= 64 && (reserved >> (sig - 1) & 1);
}

/*
 * The kernel's words of IN (all glibc reads of a mask) as the host's set,
 * less the signals the shim keeps for itself.
 */
static void
lx_to_host_mask(const lx_sigset_t *in, sigset_t *out)
{
	lx_sigset_t s;
	int i, sig;

	memset(&s, 0, sizeof s);
	for (i = 0; i < LX_KERNEL_SIGSET_WORDS; i++)
		s.val[i] = in->val[i];
	for (sig = 1; sig < 65; sig++)
		if (lx_signal_is_reserved(sig))
			s.val[(sig - 1) / 64] &= ~(1UL << ((sig - 1) % 64));
	lx_to_host_sigset(&s, out);
}

/*
 * The host's mask IN into the kernel's words of OUT, as the kernel fills
 * glibc's old mask: OUT's other words keep what they held.
 */
static void
host_to_lx_mask(const sigset_t *in, lx_sigset_t *out)
{
	lx_sigset_t s;
	int i;

	host_to_lx_sigset(in, &s);
	for (i = 0; i < LX_KERNEL_SIGSET_WORDS; i++)
		out->val[i] = s.val[i];
}

/* The host adds its own restorer, as glibc does: the guest's is ignored. */
static void
lx_to_host_sigaction(const struct lx_sigaction *in, struct sigaction *out)
{
	memset(out, 0, sizeof *out);
	out->sa_handler = in->u.handler;
	lx_to_host_mask(&in->sa_mask, &out->sa_mask);
	out->sa_flags = in->sa_flags & ~LX_SA_RESTORER;
}

/*
 * glibc copies the rest of sa_mask from its own uninitialised stack (the
 * kernel fills 8 bytes of a 128-byte buffer): zeros here.
 */
static void
host_to_lx_sigaction(const struct sigaction *in, struct lx_sigaction *out)
{
	memset(out, 0, sizeof *out);
	out->u.handler = in->sa_handler;
	host_to_lx_mask(&in->sa_mask, &out->sa_mask);
	out->sa_flags = in->sa_flags;
	out->sa_restorer = host_sigaction_restorer(in);
}

int
lx_sigaction(int sig, const struct lx_sigaction *act,
    struct lx_sigaction *oact)
{
	struct sigaction h, oh;

	if (lx_signal_is_reserved(sig)) {
		errno = EINVAL;
		return -1;
	}
	if (act != NULL)
		lx_to_host_sigaction(act, &h);
	if (sigaction(sig, act ? &h : NULL, oact ? &oh : NULL) != 0)
		return -1;
	if (oact != NULL)
		host_to_lx_sigaction(&oh, oact);
	return 0;
}

/* Install HANDLER for SIG with FLAGS, SIG itself blocked if BLOCK_SELF. */
static lx_sighandler_t install(int sig, lx_sighandler_t handler, int flags,
	bool block_self)
{
	struct lx_sigaction sa, osa;

	if (handler == LX_SIG_ERR || sig <= 0 || sig >= 65) {
		errno = EINVAL;
		return LX_SIG_ERR;
	}
	memset(&sa, 0, sizeof sa);
	sa.u.handler = handler;
	if (block_self)
		sa.sa_mask.val[0] = 1UL << (sig - 1);
	sa.sa_flags = flags;
	if (lx_sigaction(sig, &sa, &osa) != 0)
		return LX_SIG_ERR;
	return osa.u.handler;
}

/* glibc's signal() is BSD's: restartable, handler kept, SIG blocked. */
lx_sighandler_t
lx_signal(int sig, lx_sighandler_t handler)
{
	return install(sig, handler, LX_SA_RESTART, true);
}

/*
 * glibc's __sysv_signal (sysv_signal): System V semantics, the handler is
 * reset to SIG_DFL on delivery, SIG not blocked, calls not restarted.
 */
lx_sighandler_t
lx___sysv_signal(int sig, lx_sighandler_t handler)
{
	return install(sig, handler, (int)(LX_SA_RESETHAND | LX_SA_NODEFER),
		false);
}

/*
 * System V sigset(): SIG_HOLD blocks SIG; anything else installs DISP with
 * no flags and unblocks SIG.  Returns SIG_HOLD if SIG was blocked before,
 * else the previous disposition.
 */
lx_sighandler_t
lx_sigset(int sig, lx_sighandler_t disp)
{
	struct lx_sigaction sa, osa;
	lx_sigset_t set, oset;

	if (disp == LX_SIG_ERR || sig <= 0 || sig >= 65) {
		errno = EINVAL;
		return LX_SIG_ERR;
	}
	memset(&set, 0, sizeof set);
	set.val[0] = 1UL << (sig - 1);
	if (disp == LX_SIG_HOLD) {
		if (lx_sigaction(sig, NULL, &osa) != 0 ||
		    lx_sigprocmask(LX_SIG_BLOCK, &set, &oset) != 0)
			return LX_SIG_ERR;
		return oset.val[0] & set.val[0] ? LX_SIG_HOLD :
		    osa.u.handler;
	}
	memset(&sa, 0, sizeof sa);
	sa.u.handler = disp;
	if (lx_sigaction(sig, &sa, &osa) != 0 ||
	    lx_sigprocmask(LX_SIG_UNBLOCK, &set, &oset) != 0)
		return LX_SIG_ERR;
	return oset.val[0] & set.val[0] ? LX_SIG_HOLD : osa.u.handler;
}

int
lx_pthread_sigmask(int how, const lx_sigset_t *set, lx_sigset_t *oset)
{
	sigset_t h, oh;
	int r;

	if (set != NULL)
		lx_to_host_mask(set, &h);
	r = pthread_sigmask(how, set ? &h : NULL, oset ? &oh : NULL);
	if (r == 0 && oset != NULL)
		host_to_lx_mask(&oh, oset);
	return r;
}

int
lx_sigprocmask(int how, const lx_sigset_t *set, lx_sigset_t *oset)
{
	int r = lx_pthread_sigmask(how, set, oset);

	if (r != 0) {
		errno = r;
		return -1;
	}
	return 0;
}

/* glibc's sigpause (the BSD one; the XSI one is __xpg_sigpause): MASK is
 * the mask of signals 1..32, bit SIG - 1, to wait with. */
int
lx_sigpause(int mask)
{
	sigset_t set;

	sigemptyset(&set);
	for (int sig = 1; sig <= 32; sig++)
		if ((unsigned)mask & (1u << (sig - 1)))
			sigaddset(&set, sig);
	return sigsuspend(&set);
}

/*
 * pthread_kill. A signal to the calling thread goes to the kernel
 * directly, as glibc sends it: the host's pthread_kill takes a lock in
 * the target thread, which the child of a fork inherits held when another
 * thread was signalling the forking one at that moment, and would wait
 * for it forever. Other threads are the host's to reach (its lock keeps
 * an exiting thread's id from being reused meanwhile).
 */
int
lx_pthread_kill(pthread_t t, int sig)
{
	if (!pthread_equal(t, pthread_self()))
		return pthread_kill(t, sig);
	if (sig < 0 || sig >= 65)
		return EINVAL;
	if (syscall(SYS_tgkill, getpid(), gettid(), sig) != 0)
		return errno;
	return 0;
}
