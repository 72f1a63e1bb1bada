/*
 * The libc version a program asks glibc for: gnu_get_libc_version and
 * gnu_get_libc_release (confstr's _CS_GNU_LIBC_VERSION is in
 * sysinfo.c), the glibc version the shim stands in for.
 */
#include "shim/version.h"

const char *
lx_gnu_get_libc_version(void)
{
	return LX_GLIBC_VERSION;
}

const char *
lx_gnu_get_libc_release(void)
{
	return LX_GLIBC_RELEASE;
}
