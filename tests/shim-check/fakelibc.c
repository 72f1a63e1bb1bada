/*
 * shim-check fixture: a stand-in libc.so.6 whose version script (written
 * by run.sh) gives sc_future the nonexistent node GLIBC_9.99, __sc_private
 * GLIBC_PRIVATE and SC_UNSUP the version the symmaps mark unsupported, so
 * that the fixtures import them with those versions.
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

int SC_UNSUP(int x)
{
	return x;
}
