/* shim-check --load fixture: its constructor refuses and exits 3. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void init(void)
{
	fputs("ldexit: refusing to load\n", stderr);
	exit(3);
}

/*
 * An exported symbol: the loader counts symbols through the GNU hash
 * table, which holds none without one (see the report of this change).
 */
int sc_ldexit(void)
{
	return 0;
}
