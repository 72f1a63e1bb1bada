/*
 * Library C of the chain A -> B -> C: a constructor, a destructor and its
 * own init_array/fini_array entries, each announcing itself.
 */
#include <stdio.h>
#include "say.h"

int libc_value(void);

__attribute__((constructor)) static void ctor(void)
{
	say("C: constructor\n");
}

__attribute__((destructor)) static void dtor(void)
{
	say("C: destructor\n");
}

static void init_entry(int argc, char **argv, char **envp)
{
	char buf[128];

	snprintf(buf, sizeof buf, "C: init_array argc=%d argv[1]=%s env %d\n",
		 argc, argc > 1 ? argv[1] : "-",
		 envp != NULL && envp[0] != NULL);
	say(buf);
}

static void fini_entry(void)
{
	say("C: fini_array\n");
}

__attribute__((section(".init_array"), used))
static void (*init_p)(int, char **, char **) = init_entry;
__attribute__((section(".fini_array"), used))
static void (*fini_p)(void) = fini_entry;

int libc_value(void)
{
	return 3;
}
