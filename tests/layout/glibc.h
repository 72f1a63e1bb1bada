/*
 * Oracle build of layouttest: the system glibc's own fnmatch, strftime
 * and fts, whose answers pin the expectations.
 */
#ifndef LAYOUTTEST_GLIBC_H
#define LAYOUTTEST_GLIBC_H

#include <fnmatch.h>
#include <fts.h>
#include <wchar.h>

#endif
