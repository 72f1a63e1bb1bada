/* shim-check fixture: imports only ordinary libc functions (must be ok). */
#include <stdio.h>
#include <string.h>

int sc_good(const char *s)
{
	return printf("%zu\n", strlen(s));
}
