/* shim-check --load fixture: its constructor never returns. */
#include <unistd.h>

__attribute__((constructor)) static void init(void)
{
	for (;;)
		pause();
}

/*
 * An exported symbol: the loader counts symbols through the GNU hash
 * table, which holds none without one (see the report of this change).
 */
int sc_ldhang(void)
{
	return 0;
}
