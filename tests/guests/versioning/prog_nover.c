/*
 * Linked against the unversioned build of libver, run against the versioned
 * one: the references carry no version. glibc binds an unversioned
 * reference to the oldest version (foo@VER_1), not the default.
 */
#include <stdio.h>

int foo(int x);
int bar(void);
extern int vdata;

int main(void)
{
	printf("unversioned foo(3) = %d\n", foo(3));
	printf("unversioned bar() = %d\n", bar());
	printf("unversioned vdata = %d\n", vdata);
	return 0;
}
