/*
 * shim-check fixture: imports strlen@GLIBC_2.2.5 (provided),
 * sc_future@GLIBC_9.99 (in no symmap) and __sc_private@GLIBC_PRIVATE
 * (unsupported), and needs libscgone.so, which is not on the search path.
 */
#include <stddef.h>

size_t strlen(const char *);
int sc_future(int);
int __sc_private(int);
int sc_gone(void);

int sc_bad(const char *s)
{
	return sc_future((int)strlen(s)) + __sc_private(1) + sc_gone();
}
