/*
 * Calls foo@@VER_2 (the default), foo@VER_1 (bound by .symver), bar@VER_1,
 * reads vdata@@VER_2 (a copy relocation) and vdata@VER_1, and lets
 * libveruser do the same from a library.
 */
#include <stdio.h>

int foo(int x);
int foo_old(int x);
int bar(void);
extern int vdata;
extern int vdata_old;
void veruser_report(void);
__asm__(".symver foo_old, foo@VER_1");
__asm__(".symver vdata_old, vdata@VER_1");

int main(void)
{
	int bad = 0;

	printf("foo(3) = %d\n", foo(3));
	printf("foo@VER_1(3) = %d\n", foo_old(3));
	printf("bar() = %d\n", bar());
	printf("vdata = %d, vdata@VER_1 = %d\n", vdata, vdata_old);
	veruser_report();
	bad |= foo(3) != 300;
	bad |= foo_old(3) != 4;
	bad |= vdata != 2 || vdata_old != 1;
	printf("%s\n", bad ? "WRONG" : "all versions bound as expected");
	return bad;
}
