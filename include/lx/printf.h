/*
 * glibc's <printf.h> argument types (PA_*, PA_FLAG_*) and
 * parse_printf_format (libshim/printf/parse.c).
 */
#ifndef LX_PRINTF_H
#define LX_PRINTF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "lx/layout.h"

enum {
	LX_PA_INT,		/* int */
	LX_PA_CHAR,		/* int, printed as a char */
	LX_PA_WCHAR,		/* wint_t */
	LX_PA_STRING,		/* const char * */
	LX_PA_WSTRING,		/* const wchar_t * */
	LX_PA_POINTER,		/* void * */
	LX_PA_FLOAT,		/* float */
	LX_PA_DOUBLE,		/* double */
	LX_PA_LAST
};

#define LX_PA_FLAG_MASK		0xff00
#define LX_PA_FLAG_LONG_LONG	(1 << 8)
#define LX_PA_FLAG_LONG_DOUBLE	LX_PA_FLAG_LONG_LONG
#define LX_PA_FLAG_LONG		(1 << 9)
#define LX_PA_FLAG_SHORT	(1 << 10)
#define LX_PA_FLAG_PTR		(1 << 11)

_Static_assert(LX_PA_DOUBLE == 7 && LX_PA_LAST == 8, "PA_*");

size_t lx_parse_printf_format(const char *, size_t, int *);

/* glibc's struct printf_info, what a registered handler is given. */
struct lx_printf_info {
	int prec;		/* -1: none */
	int width;		/* 0: none */
	int spec;		/* wchar_t: the conversion character */
	unsigned int is_long_double:1, is_short:1, is_long:1, alt:1,
	    space:1, left:1, showsign:1, group:1, extra:1, is_char:1,
	    wide:1, i18n:1, is_binary128:1, reserved:3;
	unsigned short user;	/* bits of registered modifiers */
	int pad;		/* wchar_t: ' ' or '0' */
};

LX_LAYOUT(struct lx_printf_info, 20,
	user, 14,
	pad, 16);

typedef int lx_printf_function(void *, const struct lx_printf_info *,
    const void *const *);
typedef int lx_printf_arginfo_size_function(const struct lx_printf_info *,
    size_t, int *, int *);
typedef int lx_printf_arginfo_function(const struct lx_printf_info *,
    size_t, int *);
typedef void lx_printf_va_arg_function(void *, void *);

/* What register_printf_* installed (libshim/printf/ext.c). */
struct lx_printf_spec {
	lx_printf_function *func;
	lx_printf_arginfo_size_function *arginfo;
	lx_printf_arginfo_function *old_arginfo;
};
extern struct lx_printf_spec lx_printf_specs[256];
extern int lx_printf_extended;	/* anything registered */
/* A registered modifier at *PP: its bit, and *PP moved past it; else 0. */
unsigned short lx_printf_modifier(const char **pp);
/* The va_arg function of user type TYPE (>= LX_PA_LAST), or NULL. */
lx_printf_va_arg_function *lx_printf_type(int type);

/* The formatter (libshim/printf/fmt.c, spec.c). */
struct lx_fmtbuf {
	char *p;
	size_t len, cap;
	long adj;	/* what printf returns is len + adj: glibc counts a
			   registered handler's result, not its output */
	char small[256];
};
/* True when musl formats FMT exactly as glibc does. */
int lx_fmt_native(const char *fmt);
void lx_fmt_init(struct lx_fmtbuf *);
/* Formats into B: 0, or -1 with errno set (B keeps what was formatted
 * before the error, which glibc writes out too). */
int lx_fmt_format(struct lx_fmtbuf *b, const char *fmt, va_list ap);
void lx_fmt_free(struct lx_fmtbuf *);
/* parse_printf_format as the formatter parses: registered conversions'
 * arginfo included. */
size_t lx_fmt_argtypes(const char *fmt, size_t n, int *types);

/* glibc's printf family over the formatter (libshim/printf/printf.c). */
int lx_vfprintf(FILE *, const char *, va_list);
int lx_vsnprintf(char *, size_t, const char *, va_list);
int lx_vasprintf(char **, const char *, va_list);
int lx_vdprintf(int, const char *, va_list);
int lx_vsprintf(char *, const char *, va_list);
void lx_vsyslog(int, const char *, va_list);

#endif
