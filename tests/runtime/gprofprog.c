/*
 * A program built with gcc -pg: gcrt1.o starts profiling (__monstartup,
 * atexit(_mcleanup)), every function calls mcount. hot() takes nearly all
 * the time; the call counts are fixed.
 */
#include <stdio.h>
#include <stdlib.h>

static volatile double sink;

__attribute__((noinline)) void hot(long n)
{
	for (long i = 0; i < n; i++)
		sink += i * 0.5;
}

__attribute__((noinline)) void cold(int i)
{
	sink += i;
}

__attribute__((noinline)) void twice(int i)
{
	cold(i);
	cold(-i);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 40000000;

	for (int i = 0; i < 3; i++) {
		hot(n);
		cold(i);
	}
	for (int i = 0; i < 5; i++)
		twice(i);
	printf("done %d\n", sink != 0);
	return 0;
}
