/*
 * Needs A and C directly, A needs B, B needs C: breadth-first load order is
 * A, C, B, but initialisers must run C, B, A, then the program (preinit
 * first of all); finalisers in the reverse order, after main's atexit
 * handler.
 */
#include <stdio.h>
#include <stdlib.h>
#include "say.h"

int liba_value(void);
int libc_value(void);

SAY_CTOR_DTOR("prog")

static void preinit_entry(int argc, char **argv, char **envp)
{
	(void)argv;
	(void)envp;
	say(argc == 3 ? "prog: preinit_array argc ok\n"
		      : "prog: preinit_array argc WRONG\n");
}

static void init_entry(void)
{
	say("prog: init_array\n");
}

static void fini_entry(void)
{
	say("prog: fini_array\n");
}

static void at_exit(void)
{
	say("prog: atexit handler\n");
}

__attribute__((section(".preinit_array"), used))
static void (*preinit_p)(int, char **, char **) = preinit_entry;
__attribute__((section(".init_array"), used))
static void (*init_p)(void) = init_entry;
__attribute__((section(".fini_array"), used))
static void (*fini_p)(void) = fini_entry;

int main(void)
{
	char buf[64];

	say("prog: main\n");
	atexit(at_exit);
	snprintf(buf, sizeof buf, "prog: values %d %d\n", liba_value(),
		 libc_value());
	say(buf);
	return 0;
}
