/*
 * glibc's locale_t: a pointer to struct __locale_struct, whose ctype
 * tables guests read directly (the isalpha_l() macros of <ctype.h>,
 * libstdc++'s std::ctype<char>). libshim hands guests this layout with
 * the host's locale_t kept behind it.
 */
#ifndef LX_LOCALE_H
#define LX_LOCALE_H

#include <stddef.h>

struct lx_locale {
	void *locales[13];
	const unsigned short *ctype_b;
	const int *ctype_tolower;
	const int *ctype_toupper;
	const char *names[13];
	/* libshim's own, past glibc's struct: */
	void *host;
};
_Static_assert(offsetof(struct lx_locale, ctype_b) == 104, "__ctype_b");
_Static_assert(offsetof(struct lx_locale, ctype_tolower) == 112,
	"__ctype_tolower");
_Static_assert(offsetof(struct lx_locale, ctype_toupper) == 120,
	"__ctype_toupper");
_Static_assert(offsetof(struct lx_locale, names) == 128, "__names");
_Static_assert(offsetof(struct lx_locale, host) == 232,
	"end of glibc's struct __locale_struct");

#define LX_LC_GLOBAL_LOCALE ((struct lx_locale *)-1l)

/* setlocale.c: whether glibc would find locale NAME installed; the
 * guest's setlocale. */
int lx_locale_exists(const char *name);
char *lx_setlocale(int cat, const char *name);

#endif
