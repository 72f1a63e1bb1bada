/*
 * glibc's type spellings, as the symmaps' signatures write them, given
 * the meaning they have inside libshim, for the generated lx_targets.h
 * (symmaps/README.md). A spelling names the type libshim's definitions
 * use: the host's type where the host has glibc's layout (FILE, struct
 * tm, pthread_attr_t), libshim's own lx_ type where a wrapper converts
 * (regex_t, struct stat, locale_t; include/lx/).
 *
 * lx_targets.h includes this file twice: first to define the spellings,
 * then with LX_TARGETS_END defined to take every macro back, so that a
 * libshim file sees only the headers included here, the tags declared
 * here and the lx_p_* typedefs. Keep the two lists in step.
 *
 * A signature with a spelling this file lacks fails to compile: add it.
 */
#ifndef LX_TARGETS_END

#include <dirent.h>
#include <dlfcn.h>
#include <iconv.h>
#include <langinfo.h>
#include <link.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <wchar.h>
#include <wctype.h>

#include "lx/fts.h"
#include "lx/printf.h"
#include "lx/regex.h"
#include "lx/signal.h"

/* Tags the spellings below name; libshim's files complete them. */
struct FTW;
struct lx_glob;
struct lx_locale;
struct lx_pthread_unwind_buf;
struct lx_res_state;
struct lx_tls_index;
struct lx_ucontext;

/* The host's stat for the ftw callbacks: the layouts agree on x86-64. */
typedef int lx_p_ftw_func(const char *, const struct stat *, int);
typedef int lx_p_nftw_func(const char *, const struct stat *, int,
    struct FTW *);
/* qsort's and qsort_r's comparison functions. */
typedef int lx_p_compar_fn(const void *, const void *);
typedef int lx_p_compar_d_fn(const void *, const void *, void *);

/* glibc's internal names of standard types. */
#define __clockid_t	clockid_t
#define __dev_t		dev_t
#define __gid_t		gid_t
#define __int32_t	int32_t
#define __mode_t	mode_t
#define __off_t		off_t
#define __off64_t	off_t
#define __pid_t		pid_t
#define __ssize_t	ssize_t
#define __uid_t		uid_t
/* How a va_list parameter reads once adjusted to a pointer. */
#define __va_list_tag	__typeof__(((__builtin_va_list *)0)[0][0])
#define error_t		int
#define __re_size_t	unsigned int

/* glibc types that libshim gives its own layouts (include/lx/). */
#define __sigset_t	lx_sigset_t
#define sigset_t	lx_sigset_t
#define __sighandler_t	lx_sighandler_t
#define regex_t		lx_regex_t
#define regmatch_t	lx_regmatch_t
#define regoff_t	lx_regoff_t
#define reg_syntax_t	lx_reg_syntax_t
#define FTS		LX_FTS
#define FTS64		LX_FTS
#define FTSENT		LX_FTSENT
#define FTSENT64	LX_FTSENT
#define printf_function	lx_printf_function
#define printf_arginfo_function	lx_printf_arginfo_function
#define printf_arginfo_size_function	lx_printf_arginfo_size_function
#define printf_va_arg_function	lx_printf_va_arg_function
#define __ftw_func_t	lx_p_ftw_func *
#define __ftw64_func_t	lx_p_ftw_func *
#define __nftw_func_t	lx_p_nftw_func *
#define __nftw64_func_t	lx_p_nftw_func *
#define __compar_fn_t	lx_p_compar_fn *
#define __compar_d_fn_t	lx_p_compar_d_fn *
#define glob_t		struct lx_glob
#define glob64_t	struct lx_glob
#define locale_t	struct lx_locale *
#define ucontext_t	struct lx_ucontext
#define res_state	struct lx_res_state *
#define tls_index	struct lx_tls_index
#define __pthread_unwind_buf_t	struct lx_pthread_unwind_buf
/* Tags: struct NAME is libshim's struct lx_NAME. */
#define __locale_struct	lx_locale
#define aliasent	lx_aliasent
#define argp		lx_argp
#define argp_state	lx_argp_state
#define dl_find_object	lx_dl_find_object
#define mallinfo	lx_mallinfo
#define mallinfo2	lx_mallinfo2
#define ntptimeval	lx_ntptimeval
#define obstack		lx_obstack
#define option		lx_option
#define r_debug		lx_r_debug
#define random_data	lx_random_data
#define re_pattern_buffer	lx_re_pattern_buffer
#define re_registers	lx_re_registers
#define rpcent		lx_rpcent
#define sgrp		lx_sgrp
#define sigaction	lx_sigaction
#define spwd		lx_spwd
#define stat		lx_stat
#define stat64		lx_stat
#define statvfs		lx_statvfs
#define statvfs64	lx_statvfs
#define ttyent		lx_ttyent
#define utmp		lx_utmp
#define utmpx		lx_utmp
#define utsname		lx_utsname

#else

#undef __clockid_t
#undef __dev_t
#undef __gid_t
#undef __int32_t
#undef __mode_t
#undef __off_t
#undef __off64_t
#undef __pid_t
#undef __ssize_t
#undef __uid_t
#undef __va_list_tag
#undef error_t
#undef __re_size_t
#undef __sigset_t
#undef sigset_t
#undef __sighandler_t
#undef regex_t
#undef regmatch_t
#undef regoff_t
#undef reg_syntax_t
#undef FTS
#undef FTS64
#undef FTSENT
#undef FTSENT64
#undef printf_function
#undef printf_arginfo_function
#undef printf_arginfo_size_function
#undef printf_va_arg_function
#undef __ftw_func_t
#undef __ftw64_func_t
#undef __nftw_func_t
#undef __nftw64_func_t
#undef __compar_fn_t
#undef __compar_d_fn_t
#undef glob_t
#undef glob64_t
#undef locale_t
#undef ucontext_t
#undef res_state
#undef tls_index
#undef __pthread_unwind_buf_t
#undef __locale_struct
#undef aliasent
#undef argp
#undef argp_state
#undef dl_find_object
#undef mallinfo
#undef mallinfo2
#undef ntptimeval
#undef obstack
#undef option
#undef r_debug
#undef random_data
#undef re_pattern_buffer
#undef re_registers
#undef rpcent
#undef sgrp
#undef sigaction
#undef spwd
#undef stat
#undef stat64
#undef statvfs
#undef statvfs64
#undef ttyent
#undef utmp
#undef utmpx
#undef utsname

#endif
