/*
 * Oracle build of layouttest: the system glibc's own fnmatch, strftime,
 * fts, glob and argp, whose answers pin the expectations.
 */
#ifndef LAYOUTTEST_GLIBC_H
#define LAYOUTTEST_GLIBC_H

#include <argp.h>
#include <fnmatch.h>
#include <fts.h>
#include <glob.h>
#include <time.h>
#include <wchar.h>

#define F(name)	name

#endif
