/*
 * The native oracle of the --load test: dlopen(LIB, RTLD_NOW) with the
 * system's glibc; exit 0, or print dlerror() and exit 127 as the shim does.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: dlo LIB\n");
		return 2;
	}
	if (!dlopen(argv[1], RTLD_NOW)) {
		fprintf(stderr, "dlo: %s\n", dlerror());
		return 127;
	}
	return 0;
}
