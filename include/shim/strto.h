/*
 * libshim's number parsers with glibc's errno contract (libshim/stdlib/strto.c),
 * for the other parsers built on them (the C23 ones in libshim/stdlib/isoc.c).
 */
#ifndef LX_STRTO_H
#define LX_STRTO_H

#include <stdint.h>
#include <wchar.h>

long lx_strtol(const char *, char **, int);
long long lx_strtoll(const char *, char **, int);
unsigned long lx_strtoul(const char *, char **, int);
unsigned long long lx_strtoull(const char *, char **, int);
intmax_t lx_strtoimax(const char *, char **, int);
uintmax_t lx_strtoumax(const char *, char **, int);
long lx_wcstol(const wchar_t *, wchar_t **, int);
long long lx_wcstoll(const wchar_t *, wchar_t **, int);
unsigned long lx_wcstoul(const wchar_t *, wchar_t **, int);
unsigned long long lx_wcstoull(const wchar_t *, wchar_t **, int);
intmax_t lx_wcstoimax(const wchar_t *, wchar_t **, int);
uintmax_t lx_wcstoumax(const wchar_t *, wchar_t **, int);
double lx_strtod(const char *, char **);
float lx_strtof(const char *, char **);
long double lx_strtold(const char *, char **);
double lx_wcstod(const wchar_t *, wchar_t **);

#endif
