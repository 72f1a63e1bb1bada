/*
 * What the fortify room's entry points share: the check that ends the
 * process through __chk_fail, and one generator per family of entry
 * points that differ only in the plain call they make or in their element
 * type (char or wchar_t).  A generated entry point is named
 * lx___NAME_chk; its prototype comes from the symmaps, so a generator line
 * that disagrees with glibc's signature does not compile.
 */
#ifndef LX_FORTIFY_INT_H
#define LX_FORTIFY_INT_H

#include <stdarg.h>
#include <stddef.h>

#include "shim/gnu.h"

/* COND must hold, or the process ends as glibc's __chk_fail ends it. */
#define CHECK(cond)	do { if (__builtin_expect(!(cond), 0)) \
				lx___chk_fail(); } while (0)

/* A parenthesized parameter or argument list, without its parentheses. */
#define CHK_LIST(...)	__VA_ARGS__

/*
 * CHK_BOUNDED(type, name, (params), (args)): lx___NAME_chk(params, size_t
 * buflen) refuses n > buflen, then returns NAME(args).  PARAMS name the
 * length n.  CHK_BOUNDED_CALL does the same through the call CALL.
 */
#define CHK_BOUNDED(type, name, params, args) \
	CHK_BOUNDED_CALL(type, name, name, params, args)
#define CHK_BOUNDED_CALL(type, name, call, params, args) \
	type lx___##name##_chk(CHK_LIST params, size_t buflen) \
	{ \
		CHECK(n <= buflen); \
		return call args; \
	}

/*
 * CHK_VPRINTF(name, call, F, (params), (args)): the va_list entry point
 * lx___NAME_chk(params, const F *fmt, va_list ap), which returns
 * CALL(args, fmt, ap).  PARAMS hold the fortify level "int flag", which
 * is not used (see printf.c).
 */
#define CHK_VPRINTF(name, call, F, params, args) \
	int lx___##name##_chk(CHK_LIST params, const F *fmt, va_list ap) \
	{ \
		(void)flag; \
		return call(CHK_LIST args, fmt, ap); \
	}

/*
 * CHK_PRINTF(name, vname, F, (params), (args)): the "..." form
 * lx___NAME_chk(params, const F *fmt, ...) of lx___VNAME_chk, called with
 * (args, fmt, ap).
 */
#define CHK_PRINTF(name, vname, F, params, args) \
	int lx___##name##_chk(CHK_LIST params, const F *fmt, ...) \
	{ \
		va_list ap; \
		int r; \
		\
		va_start(ap, fmt); \
		r = lx___##vname##_chk(CHK_LIST args, fmt, ap); \
		va_end(ap); \
		return r; \
	}

/*
 * CHK_STRCPY(T, cpy, pcpy, LEN, COPY) and CHK_STRCAT(T, cat, ncat, LEN,
 * NLEN, COPY): __strcpy_chk, __stpcpy_chk, __strcat_chk and
 * __strncat_chk for the element type T, written once for char (string.c)
 * and wchar_t (wide.c).  LEN, NLEN and COPY are T's strlen, strnlen and
 * memcpy; sizes count elements.  The whole string, its terminator
 * included, must fit in BUFLEN.
 */
#define CHK_STRCPY(T, cpy, pcpy, LEN, COPY) \
	T *lx___##cpy##_chk(T *d, const T *s, size_t buflen) \
	{ \
		size_t n = LEN(s); \
		\
		CHECK(n < buflen); \
		return COPY(d, s, n + 1); \
	} \
	\
	T *lx___##pcpy##_chk(T *d, const T *s, size_t buflen) \
	{ \
		size_t n = LEN(s); \
		\
		CHECK(n < buflen); \
		COPY(d, s, n + 1); \
		return d + n; \
	}

#define CHK_STRCAT(T, cat, ncat, LEN, NLEN, COPY) \
	T *lx___##cat##_chk(T *d, const T *s, size_t buflen) \
	{ \
		size_t dl = NLEN(d, buflen), sl; \
		\
		CHECK(dl < buflen); \
		sl = LEN(s); \
		CHECK(sl < buflen - dl); \
		COPY(d + dl, s, sl + 1); \
		return d; \
	} \
	\
	T *lx___##ncat##_chk(T *d, const T *s, size_t n, size_t buflen) \
	{ \
		size_t dl = NLEN(d, buflen), sl; \
		\
		CHECK(dl < buflen); \
		sl = NLEN(s, n); \
		CHECK(sl < buflen - dl); \
		COPY(d + dl, s, sl); \
		d[dl + sl] = 0; \
		return d; \
	}

/*
 * CHK_GETS(T, I, END, NL, LEN): static T *gets_checked(T *buf, size_t
 * size, int n, FILE *fp, T *(*get)(T *, int, FILE *), I (*getc1)(FILE *)),
 * the check of __fgets_chk (char, int, EOF, '\n', strlen) and __fgetws_chk
 * (wchar_t, wint_t, WEOF, L'\n', wcslen).  glibc reads up to N - 1
 * elements and fails only when that actually passes the end of BUF (SIZE
 * elements): read SIZE - 1, and if the line goes on, that is the overflow.
 */
#define CHK_GETS(T, I, END, NL, LEN) \
	static T * \
	gets_checked(T *buf, size_t size, int n, FILE *fp, \
	    T *(*get)(T *, int, FILE *), I (*getc1)(FILE *)) \
	{ \
		size_t len; \
		\
		if (n <= 0 || (size_t)n <= size) \
			return get(buf, n, fp); \
		CHECK(size > 0); \
		if (get(buf, size > INT_MAX ? INT_MAX : (int)size, fp) == \
		    NULL) \
			return NULL; \
		len = LEN(buf); \
		if (len == size - 1 && (len == 0 || buf[len - 1] != NL) && \
		    getc1(fp) != END) \
			lx___chk_fail(); \
		return buf; \
	}

#endif
