/*
 * libFuzzer target over the loader's ELF front end, built as a host
 * program against the system libc: each input is written to a memfd and
 * mapped with map_object (elf_check, the segments, object_parse_dynamic
 * and elf_check_object), its symbols are looked up, versioned and not,
 * through the GNU and the SysV hash table, and its relocations are
 * applied against itself and a small built-in libc. No code of the input
 * runs: IFUNC resolvers go through a hook that returns a constant, and
 * initializers are never called.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "loader-int.h"

/* What the loader files under test expect from the rest of the shim
 * (tests/unit/stubs.c supplies the configuration and the built-in libc). */
bool shim_dl_mode, shim_error_seen;
char shim_dl_error[512];

void shim_msg(const char *fmt, ...)
{
	(void)fmt;
}

void shim_fatal(const char *fmt, ...)
{
	(void)fmt;
	abort();
}

void shim_debug(unsigned what, const char *fmt, ...)
{
	(void)what;
	(void)fmt;
}

void shim_tlsdesc_static(void)
{
}

static uintptr_t no_resolver(uintptr_t fn)
{
	(void)fn;
	return 0x1000;
}

static void lookup(const struct object *o, const char *name,
	const char *version)
{
	uint32_t gh = elf_gnu_hash(name), sh = elf_sysv_hash(name);
	const ElfW(Sym) *s;

	s = object_lookup2(o, name, gh, sh, version, 0);
	if (s && s->st_name >= o->strsz)
		abort();
	object_lookup2(o, name, gh, sh, version, LOOKUP_NEWEST);
	object_lookup2(o, name, gh, sh, version, LOOKUP_PLT);
}

/* A few fixed names and the object's own first symbols, with the
 * versions its references ask for. */
static void lookups(const struct object *o)
{
	static const char *const names[] = { "malloc", "memcpy", "_init",
		"__cxa_finalize", "" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		lookup(o, names[i], NULL);
		lookup(o, names[i], "GLIBC_2.2.5");
	}
	for (i = 1; i < o->nsyms && i < 16; i++) {
		const ElfW(Sym) *s = &o->symtab[i];

		if (s->st_name >= o->strsz)
			continue;
		lookup(o, o->strtab + s->st_name, NULL);
		lookup(o, o->strtab + s->st_name, object_ref_version(o, i));
	}
}

static void lookups_both_hashes(struct object *o)
{
	const uint32_t *gnu = o->gnu_hash;

	lookups(o);
	if (gnu && o->hash) {
		o->gnu_hash = NULL;
		lookups(o);
		o->gnu_hash = gnu;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static struct object *libc;
	struct object *o, *scope[2];

	if (fd < 0) {
		fd = memfd_create("fuzz.so", MFD_CLOEXEC);
		libc = builtin_object(builtin_find("libc.so.6"));
		shim_call_resolver = no_resolver;
		if (fd < 0 || !libc)
			abort();
	}
	if (ftruncate(fd, 0) < 0 ||
	    (size && pwrite(fd, data, size, 0) != (ssize_t)size))
		abort();
	if (!(o = map_object("fuzz.so", fd, ORIGIN_HOST, "fuzz.so")))
		return 0;
	lookups_both_hashes(o);
	o->tls_modid = o->tls_memsz ? 1 : 0;
	/* Unsigned: a hostile memsz may be any size (the checks come later). */
	o->tls_tpoff = (intptr_t)(0 - (uintptr_t)o->tls_memsz);
	scope[0] = o;
	scope[1] = libc;
	shim_missing_count = 0;
	relocate_object(o, scope, 2);
	lookups_both_hashes(o);
	unmap_object(o);
	return 0;
}
