/*
 * Musl build of misctest: the names the test calls mapped onto libshim's
 * lx_ functions and globals, glibc's types from include/lx.
 */
#ifndef MISCTEST_SHIM_H
#define MISCTEST_SHIM_H

#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>

#include "lx/context.h"
#include "lx/misc.h"

typedef struct lx_ucontext uctx_t;
typedef struct lx_res_state resst_t;
#define NSADDR(s, i)	((s)->nsaddr_list[i].sin_addr)

/* glibc's static initializers: the kind in the int at offset 16. */
#define GLIBC_RECURSIVE_INIT	{ .__u.__i = { 0, 0, 0, 0, 1 } }
#define GLIBC_ERRORCHECK_INIT	{ .__u.__i = { 0, 0, 0, 0, 2 } }
#define GLIBC_ADAPTIVE_INIT	{ .__u.__i = { 0, 0, 0, 0, 3 } }

extern char *lx_tzname[2], *lx___tzname[2];
extern long lx_timezone, lx___timezone;
extern int lx_daylight, lx___daylight;

char *lx_strerror(int);
char *lx_strerror_l(int, locale_t);
void lx_perror(const char *);
char *lx_strsignal(int);
const char *lx_sigdescr_np(int);
const char *lx_gai_strerror(int);
void lx_err(int, const char *, ...);
void lx_errx(int, const char *, ...);
void lx_warn(const char *, ...);
void lx_warnx(const char *, ...);
void lx___assert_fail(const char *, const char *, unsigned, const char *);
int lx_pthread_mutex_lock(pthread_mutex_t *);
int lx_pthread_mutex_trylock(pthread_mutex_t *);
int lx_pthread_mutex_unlock(pthread_mutex_t *);
int lx_pthread_rwlockattr_setkind_np(pthread_rwlockattr_t *, int);
void lx_tzset(void);
int lx_uname(struct lx_utsname *);
long lx_syscall(long, ...);
char *lx_getlogin(void);
int lx_getlogin_r(char *, size_t);
int lx_group_member(gid_t);
int lx___res_ninit(struct lx_res_state *);
void lx___res_nclose(struct lx_res_state *);
#define res_ninit lx___res_ninit
#define res_nclose lx___res_nclose

#endif
