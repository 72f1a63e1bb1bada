/*
 * Needs libonly.so through DT_RUNPATH /opt/shimtest/lib, which exists only
 * under the prefix; prints what the library returns and checks it.
 */
#include <stdio.h>
#include <string.h>

int only_value(void);
const char *only_name(void);

int main(void)
{
	int v = only_value();

	printf("%s: %d\n", only_name(), v);
	return v == 4242 && strcmp(only_name(), "libonly from the prefix") == 0
	       ? 0 : 1;
}
