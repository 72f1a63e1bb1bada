/* shim-check --load fixture: its constructor dies of SIGSEGV. */
#include <signal.h>

__attribute__((constructor)) static void init(void)
{
	raise(SIGSEGV);
}

/*
 * An exported symbol: the loader counts symbols through the GNU hash
 * table, which holds none without one (see the report of this change).
 */
int sc_ldcrash(void)
{
	return 0;
}
