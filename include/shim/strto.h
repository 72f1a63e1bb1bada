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

/* After the host parsed [S, END) into *V with errno SAVED before the call:
 * glibc's errno and NaN (libshim/stdlib/strto-float.c). Called only for a
 * value the result alone does not settle: NaN, infinite, zero, or not
 * above the smallest normal number (strto.c's FLOAT_PARSER decides). */
void shim_strto_fixup_f(const char *s, const char *end, float *v, int saved);
void shim_strto_fixup_d(const char *s, const char *end, double *v, int saved);
void shim_strto_fixup_ld(const char *s, const char *end, long double *v,
	int saved);
void shim_wcsto_fixup_f(const wchar_t *s, const wchar_t *end, float *v,
	int saved);
void shim_wcsto_fixup_d(const wchar_t *s, const wchar_t *end, double *v,
	int saved);
void shim_wcsto_fixup_ld(const wchar_t *s, const wchar_t *end,
	long double *v, int saved);

#endif
