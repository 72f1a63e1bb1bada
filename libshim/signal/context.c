/*
 * makecontext for glibc's ucontext_t, and the C side of
 * context-x86_64.S (errno on failure, the end of a context with no
 * successor).  musl has no ucontext functions.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "lx/context.h"

void lx_context_trampoline(void) __attribute__((visibility("hidden")));
int lx_context_fail(long negerr) __attribute__((visibility("hidden")));
_Noreturn void lx_context_exit(int status)
    __attribute__((visibility("hidden")));

/* A failed system call in the assembly: -errno in, -1 out. */
int
lx_context_fail(long negerr)
{
	errno = (int)-negerr;
	return -1;
}

/* A context function returned and uc_link was NULL (or unusable). */
_Noreturn void
lx_context_exit(int status)
{
	exit(status);
}

/*
 * Makes UCP (filled by getcontext, with uc_stack and uc_link set) run
 * FN(args...) on its stack.  The first six arguments go in registers,
 * the rest on the new stack as the ABI lays them out; FN returns into
 * lx_context_trampoline, which continues with uc_link as saved now:
 *
 *	sp -> trampoline | arg 7 | ... | arg N | uc_link    (sp % 16 == 8)
 */
void
lx_makecontext(struct lx_ucontext *ucp, void (*fn)(void), int argc, ...)
{
	static const int argreg[6] = { LX_REG_RDI, LX_REG_RSI, LX_REG_RDX,
	    LX_REG_RCX, LX_REG_R8, LX_REG_R9 };
	long long *g = ucp->uc_mcontext.gregs;
	uintptr_t top = (uintptr_t)ucp->uc_stack.ss_sp + ucp->uc_stack.ss_size;
	int i, nstack = argc > 6 ? argc - 6 : 0;
	uintptr_t sp = ((top - 8 * (uintptr_t)(nstack + 2)) & ~(uintptr_t)15)
	    - 8;
	uint64_t *slot = (uint64_t *)sp;
	va_list ap;

	slot[0] = (uintptr_t)lx_context_trampoline;
	va_start(ap, argc);
	for (i = 0; i < argc; i++) {
		long v = va_arg(ap, long);

		if (i < 6)
			g[argreg[i]] = v;
		else
			slot[1 + i - 6] = (uint64_t)v;
	}
	va_end(ap);
	slot[nstack + 1] = (uintptr_t)ucp->uc_link;
	g[LX_REG_RBX] = (long long)(uintptr_t)&slot[nstack + 1];
	g[LX_REG_RSP] = (long long)sp;
	g[LX_REG_RIP] = (long long)(uintptr_t)fn;
}
