/*
 * Needs libconf.so, found only through the prefix's ld.so.conf (no RPATH,
 * no RUNPATH).
 */
#include <stdio.h>

int conf_value(void);

int main(void)
{
	int v = conf_value();

	printf("libconf from the prefix's ld.so.conf: %d\n", v);
	return v == 17 ? 0 : 1;
}
