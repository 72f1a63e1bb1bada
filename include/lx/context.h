/*
 * glibc's ucontext_t on x86-64 (getcontext/setcontext/makecontext/
 * swapcontext), with the offsets the assembly in
 * libshim/x86_64/context.S uses.  Compiled against musl and glibc, and
 * included by assembly (the LX_UC_* constants only).
 */
#ifndef LX_CONTEXT_H
#define LX_CONTEXT_H

/* Offsets into glibc's ucontext_t. */
#define LX_UC_LINK	8
#define LX_UC_STACK	16
#define LX_UC_MCONTEXT	40	/* gregs[23] */
#define LX_UC_FPREGS	224	/* struct _libc_fpstate * */
#define LX_UC_SIGMASK	296
#define LX_UC_FPREGS_MEM 424
#define LX_UC_SIZE	968
#define LX_FP_MXCSR	24	/* in struct _libc_fpstate */

/* Indices into gregs[] (REG_*), and their offsets in ucontext_t. */
#define LX_REG_R8	0
#define LX_REG_R9	1
#define LX_REG_R12	4
#define LX_REG_R13	5
#define LX_REG_R14	6
#define LX_REG_R15	7
#define LX_REG_RDI	8
#define LX_REG_RSI	9
#define LX_REG_RBP	10
#define LX_REG_RBX	11
#define LX_REG_RDX	12
#define LX_REG_RCX	14
#define LX_REG_RSP	15
#define LX_REG_RIP	16
#define LX_NGREG	23
#define LX_GREG(r)	(LX_UC_MCONTEXT + 8 * (r))

#ifndef __ASSEMBLER__
#include <stddef.h>

#include "lx/layout.h"
#include "lx/signal.h"

struct lx_stack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
};

struct lx_mcontext {
	long long gregs[LX_NGREG];
	void *fpregs;
	unsigned long long reserved1[8];
};

struct lx_ucontext {
	unsigned long uc_flags;
	struct lx_ucontext *uc_link;
	struct lx_stack uc_stack;
	struct lx_mcontext uc_mcontext;
	lx_sigset_t uc_sigmask;
	unsigned char fpregs_mem[512];	/* struct _libc_fpstate */
	unsigned long long ssp[4];
};
LX_LAYOUT(struct lx_ucontext, LX_UC_SIZE,
	uc_link, LX_UC_LINK,
	uc_stack, LX_UC_STACK,
	uc_mcontext, LX_UC_MCONTEXT,
	uc_mcontext.fpregs, LX_UC_FPREGS,
	uc_sigmask, LX_UC_SIGMASK,
	fpregs_mem, LX_UC_FPREGS_MEM);

int lx_getcontext(struct lx_ucontext *ucp);
int lx_setcontext(const struct lx_ucontext *ucp);
int lx_swapcontext(struct lx_ucontext *oucp, const struct lx_ucontext *ucp);
void lx_makecontext(struct lx_ucontext *ucp, void (*fn)(void), int argc, ...);
#endif

#endif
