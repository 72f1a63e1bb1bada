/*
 * shim-check fixture: imports strlen@GLIBC_2.2.5 (provided),
 * sc_future@GLIBC_9.99 (in no symmap) and SC_UNSUP, a libc.so.6 symbol
 * that the symmaps mark unsupported (run.sh picks it from the symmap list
 * and defines it, with its version, in the fake libc), and needs
 * libscgone.so, which is not on the search path.
 */
#include <stddef.h>

size_t strlen(const char *);
int sc_future(int);
int SC_UNSUP(int);
int sc_gone(void);

int sc_bad(const char *s)
{
	return sc_future((int)strlen(s)) + SC_UNSUP(1) + sc_gone();
}
