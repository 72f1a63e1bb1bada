/*
 * Stage 1: the code that runs before the interpreter is relocated.
 *
 * Nothing here may use a global through the GOT, call a function in another
 * file except after self-relocation, use the stack protector or touch a
 * string literal before relocation. The hidden linker symbols __ehdr_start
 * and _DYNAMIC are reached PC-relative, so they are safe.
 *
 * boot_start() applies the image's own R_X86_64_RELATIVE relocations,
 * enters secure mode if the program is set-user-ID or set-group-ID
 * (secure.c: the environment is cleaned before anyone reads it),
 * remembers the guest's view of the auxiliary vector, points AT_PHDR and
 * AT_PHNUM at the interpreter's own program headers (musl's static start-up
 * finds its TLS segment there), and enters musl's __libc_start_main with
 * shim_main().
 */
#include <elf.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

#include "loader-int.h"

extern const ElfW(Ehdr) __ehdr_start __attribute__((visibility("hidden")));
extern ElfW(Dyn) _DYNAMIC[] __attribute__((visibility("hidden")));

int __libc_start_main(int (*)(int, char **, char **), int, char **,
	void (*)(void), void (*)(void), void (*)(void));
void _init(void);
void _fini(void);

struct boot_info shim_boot;

__attribute__((no_stack_protector, optimize("no-tree-loop-distribute-patterns")))
static void boot_relocate(uintptr_t base)
{
	const ElfW(Rela) *rela = 0;
	const uint64_t *relr = 0;
	size_t relasz = 0, relrsz = 0, i;
	uintptr_t *where = 0;

	for (ElfW(Dyn) *d = _DYNAMIC; d->d_tag != DT_NULL; d++) {
		if (d->d_tag == DT_RELA)
			rela = (const void *)(base + d->d_un.d_ptr);
		else if (d->d_tag == DT_RELASZ)
			relasz = d->d_un.d_val;
		else if (d->d_tag == DT_RELR)
			relr = (const void *)(base + d->d_un.d_ptr);
		else if (d->d_tag == DT_RELRSZ)
			relrsz = d->d_un.d_val;
	}
	for (i = 0; rela && i < relasz / sizeof *rela; i++) {
		if (ELF64_R_TYPE(rela[i].r_info) != R_X86_64_RELATIVE)
			continue;
		*(uintptr_t *)(base + rela[i].r_offset) =
			base + rela[i].r_addend;
	}
	/* DT_RELR (the image is linked -z pack-relative-relocs): an even
	 * entry is an address to relocate, an odd one a bitmap of the 63
	 * words that follow the last address. */
	for (i = 0; relr && i < relrsz / sizeof *relr; i++) {
		uint64_t e = relr[i];

		if (!(e & 1)) {
			where = (uintptr_t *)(base + e);
			*where++ += base;
			continue;
		}
		for (unsigned b = 0; (e >>= 1) != 0; b++)
			if (e & 1)
				where[b] += base;
		where += 63;
	}
}

__attribute__((no_stack_protector, noreturn))
void boot_start(uintptr_t *sp)
{
	uintptr_t base = (uintptr_t)&__ehdr_start;
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	ElfW(auxv_t) *auxv;
	size_t i;

	boot_relocate(base);

	for (i = 0; envp[i]; i++)
		;
	auxv = secure_boot(envp, (ElfW(auxv_t) *)(envp + i + 1));
	shim_boot.sp = sp;
	shim_boot.auxv = auxv;
	shim_boot.base = base;
	for (i = 0; auxv[i].a_type != AT_NULL; i++) {
		switch (auxv[i].a_type) {
		case AT_PHDR:
			shim_boot.at_phdr = auxv[i].a_un.a_val;
			auxv[i].a_un.a_val = base + __ehdr_start.e_phoff;
			break;
		case AT_PHNUM:
			shim_boot.at_phnum = auxv[i].a_un.a_val;
			auxv[i].a_un.a_val = __ehdr_start.e_phnum;
			break;
		case AT_ENTRY:
			shim_boot.at_entry = auxv[i].a_un.a_val;
			break;
		case AT_BASE:
			shim_boot.at_base = auxv[i].a_un.a_val;
			break;
		case AT_EXECFN:
			shim_boot.at_execfn = auxv[i].a_un.a_val;
			break;
		}
	}
	shim_boot.as_interp = shim_boot.at_base == base;
	__libc_start_main(shim_main, argc, argv, _init, _fini, 0);
	for (;;)
		;
}
