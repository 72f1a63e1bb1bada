/*
 * shim-check --load fixture: loads, and its constructor and destructor
 * append "init" and "fini" to the file $SC_MARK names (the test compares
 * the native and the shim's file); it also writes to stdout, which
 * shim-check must not show.
 */
#include <stdio.h>
#include <stdlib.h>

static void mark(const char *what)
{
	const char *path = getenv("SC_MARK");
	FILE *f = path ? fopen(path, "a") : NULL;

	if (f) {
		fprintf(f, "%s\n", what);
		fclose(f);
	}
}

__attribute__((constructor)) static void init(void)
{
	printf("ldgood: stdout of a constructor\n");
	mark("init");
}

__attribute__((destructor)) static void fini(void)
{
	mark("fini");
}

int sc_ldgood(void)
{
	return 1;
}
