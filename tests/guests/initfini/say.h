/*
 * Unbuffered output for initialisers and finalisers: the order of the lines
 * is the test, so nothing may sit in a stdio buffer.
 */
#ifndef GUEST_SAY_H
#define GUEST_SAY_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static inline void say(const char *s)
{
	if (write(1, s, strlen(s)) < 0)
		_exit(3);
}

/* WHO's constructor and destructor, each announcing itself. */
#define SAY_CTOR_DTOR(who)						\
	__attribute__((constructor)) static void ctor(void)		\
	{								\
		say(who ": constructor\n");				\
	}								\
									\
	__attribute__((destructor)) static void dtor(void)		\
	{								\
		say(who ": destructor\n");				\
	}

/* A library's constructor and destructor and its own init_array and
 * fini_array entries; the init_array one shows what it was passed. */
#define SAY_LIB_INITFINI(who)						\
	SAY_CTOR_DTOR(who)						\
									\
	static void init_entry(int argc, char **argv, char **envp)	\
	{								\
		char buf[128];						\
									\
		snprintf(buf, sizeof buf, who ": init_array argc=%d "	\
			 "argv[1]=%s env %d\n", argc,			\
			 argc > 1 ? argv[1] : "-",			\
			 envp != NULL && envp[0] != NULL);		\
		say(buf);						\
	}								\
									\
	static void fini_entry(void)					\
	{								\
		say(who ": fini_array\n");				\
	}								\
									\
	__attribute__((section(".init_array"), used))			\
	static void (*init_p)(int, char **, char **) = init_entry;	\
	__attribute__((section(".fini_array"), used))			\
	static void (*fini_p)(void) = fini_entry;

#endif
