/* shim-check --load fixture: a PIE program, which --load must not load. */
#include <stdio.h>

int main(void)
{
	puts("ldprog");
	return 0;
}
