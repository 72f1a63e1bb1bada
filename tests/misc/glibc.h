/*
 * Oracle build of misctest: the system glibc's own functions and types.
 */
#ifndef MISCTEST_GLIBC_H
#define MISCTEST_GLIBC_H

#include <err.h>
#include <pthread.h>
#include <resolv.h>
#include <signal.h>
#include <sys/utsname.h>
#include <ucontext.h>

typedef ucontext_t uctx_t;
typedef struct __res_state resst_t;
#define NSADDR(s, i)	((s)->nsaddr_list[i].sin_addr.s_addr)

#define GLIBC_RECURSIVE_INIT	PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP
#define GLIBC_ERRORCHECK_INIT	PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP
#define GLIBC_ADAPTIVE_INIT	PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP

extern char *__tzname[2];
extern long __timezone;
extern int __daylight;
int group_member(gid_t);
__sighandler_t __sysv_signal(int, __sighandler_t);
void __assert_fail(const char *, const char *, unsigned int, const char *);

#endif
