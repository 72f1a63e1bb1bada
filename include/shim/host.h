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
#include <stdbool.h>
#include <setjmp.h>
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
 * While the process has one thread: lock, try to lock or unlock M with
 * plain loads and stores, as glibc does then, if M is a default mutex
 * (normal, private, not robust) in the state the call expects. Return 0
 * or EBUSY when done, -1 when the host's function must do it.
 */
int host_mutex_lock_alone(pthread_mutex_t *m);
int host_mutex_trylock_alone(pthread_mutex_t *m);
int host_mutex_unlock_alone(pthread_mutex_t *m);

/* Whether condition variable C is private to the process (not
 * process-shared): with one thread, no one can wait on it. */
bool host_cond_private(const pthread_cond_t *c);

/*
 * glibc's rwlock KIND (PTHREAD_RWLOCK_PREFER_*_NP, already checked) kept
 * in A, where the host's rwlock functions neither read nor clobber it.
 */
void host_rwlockattr_set_kind(pthread_rwlockattr_t *a, int kind);

/*
 * glibc's priority ceiling of mutex attribute A: CEILING (1..255) kept in
 * A where the host's attribute and mutex functions neither read nor
 * clobber it; 0 when none was given. The host's attribute fits glibc's 4
 * bytes (pthread_mutexattr_init and the other attribute functions are
 * the host's).
 */
void host_mutexattr_set_prioceiling(pthread_mutexattr_t *a, int ceiling);
int host_mutexattr_prioceiling(const pthread_mutexattr_t *a);

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

/* ---- setjmp buffers ----------------------------------------------------- */

/*
 * A guest's jmp_buf is the host's (the setjmp family is bound to the
 * host's): it has glibc's 200 bytes, and when the signal mask is not
 * saved, the host's setjmp/__sigsetjmp writes and its longjmp reads only
 * the first 64 (glibc's __jmp_buf), so the head of glibc's cancellation
 * buffer (its __jmp_buf and __mask_was_saved, 72 bytes) holds one.
 */

/* The stack pointer that a longjmp to ENV (set by the host) restores. */
unsigned long host_jmp_buf_sp(jmp_buf env);

/* ---- stdio streams ------------------------------------------------------ */

/*
 * The host's FILE * is handed to guests as glibc's FILE *, whose inline
 * code (getc_unlocked, putc_unlocked, feof_unlocked, ferror_unlocked,
 * at -O2) reads the stream at glibc's offsets. The host promises, for
 * every stream it makes:
 *   - the int at 0 has bit 0x10 set once end-of-file was seen and 0x20
 *     once an error was (glibc's _IO_EOF_SEEN, _IO_ERR_SEEN);
 *   - the pointer at 8 (_IO_read_ptr) is below the one at 16
 *     (_IO_read_end) only when the bytes between are the stream's next
 *     input, which a read takes from the first;
 *   - the pointer at 48 (_IO_write_end) is NULL, so that the inline write
 *     path always falls back to __overflow.
 * libshim reads no stream field itself; its one call:
 */

/*
 * Give F, a stream the host has just opened on a file descriptor (no I/O
 * on it yet), a buffer of SIZE bytes, freed with the stream; the
 * buffering mode is unchanged. 0, or -1 with the stream left as it was
 * (no memory, or F is not in the state described).
 */
int host_stdio_set_buffer(FILE *f, size_t size);

/* ---- the environment and the program's name ---------------------------- */

/*
 * The host's environment vector: what its getenv, setenv, unsetenv,
 * putenv, clearenv and exec functions without an envp read, and what
 * its setenv family replaces when it builds a new vector.
 */
char **host_environ(void);
void host_set_environ(char **env);

/*
 * The program's names in the host's own messages (err, warn, ...): FULL
 * (argv[0]) and SHORT (its last component). The host keeps the pointers.
 */
void host_set_progname(char *full, char *short_name);

#endif
