/*
 * glibc's signal types on x86-64 Linux (struct sigaction, sigset_t), as a
 * guest passes them, and the personality's signal interface.
 * Compiled against musl and glibc: uses <stddef.h> only.
 */
#ifndef LX_SIGNAL_H
#define LX_SIGNAL_H

#include <pthread.h>
#include <stddef.h>

#include "lx/layout.h"

#define LX_SA_RESTORER	0x04000000
#define LX_SA_RESTART	0x10000000
#define LX_SA_NODEFER	0x40000000
#define LX_SA_RESETHAND	0x80000000
#define LX_SA_SIGINFO	0x00000004

#define LX_SIG_BLOCK	0
#define LX_SIG_UNBLOCK	1
#define LX_SIG_SETMASK	2

typedef void (*lx_sighandler_t)(int);
#define LX_SIG_ERR	((lx_sighandler_t)-1)
#define LX_SIG_DFL	((lx_sighandler_t)0)
#define LX_SIG_IGN	((lx_sighandler_t)1)
#define LX_SIG_HOLD	((lx_sighandler_t)2)

/* glibc's sigset_t: 1024 bits, of which the kernel uses the first 64. */
typedef struct {
	unsigned long val[1024 / (8 * sizeof(unsigned long))];
} lx_sigset_t;
_Static_assert(sizeof(lx_sigset_t) == 128, "glibc sigset_t");

/*
 * The words of a set glibc hands the kernel (_NSIG / 8 = 8 bytes): all
 * it reads of a mask it is given, all the kernel writes of an old mask.
 */
#define LX_KERNEL_SIGSET_WORDS	1

struct lx_sigaction {
	union {
		lx_sighandler_t handler;
		void (*action)(int, void *, void *);
	} u;
	lx_sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
LX_LAYOUT(struct lx_sigaction, 152,
	sa_mask, 8,
	sa_flags, 136,
	sa_restorer, 144);

/* Whether the shim keeps SIG for itself (a guest may not handle it). */
int lx_signal_is_reserved(int sig);
/* From now on SIG is the shim's (signal/signal.c). */
void lx_signal_reserve(int sig);

int lx_sigaction(int sig, const struct lx_sigaction *act,
    struct lx_sigaction *oact);
lx_sighandler_t lx_signal(int sig, lx_sighandler_t handler);
lx_sighandler_t lx___sysv_signal(int sig, lx_sighandler_t handler);
lx_sighandler_t lx_sigset(int sig, lx_sighandler_t disp);
int lx_sigprocmask(int how, const lx_sigset_t *set, lx_sigset_t *oset);
int lx_pthread_sigmask(int how, const lx_sigset_t *set, lx_sigset_t *oset);
int lx_pthread_kill(pthread_t t, int sig);

#endif
