/*
 * tests/kinds/kinds-impl-dl.c: the "impl" cases of the dynamic-linking
 * API (ld-linux-shim/dl.c) and of backtraces (libshim/debug/): dlopen,
 * dlsym, dladdr, dlerror, dl_iterate_phdr, backtrace. Part of kinds-impl
 * (kinds-impl.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

static void
t_backtrace(void **state)
{
	void *frames[32];
	char **names;
	int n;

	(void)state;
	n = backtrace(frames, 32);
	assert_true(n >= 2 && n <= 32);
	/* The first frame is in this function. */
	assert_true((char *)frames[0] >= (char *)t_backtrace &&
		    (char *)frames[0] < (char *)t_backtrace + 200);
	assert_int_equal(backtrace(frames, 1), 1);
	assert_int_equal(backtrace(frames, 0), 0);
	names = backtrace_symbols(frames, 1);
	assert_non_null(names);
	assert_non_null(names[0]);
	assert_non_null(strstr(names[0], "kinds-impl"));
	free(names);
}

struct phdr_seen {
	int calls;
	int main_first;
	int cmocka;
	int stop_at;
};

static int
phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct phdr_seen *s = data;
	int loads = 0;

	assert_true(size >= offsetof(struct dl_phdr_info, dlpi_phnum) +
		    sizeof(info->dlpi_phnum));
	assert_non_null(info->dlpi_name);
	for (int i = 0; i < info->dlpi_phnum; i++)
		loads += info->dlpi_phdr[i].p_type == PT_LOAD;
	if (strstr(info->dlpi_name, "libcmocka.so.0"))
		s->cmocka++;
	if (s->calls++ == 0)
		s->main_first = info->dlpi_name[0] == '\0' && loads > 0;
	return s->calls == s->stop_at ? 42 : 0;
}

static void
t_dl_iterate_phdr(void **state)
{
	struct phdr_seen s = { 0 };

	(void)state;
	assert_int_equal(dl_iterate_phdr(phdr_cb, &s), 0);
	/* The main program comes first, with an empty name. */
	assert_int_equal(s.main_first, 1);
	assert_int_equal(s.cmocka, 1);
	assert_true(s.calls >= 2);
	/* A non-zero callback result stops the walk and is returned. */
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	assert_int_equal(dl_iterate_phdr(phdr_cb, &s), 42);
	assert_int_equal(s.calls, 2);
}

/* libkinds-tls.so (kinds-tls.c), which this program needs. */
void kinds_tls_set(int v);
int kinds_tls_get(void);

static void
t_dlopen(void **state)
{
	void *h;
	const char *e;

	(void)state;
	/* Loaded already: RTLD_NOLOAD finds it by its soname. */
	h = dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD);
	assert_non_null(h);
	assert_ptr_equal(dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD), h);
	assert_int_equal(dlclose(h), 0);
	assert_int_equal(dlclose(h), 0);
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW | RTLD_NOLOAD));
	assert_non_null(dlopen(NULL, RTLD_LAZY));
	dlerror();
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	e = dlerror();
	assert_non_null(e);
	assert_memory_equal(e, "libkinds-no-such.so: ", 21);
}

static void
t_dlopen_message(void **state)
{
	(void)state;
	dlerror();
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	assert_string_equal(dlerror(), "libkinds-no-such.so: cannot open "
			    "shared object file: No such file or directory");
}

static void
t_dlopen_tls(void **state)
{
	void *h;

	(void)state;
	/* Opening a loaded object again only counts a reference. */
	kinds_tls_set(5);
	h = dlopen("libkinds-tls.so", RTLD_NOW);
	assert_non_null(h);
	assert_int_equal(kinds_tls_get(), 5);
	assert_int_equal(dlclose(h), 0);
	kinds_tls_set(1);
}

static void
t_dlsym(void **state)
{
	void *h = dlopen("libkinds-tls.so", RTLD_NOW | RTLD_NOLOAD);
	const char *e;

	(void)state;
	assert_non_null(h);
	assert_ptr_equal(dlsym(h, "kinds_tls_get"), (void *)kinds_tls_get);
	assert_ptr_equal(dlsym(RTLD_DEFAULT, "_cmocka_run_group_tests"),
			 (void *)_cmocka_run_group_tests);
	dlerror();
	assert_null(dlsym(h, "kinds_no_such_symbol"));
	e = dlerror();
	assert_non_null(e);
	assert_non_null(strstr(e, "undefined symbol: kinds_no_such_symbol"));
	dlclose(h);
}

static void
t_dlsym_libpthread(void **state)
{
	/* glibc 2.34 moved pthread_create into libc.so.6; a handle of
	 * libpthread.so.0 still finds it, through libpthread's dependency
	 * on libc (programs that dlopen libpthread, like Free Pascal's). */
	void *h = dlopen("libpthread.so.0", RTLD_NOW);

	(void)state;
	assert_non_null(h);
	assert_ptr_equal(dlsym(h, "pthread_create"),
			 dlsym(RTLD_DEFAULT, "pthread_create"));
	assert_non_null(dlsym(h, "pthread_create"));
	dlclose(h);
}

static void
t_dladdr(void **state)
{
	/* A libc function: its library and its name. */
	Dl_info info;

	(void)state;
	memset(&info, 0, sizeof info);
	assert_int_not_equal(dladdr((void *)qsort, &info), 0);
	assert_non_null(info.dli_fname);
	assert_non_null(strstr(info.dli_fname, "libc.so.6"));
	assert_non_null(info.dli_sname);
	assert_string_equal(info.dli_sname, "qsort");
	assert_ptr_equal(info.dli_saddr, (void *)qsort);
}

static void
t_dlerror(void **state)
{
	(void)state;
	dlerror();
	/* No error since the last call: NULL. */
	assert_null(dlerror());
	assert_null(dlopen("libkinds-no-such.so", RTLD_NOW));
	assert_non_null(dlerror());
	/* Reading the error clears it. */
	assert_null(dlerror());
}

static void
t_dlopen_mode(void **state)
{
	const char *e;

	(void)state;
	/* The man page: flags must include RTLD_LAZY or RTLD_NOW. */
	dlerror();
	assert_null(dlopen("libkinds-tls.so", RTLD_GLOBAL));
	e = dlerror();
	assert_non_null(e);
	assert_non_null(strstr(e, "invalid mode"));
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(backtrace)
	KINDS_CASE(dl_iterate_phdr)
	KINDS_CASE(dlopen)
	KINDS_CASE_X(dlopen, message)
	KINDS_CASE_X(dlopen, tls)
	KINDS_CASE_X(dlopen, mode)
	KINDS_CASE(dlsym)
	KINDS_CASE_X(dlsym, libpthread)
	KINDS_CASE(dladdr)
	KINDS_CASE(dlerror)
};

KINDS_PART(kinds_impl_dl, cases)
