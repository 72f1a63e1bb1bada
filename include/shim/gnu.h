/*
 * Internal interface of the GNU-extension part of libshim (fortify, error,
 * getopt, obstack, ...): the shared failure path and the live copies of
 * globals a guest executable may hold by COPY relocation.
 * Compiled against musl only.
 */
#ifndef LX_GNU_H
#define LX_GNU_H

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Prints "*** MSG ***: terminated" to stderr and aborts, as glibc does. */
_Noreturn void lx_gnu_fortify_fail(const char *msg);
/* glibc's __chk_fail: a detected buffer overflow. */
_Noreturn void lx___chk_fail(void);

/* glibc's text for errnum, or NULL when glibc says "Unknown error N". */
const char *lx_gnu_errmsg(int errnum);
/* glibc's errno name ("ENOENT"), NULL if the number has none. */
const char *lx_gnu_errname(int errnum);
/* glibc's strerror text: the message, or "Unknown error N" in BUF. */
const char *lx_gnu_strerror(int errnum, char *buf, size_t len);


/*
 * Calls that take a path go through the personality's own wrapper, which
 * applies the reroot (reroot.c). The lx_ wrappers have the glibc
 * prototypes, identical to the host ones on x86-64.
 */
extern __typeof__(open) lx_open;
extern __typeof__(openat) lx_openat;
extern __typeof__(fopen) lx_fopen;
extern __typeof__(readlink) lx_readlink;
extern __typeof__(readlinkat) lx_readlinkat;
extern __typeof__(realpath) lx_realpath;
#define LX_PATHCALL(name) lx_##name

/* exit(): run the calling thread's thread_local destructors
 * (thread/dtors.c). */
void lx_run_thread_dtors(void);

/* After the host read the time zone (tzset, localtime, mktime, ...): copy
 * its tzname/timezone/daylight into the guest's live copies (time.c). */
void lx_tz_sync(void);

/* At start-up, before the guest runs: the initial stack pointer, which
 * glibc publishes as __libc_stack_end (start/ldso.c). */
void lx_misc_start(void *stack_end);

#endif
