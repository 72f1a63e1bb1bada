/*
 * glibc's printf extension API (<printf.h>), which musl lacks:
 * register_printf_specifier and the older register_printf_function install
 * a handler and an arginfo function for a conversion character;
 * register_printf_modifier a modifier string whose bit the handler sees in
 * info->user; register_printf_type an argument type read by the caller's
 * va_arg function. libshim/printf/fmt.c consults these tables; nothing is
 * looked up while nothing is registered. Like glibc's, registration is
 * not thread-safe: programs do it at start-up.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lx/printf.h"

struct lx_printf_spec lx_printf_specs[256];
int lx_printf_extended;

#define MAX_MODIFIERS	16	/* the bits of printf_info.user */
#define MAX_TYPES	64

static struct {
	char str[16];
	size_t len;
	unsigned short bit;
} mods[MAX_MODIFIERS];
static int nmods;
static lx_printf_va_arg_function *types[MAX_TYPES];
static int ntypes;

static int
install(int spec, struct lx_printf_spec s)
{
	if (spec < 0 || spec > UCHAR_MAX) {
		errno = EINVAL;
		return -1;
	}
	lx_printf_specs[spec] = s;
	lx_printf_extended = 1;
	return 0;
}

int
lx_register_printf_specifier(int spec, lx_printf_function *func,
    lx_printf_arginfo_size_function *arginfo)
{
	return install(spec, (struct lx_printf_spec){ func, arginfo, NULL });
}

int
lx_register_printf_function(int spec, lx_printf_function *func,
    lx_printf_arginfo_function *arginfo)
{
	return install(spec, (struct lx_printf_spec){ func, NULL, arginfo });
}

/* The modifier's characters must be single bytes; they are matched in
 * the format byte by byte. */
int
lx_register_printf_modifier(const wchar_t *str)
{
	size_t n = 0;

	if (!str || !*str) {
		errno = EINVAL;
		return -1;
	}
	for (; str[n]; n++)
		if (str[n] < 0 || str[n] > UCHAR_MAX ||
		    n + 1 >= sizeof mods[0].str) {
			errno = EINVAL;
			return -1;
		}
	if (nmods == MAX_MODIFIERS) {
		errno = ENOSPC;
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		mods[nmods].str[i] = (char)str[i];
	mods[nmods].len = n;
	mods[nmods].bit = 1u << nmods;
	lx_printf_extended = 1;
	return mods[nmods++].bit;
}

int
lx_register_printf_type(lx_printf_va_arg_function *fn)
{
	if (ntypes == MAX_TYPES) {
		errno = ENOSPC;
		return -1;
	}
	types[ntypes] = fn;
	lx_printf_extended = 1;
	return LX_PA_LAST + ntypes++;
}

/* The longest registered modifier at *PP. */
unsigned short
lx_printf_modifier(const char **pp)
{
	int best = -1;

	for (int i = 0; i < nmods; i++)
		if (!strncmp(*pp, mods[i].str, mods[i].len) &&
		    (best < 0 || mods[i].len > mods[best].len))
			best = i;
	if (best < 0)
		return 0;
	*pp += mods[best].len;
	return mods[best].bit;
}

lx_printf_va_arg_function *
lx_printf_type(int type)
{
	if (type < LX_PA_LAST || type >= LX_PA_LAST + ntypes)
		return NULL;
	return types[type - LX_PA_LAST];
}
