/*
 * glibc's <printf.h> argument types (PA_*, PA_FLAG_*) and
 * parse_printf_format (libshim/printf-parse.c).
 */
#ifndef LX_PRINTF_H
#define LX_PRINTF_H

#include <stddef.h>

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

#endif
