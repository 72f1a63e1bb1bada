/*
 * Library C of the chain A -> B -> C: a constructor, a destructor and its
 * own init_array/fini_array entries, each announcing itself.
 */
#include "say.h"

int libc_value(void);

SAY_LIB_INITFINI("C")

int libc_value(void)
{
	return 3;
}
