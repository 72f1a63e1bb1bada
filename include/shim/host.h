/*
 * The host boundary: what libshim needs to know about the host C library
 * beyond its public, standard interface. Each contract is stated in
 * glibc/Linux terms; libshim/host/<host>/ keeps it, and is the only place
 * that knows the host's private layouts and symbols. Other rooms include
 * this header and nothing of the host's internals.
 * Compiled against the host's headers only.
 */
#ifndef SHIM_HOST_H
#define SHIM_HOST_H

#include <locale.h>
#include <pthread.h>
#include <signal.h>

#include "lx/signal.h"

/* ---- signal sets and dispositions -------------------------------------- */

/*
 * glibc's sigset_t IN (bit N - 1 of the Linux set for signal N) as the
 * host's set of the same signals in OUT, and back. OUT is cleared first;
 * neither direction filters any signal.
 */
void lx_to_host_sigset(const lx_sigset_t *in, sigset_t *out);
void host_to_lx_sigset(const sigset_t *in, lx_sigset_t *out);

/*
 * The signal-return trampoline SA names (what glibc's sigaction reports
 * back as sa_restorer), or NULL when the host's struct sigaction has none.
 */
void (*host_sigaction_restorer(const struct sigaction *sa))(void);

/* ---- mutexes ------------------------------------------------------------ */

/*
 * A guest's pthread_mutex_t (glibc's 40 bytes) is handed to the host's
 * pthread functions in place. The host promises: its mutex fits in those
 * 40 bytes, all zero is an unlocked default mutex (as in glibc), and it
 * never reads or writes glibc's __kind word (offset 16). So a mutex made
 * by one of glibc's static initializers (PTHREAD_RECURSIVE_MUTEX_
 * INITIALIZER_NP, ...) is, to the host, an unused default mutex, and its
 * kind waits in that word until libshim adopts it.
 */

/*
 * Gives M, a mutex all zero but for glibc's __kind word, the host TYPE
 * (PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_ERRORCHECK, ...), in place.
 * Racing threads agree: the type changes only while M is still untouched,
 * so the first caller sets it and the others change nothing.
 */
void host_mutex_set_initial_type(pthread_mutex_t *m, int type);

/*
 * glibc's rwlock KIND (PTHREAD_RWLOCK_PREFER_*_NP, already checked) kept
 * in A, where the host's rwlock functions neither read nor clobber it.
 */
void host_rwlockattr_set_kind(pthread_rwlockattr_t *a, int kind);

/* ---- locale tables ------------------------------------------------------ */

/*
 * glibc's character-class table for host locale L (its __ctype_b): 384
 * entries, valid from index -128 to 255 around the pointer returned, each
 * with glibc's x86-64 class bits (_ISupper 0x100 ... _ISalnum 0x8).
 * It lives as long as L; it may be shared by every locale.
 */
const unsigned short *host_ctype_b(locale_t l);

/* ---- cleanup records ---------------------------------------------------- */

/*
 * Storage for one record of the host's per-thread cleanup list: four
 * words the caller provides (glibc's cancellation buffer has them) and
 * neither moves nor touches between push and pop.
 */
struct host_cleanup {
	void *opaque[4];
};

/*
 * Pushes REC on the calling thread's list of cleanup handlers, the very
 * list the host's own pthread_cleanup_push uses. When the thread exits
 * (pthread_exit, or a cancellation acted upon) with REC still on it, the
 * host unlinks REC, then calls FN(ARG), latest record first. FN may leave
 * by longjmp into a frame of the exiting thread, which then continues
 * the exit with pthread_exit: the records below REC run next.
 */
void host_cleanup_push(struct host_cleanup *rec, void (*fn)(void *),
	void *arg);

/* Pops REC, the latest record pushed, calling its FN(ARG) if RUN. */
void host_cleanup_pop(struct host_cleanup *rec, int run);

#endif
