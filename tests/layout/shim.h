/*
 * Musl build of layouttest: the names the test calls, mapped onto
 * libshim's lx_ functions and glibc's types and constants from
 * include/lx (musl has no fts.h or argp.h, and another glob.h).
 */
#ifndef LAYOUTTEST_SHIM_H
#define LAYOUTTEST_SHIM_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

#define F(name)	lx_##name

int lx_fnmatch(const char *, const char *, int);
size_t lx_strftime(char *, size_t, const char *, const struct tm *);
size_t lx_wcsftime(wchar_t *, size_t, const wchar_t *, const struct tm *);

#endif
