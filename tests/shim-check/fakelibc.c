/*
 * shim-check fixture: a stand-in libc.so.6 whose version script gives
 * sc_future the nonexistent node GLIBC_9.99 and __sc_private GLIBC_PRIVATE,
 * so that libscbad.so imports them with those versions.
 */
#include <stddef.h>

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int sc_future(int x)
{
	return x + 1;
}

int __sc_private(int x)
{
	return x - 1;
}
