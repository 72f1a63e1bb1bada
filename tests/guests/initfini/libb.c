/*
 * Library B of the chain A -> B -> C: a constructor, a destructor and its
 * own init_array/fini_array entries, each announcing itself.
 * B also has DT_INIT and DT_FINI (-Wl,-init, -Wl,-fini).
 */
#include "say.h"

int libb_value(void);
int libc_value(void);
void b_dt_init(void);
void b_dt_fini(void);

SAY_LIB_INITFINI("B")

void b_dt_init(void)
{
	say("B: DT_INIT\n");
}

void b_dt_fini(void)
{
	say("B: DT_FINI\n");
}

int libb_value(void)
{
	return 20 + libc_value();
}
