/*
 * The valid glibc program the malformed fixtures are derived from: it has
 * PT_TLS (an initialised __thread variable) and needs libc.so.6.
 */
#include <stdio.h>

static __thread int counter = 41;

int main(void)
{
	printf("tiny: %d\n", ++counter);
	return 0;
}
