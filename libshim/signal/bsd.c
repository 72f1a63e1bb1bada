/*
 * The 4.2BSD signal-mask calls glibc keeps: sigsetmask, sigblock and
 * siggetmask, whose masks are ints with bit (SIG - 1) for signals 1..32,
 * over sigprocmask.
 */
#include <signal.h>

/* The 4.2BSD masks: bit (SIG - 1) for signals 1..32. */
static int
bsd_mask(int how, int mask)
{
	sigset_t set, old;
	int sig, r = 0;

	sigemptyset(&set);
	for (sig = 1; sig <= 32; sig++)
		if (mask & (1u << (sig - 1)))
			sigaddset(&set, sig);
	if (sigprocmask(how, &set, &old) < 0)
		return -1;
	for (sig = 1; sig <= 32; sig++)
		if (sigismember(&old, sig) == 1)
			r |= (int)(1u << (sig - 1));
	return r;
}

int
lx_sigsetmask(int mask)
{
	return bsd_mask(SIG_SETMASK, mask);
}

int
lx_sigblock(int mask)
{
	return bsd_mask(SIG_BLOCK, mask);
}

int
lx_siggetmask(void)
{
	return bsd_mask(SIG_BLOCK, 0);
}
