/*
 * The host boundary on musl, locales: musl keeps one ctype for every
 * locale, and exports its class table in glibc's layout and bits
 * through __ctype_b_loc, which its headers do not declare.
 */
#include <locale.h>

#include "shim/host.h"

const unsigned short **__ctype_b_loc(void);

const unsigned short *
host_ctype_b(locale_t l)
{
	(void)l;	/* the same table for every locale */
	return *__ctype_b_loc();
}
