/*
 * Hashing and versioned lookup (ld-linux-shim/symbol.c, builtin.c): the
 * system's own libc.so.6 is mapped with the shim's map_object() and its
 * versioned symbols are looked up through both hash tables; the answers
 * must be the ones glibc's own loader gives (dlvsym) in this process.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "loader-int.h"

#define LIBC "/lib/x86_64-linux-gnu/libc.so.6"

extern void *stub_old_impl, *stub_new_impl;

static void test_hashes(void **state)
{
	(void)state;
	assert_int_equal(elf_gnu_hash(""), 5381);
	assert_int_equal(elf_sysv_hash(""), 0);
	/* Values from the tables of the system's libc (readelf -I). */
	assert_int_equal(elf_sysv_hash("printf"), 0x077905a6);
	assert_int_equal(elf_gnu_hash("printf"), 0x156b2bb8);
}

static struct object *map_libc(void)
{
	int fd = open(LIBC, O_RDONLY);
	struct object *o;

	assert_true(fd >= 0);
	o = map_object(LIBC, fd, ORIGIN_HOST, "libc.so.6");
	close(fd);
	assert_non_null(o);
	return o;
}

/* Offset of NAME@VERSION in libc according to glibc's own loader. */
static uintptr_t glibc_offset(const char *name, const char *version)
{
	void *h = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
	void *p = dlvsym(h, name, version);
	Dl_info info;

	assert_non_null(p);
	assert_true(dladdr(p, &info));
	return (uintptr_t)p - (uintptr_t)info.dli_fbase;
}

static void lookup_versions(struct object *o)
{
	const char *n = "realpath";
	uint32_t gh = elf_gnu_hash(n), sh = elf_sysv_hash(n);
	const ElfW(Sym) *def, *newest, *old, *cur, *none;

	/* Unversioned: a relocation takes the first version (glibc's rule
	 * for programs linked without versions), dlsym the default. */
	def = object_lookup(o, n, gh, sh, NULL);
	newest = object_lookup2(o, n, gh, sh, NULL, LOOKUP_NEWEST);
	cur = object_lookup(o, n, gh, sh, "GLIBC_2.3");
	old = object_lookup(o, n, gh, sh, "GLIBC_2.2.5");
	none = object_lookup(o, n, gh, sh, "GLIBC_9.9");
	assert_non_null(def);
	assert_non_null(old);
	assert_ptr_equal(def, old);
	assert_ptr_equal(newest, cur);
	assert_ptr_not_equal(old, cur);
	assert_null(none);
	assert_int_equal(cur->st_value, glibc_offset(n, "GLIBC_2.3"));
	assert_int_equal(old->st_value, glibc_offset(n, "GLIBC_2.2.5"));
	n = "pthread_cond_wait";
	old = object_lookup(o, n, elf_gnu_hash(n), elf_sysv_hash(n),
		"GLIBC_2.2.5");
	assert_non_null(old);
	assert_int_equal(old->st_value, glibc_offset(n, "GLIBC_2.2.5"));
	assert_null(object_lookup(o, "no_such_symbol_here",
		elf_gnu_hash("no_such_symbol_here"),
		elf_sysv_hash("no_such_symbol_here"), NULL));
}

static void test_gnu_hash_versions(void **state)
{
	struct object *o = map_libc();

	(void)state;
	assert_non_null(o->gnu_hash);
	lookup_versions(o);
	unmap_object(o);
}

static void test_sysv_hash_versions(void **state)
{
	struct object *o = map_libc();

	(void)state;
	assert_non_null(o->hash);
	o->gnu_hash = NULL;
	lookup_versions(o);
	unmap_object(o);
}

static void test_builtin_versions(void **state)
{
	const struct lx_builtin_lib *lib = builtin_find("libc.so.6");

	(void)state;
	assert_non_null(lib);
	assert_null(builtin_find("libfoo.so.1"));
	assert_ptr_equal(lx_sym_addr(builtin_lookup(lib, "memcpy", "GLIBC_2.2.5", true)),
		stub_old_impl);
	assert_ptr_equal(lx_sym_addr(builtin_lookup(lib, "memcpy", "GLIBC_2.14", true)),
		stub_new_impl);
	assert_ptr_equal(lx_sym_addr(builtin_lookup(lib, "memcpy", NULL, true)),
		stub_new_impl);
	assert_ptr_equal(lx_sym_addr(builtin_lookup(lib, "memcpy", NULL, false)),
		stub_old_impl);
	assert_null(builtin_lookup(lib, "memcpy", "GLIBC_2.3", true));
	assert_non_null(builtin_lookup(lib, "strlen", NULL, true));
	assert_null(builtin_lookup(lib, "strle", NULL, true));
	assert_null(builtin_lookup(lib, "zzz", NULL, true));
}

static void test_scope_order(void **state)
{
	struct object *libc = map_libc();
	struct object *b = builtin_object(builtin_find("libc.so.6"));
	struct object *scope[2] = { b, libc };
	struct symref ref = { .name = "memcpy", .version = "GLIBC_2.2.5" };
	struct symdef d;

	(void)state;
	/* The first object in scope order that defines the version wins. */
	assert_true(lookup_symbol(&ref, NULL, scope, 2, &d));
	assert_ptr_equal(d.obj, b);
	assert_ptr_equal(lx_sym_addr(d.bdef), stub_old_impl);
	ref.name = "realpath";
	assert_true(lookup_symbol(&ref, NULL, scope, 2, &d));
	assert_ptr_equal(d.obj, libc);
	/* skip excludes an object (COPY relocations). */
	ref.name = "memcpy";
	assert_true(lookup_symbol(&ref, b, scope, 2, &d));
	assert_ptr_equal(d.obj, libc);
	unmap_object(libc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hashes),
		cmocka_unit_test(test_gnu_hash_versions),
		cmocka_unit_test(test_sysv_hash_versions),
		cmocka_unit_test(test_builtin_versions),
		cmocka_unit_test(test_scope_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
