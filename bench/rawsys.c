/*
 * bench/rawsys.c — the cost of one raw system call, as the guest sees it.
 *
 *   rawsys N
 *
 * Makes N getppid calls with an inline `syscall` instruction (no libc
 * wrapper, no vDSO) and prints the mean in nanoseconds per call. Built
 * statically by bench/syscall, so that through the shim every call is
 * trapped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long raw_getppid(void)
{
	long r;

	/* The form glibc's and musl's wrappers take: the number loaded
	 * right before the instruction (a site the shim can patch). */
	__asm__ volatile("movl $110, %%eax\n\tsyscall" : "=a"(r) : :
	    "rcx", "r11", "memory");
	return r;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0, sum = 0;
	struct timespec a, b;

	if (n <= 0) {
		fputs("usage: rawsys N\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++)
		sum += raw_getppid();
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 +
	    (b.tv_nsec - a.tv_nsec)) / n);
	return sum == 0;	/* keeps the calls; getppid is never 0 here */
}
