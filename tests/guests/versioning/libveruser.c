/*
 * A library that imports foo both ways: the default version and, bound by
 * .symver, foo@VER_1. Versioned references from a library, not the program.
 */
#include <stdio.h>

int foo(int x);
int foo_old(int x);
void veruser_report(void);
__asm__(".symver foo_old, foo@VER_1");

void veruser_report(void)
{
	printf("libveruser: foo(5) = %d (VER_2 multiplies)\n", foo(5));
	printf("libveruser: foo@VER_1(5) = %d (VER_1 adds)\n", foo_old(5));
}
