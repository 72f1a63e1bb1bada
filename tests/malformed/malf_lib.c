/*
 * libmalf.so: the valid library the library fixtures are derived from
 * (PT_TLS, DT_NEEDED libc.so.6); its object file is the ET_REL fixture.
 */
#include <stdio.h>

int malf_value(void);
static __thread int counter = 6;

int malf_value(void)
{
	printf("libmalf loaded\n");
	return ++counter;
}
