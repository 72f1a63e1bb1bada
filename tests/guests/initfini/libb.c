/*
 * Library B of the chain A -> B -> C: a constructor, a destructor and its
 * own init_array/fini_array entries, each announcing itself.
 * B also has DT_INIT and DT_FINI (-Wl,-init, -Wl,-fini).
 */
#include <stdio.h>
#include "say.h"

int libb_value(void);
int libc_value(void);
void b_dt_init(void);
void b_dt_fini(void);

__attribute__((constructor)) static void ctor(void)
{
	say("B: constructor\n");
}

__attribute__((destructor)) static void dtor(void)
{
	say("B: destructor\n");
}

static void init_entry(int argc, char **argv, char **envp)
{
	char buf[128];

	snprintf(buf, sizeof buf, "B: init_array argc=%d argv[1]=%s env %d\n",
		 argc, argc > 1 ? argv[1] : "-",
		 envp != NULL && envp[0] != NULL);
	say(buf);
}

static void fini_entry(void)
{
	say("B: fini_array\n");
}

__attribute__((section(".init_array"), used))
static void (*init_p)(int, char **, char **) = init_entry;
__attribute__((section(".fini_array"), used))
static void (*fini_p)(void) = fini_entry;

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
