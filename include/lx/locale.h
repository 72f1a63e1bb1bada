/*
 * glibc's locale_t: a pointer to struct __locale_struct, whose ctype
 * tables guests read directly (the isalpha_l() macros of <ctype.h>,
 * libstdc++'s std::ctype<char>). libshim hands guests this layout with
 * the host's locale_t kept behind it.
 */
#ifndef LX_LOCALE_H
#define LX_LOCALE_H

#include <stddef.h>

#include "lx/layout.h"

struct lx_locale {
	void *locales[13];
	const unsigned short *ctype_b;
	const int *ctype_tolower;
	const int *ctype_toupper;
	const char *names[13];
	/* libshim's own, past glibc's struct: */
	void *host;
};
/* host is where glibc's struct __locale_struct ends. */
LX_OFFSETS(struct lx_locale,
	ctype_b, 104,
	ctype_tolower, 112,
	ctype_toupper, 120,
	names, 128,
	host, 232);

#define LX_LC_GLOBAL_LOCALE ((struct lx_locale *)-1l)

/* setlocale.c: whether glibc would find locale NAME installed; the
 * guest's setlocale. */
int lx_locale_exists(const char *name);
char *lx_setlocale(int cat, const char *name);

#endif
