/*
 * The host boundary on musl, signals: musl's sigset_t is the kernel's
 * set in 128 bytes of unsigned long words, bit N - 1 for signal N, as
 * glibc's is; musl's struct sigaction carries sa_restorer, as the
 * kernel's does.
 */
#include <signal.h>
#include <string.h>

#include "shim/host.h"

_Static_assert(sizeof(sigset_t) == sizeof(lx_sigset_t), "musl sigset_t");

void
lx_to_host_sigset(const lx_sigset_t *in, sigset_t *out)
{
	size_t i;

	sigemptyset(out);
	for (i = 0; i < sizeof in->val / sizeof in->val[0] &&
	    i < sizeof out->__bits / sizeof out->__bits[0]; i++)
		out->__bits[i] = in->val[i];
}

void
host_to_lx_sigset(const sigset_t *in, lx_sigset_t *out)
{
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < sizeof in->__bits / sizeof in->__bits[0] &&
	    i < sizeof out->val / sizeof out->val[0]; i++)
		out->val[i] = in->__bits[i];
}

void
(*host_sigaction_restorer(const struct sigaction *sa))(void)
{
	return sa->sa_restorer;
}
