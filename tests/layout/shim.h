/*
 * Musl build of layouttest: the names the test calls, mapped onto
 * libshim's lx_ functions and glibc's fts types and constants from
 * include/lx (musl has no fts.h).
 */
#ifndef LAYOUTTEST_SHIM_H
#define LAYOUTTEST_SHIM_H

#include <stddef.h>
#include <wchar.h>

#include "lx/fts.h"

int lx_fnmatch(const char *, const char *, int);
size_t lx_strftime(char *, size_t, const char *, const struct tm *);
size_t lx_wcsftime(wchar_t *, size_t, const wchar_t *, const struct tm *);

typedef LX_FTS FTS;
typedef LX_FTSENT FTSENT;
#define FTS_COMFOLLOW	LX_FTS_COMFOLLOW
#define FTS_LOGICAL	LX_FTS_LOGICAL
#define FTS_NOCHDIR	LX_FTS_NOCHDIR
#define FTS_NOSTAT	LX_FTS_NOSTAT
#define FTS_PHYSICAL	LX_FTS_PHYSICAL
#define FTS_SEEDOT	LX_FTS_SEEDOT
#define FTS_XDEV	LX_FTS_XDEV
#define FTS_D		LX_FTS_D
#define FTS_DC		LX_FTS_DC
#define FTS_DP		LX_FTS_DP
#define FTS_DNR		LX_FTS_DNR
#define FTS_NS		LX_FTS_NS
#define FTS_SL		LX_FTS_SL
#define FTS_AGAIN	LX_FTS_AGAIN
#define FTS_FOLLOW	LX_FTS_FOLLOW
#define FTS_SKIP	LX_FTS_SKIP
#define FTS_NAMEONLY	LX_FTS_NAMEONLY
#endif
