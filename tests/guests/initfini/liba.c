/*
 * Library A of the chain A -> B -> C: a constructor, a destructor and its
 * own init_array/fini_array entries, each announcing itself.
 */
#include "say.h"

int liba_value(void);
int libb_value(void);

SAY_LIB_INITFINI("A")

int liba_value(void)
{
	return 100 + libb_value();
}
