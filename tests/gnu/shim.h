/*
 * Musl build of gnutest: the names the test calls, mapped onto libshim's
 * lx_ functions and globals.
 */
#ifndef GNUTEST_SHIM_H
#define GNUTEST_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "shim/strto.h"

/* glibc's <obstack.h>, compiled against libshim's entry points. */
#define __attribute_pure__
#define _obstack_newchunk lx__obstack_newchunk
#define _obstack_begin lx__obstack_begin
#define _obstack_begin_1 lx__obstack_begin_1
#define _obstack_memory_used lx__obstack_memory_used
#define __obstack_free lx_obstack_free
#define obstack_alloc_failed_handler lx_obstack_alloc_failed_handler
#define obstack_exit_failure lx_obstack_exit_failure
#include "/usr/include/obstack.h"

#include <getopt.h>	/* musl's struct option is glibc's */

extern int lx_optind, lx_opterr, lx_optopt;
extern char *lx_optarg;
extern unsigned int lx_error_message_count;
extern int lx_error_one_per_line;
extern void (*lx_error_print_progname)(void);

int lx_getopt(int, char *const *, const char *);
int lx_getopt_long(int, char *const *, const char *, const struct option *,
    int *);
int lx_getopt_long_only(int, char *const *, const char *,
    const struct option *, int *);
void lx_error(int, int, const char *, ...);
void lx_error_at_line(int, int, const char *, unsigned, const char *, ...);
char *lx_strerror_r(int, char *, size_t);
int lx___xpg_strerror_r(int, char *, size_t);
char *lx_basename(const char *);
int lx_obstack_printf(struct obstack *, const char *, ...);
long lx___isoc23_strtol(const char *, char **, int);
unsigned long lx___isoc23_strtoul(const char *, char **, int);
long lx___isoc23_wcstol(const wchar_t *, wchar_t **, int);
void *lx_rawmemchr(const void *, int);
int lx_rpmatch(const char *);
char *lx_canonicalize_file_name(const char *);
int lx_fcntl64(int, int, ...);
int lx_sigsetmask(int);
int lx_sigblock(int);
int lx_siggetmask(void);
const char *lx_gnu_get_libc_version(void);
uint32_t lx_arc4random_uniform(uint32_t);
int lx___xstat(int, const char *, void *);
int lx___fxstat(int, int, void *);
int lx_close_range(unsigned, unsigned, int);
int lx_renameat2(int, const char *, int, const char *, unsigned);
#define CHK_DECL(ret, name, args) ret lx_##name args;
#include "chk-decls.h"

#endif
