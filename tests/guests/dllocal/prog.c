/*
 * dllocal: RTLD_LOCAL keeps a library out of the global scope: a second
 * library defining the same name binds to its own definition, and
 * dlsym(RTLD_DEFAULT) finds neither; dlopen with RTLD_NOLOAD|RTLD_GLOBAL
 * promotes one, and libraries loaded later bind to it.
 */
#include <dlfcn.h>
#include <stdio.h>

typedef const char *fn(void);

static const char *call(void *h, const char *name)
{
	fn *f = (fn *)dlsym(h, name);

	return f ? f() : "(none)";
}

int main(void)
{
	void *a = dlopen("libdllocal_a.so", RTLD_NOW | RTLD_LOCAL);
	void *b = dlopen("libdllocal_b.so", RTLD_NOW | RTLD_LOCAL);

	if (!a || !b) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	printf("a_call %s, b_call %s\n", call(a, "dllocal_a_call"),
	    call(b, "dllocal_b_call"));
	printf("RTLD_DEFAULT: %s\n", dlsym(RTLD_DEFAULT, "dllocal_common") ?
	    "found" : "not found");
	printf("handle a: %s, handle b: %s\n", call(a, "dllocal_common"),
	    call(b, "dllocal_common"));
	if (dlopen("libdllocal_a.so", RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL) !=
	    a)
		printf("promotion: other handle\n");
	printf("after promotion, RTLD_DEFAULT: %s\n",
	    call(RTLD_DEFAULT, "dllocal_common"));
	printf("b_call still %s\n", call(b, "dllocal_b_call"));
	return 0;
}
