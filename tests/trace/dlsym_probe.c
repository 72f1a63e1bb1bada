/*
 * tests/trace: a glibc program that reaches a libc function only through
 * dlsym (it does not import strtol), so SHIM_TRACE=strtol sees the call
 * only if dlsym hands out the traced entry.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	long (*f)(const char *, char **, int);

	*(void **)&f = dlsym(RTLD_DEFAULT, "strtol");
	if (!f) {
		fprintf(stderr, "dlsym: %s\n", dlerror());
		return 1;
	}
	printf("%ld\n", f(argc > 1 ? argv[1] : "12345", NULL, 10));
	return 0;
}
