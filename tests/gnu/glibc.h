/*
 * Oracle build of gnutest: the same test source against the system glibc,
 * calling glibc's own functions, so its answers pin the expectations.
 */
#ifndef GNUTEST_GLIBC_H
#define GNUTEST_GLIBC_H

#include <errno.h>
#include <error.h>
#include <getopt.h>
#include <obstack.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <sys/stat.h>

int __xpg_strerror_r(int, char *, size_t);
long __isoc23_strtol(const char *, char **, int);
unsigned long __isoc23_strtoul(const char *, char **, int);
long __isoc23_wcstol(const wchar_t *, wchar_t **, int);
int sigsetmask(int);
int sigblock(int);
int siggetmask(void);
const char *gnu_get_libc_version(void);
int __xstat(int, const char *, void *);
int __fxstat(int, int, void *);
int fcntl64(int, int, ...);
#define CHK_DECL(ret, name, args) ret name args;
#include "chk-decls.h"

#endif
