/* ELF validation (ld-linux-shim/elf/elf.c): each defect gets its message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "loader-int.h"

struct img {
	ElfW(Ehdr) eh;
	ElfW(Phdr) ph[3];
};

static void good(struct img *m)
{
	memset(m, 0, sizeof *m);
	memcpy(m->eh.e_ident, ELFMAG, SELFMAG);
	m->eh.e_ident[EI_CLASS] = ELFCLASS64;
	m->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	m->eh.e_ident[EI_VERSION] = EV_CURRENT;
	m->eh.e_type = ET_DYN;
	m->eh.e_machine = EM_X86_64;
	m->eh.e_version = EV_CURRENT;
	m->eh.e_ehsize = sizeof m->eh;
	m->eh.e_phoff = offsetof(struct img, ph);
	m->eh.e_phentsize = sizeof(ElfW(Phdr));
	m->eh.e_phnum = 3;
	m->ph[0] = (ElfW(Phdr)){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
		.p_offset = 0, .p_vaddr = 0, .p_filesz = 0x2000,
		.p_memsz = 0x2000, .p_align = 0x1000 };
	m->ph[1] = (ElfW(Phdr)){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W,
		.p_offset = 0x2000, .p_vaddr = 0x3000, .p_filesz = 0x800,
		.p_memsz = 0x1000, .p_align = 0x1000 };
	m->ph[2] = (ElfW(Phdr)){ .p_type = PT_DYNAMIC, .p_flags = PF_R,
		.p_offset = 0x2100, .p_vaddr = 0x3100, .p_filesz = 0x100,
		.p_memsz = 0x100, .p_align = 8 };
}

static const char *check(const struct img *m, size_t len, uint64_t fsize)
{
	static char msg[160];

	return elf_check((const void *)m, len, fsize, false, msg, sizeof msg);
}

#define EXPECT(m, sub) do { \
	const char *w_ = check(&(m), sizeof(m), 0x3000); \
	assert_non_null(w_); \
	assert_non_null(strstr(w_, sub)); \
} while (0)

static void test_valid(void **state)
{
	struct img m;

	(void)state;
	good(&m);
	assert_null(check(&m, sizeof m, 0x3000));
}

static void test_ident(void **state)
{
	struct img m;

	(void)state;
	good(&m);
	m.eh.e_ident[1] = 'X';
	EXPECT(m, "not an ELF file");
	assert_non_null(strstr(check(&m, 3, 3), "not an ELF file"));
	good(&m);
	m.eh.e_ident[EI_CLASS] = ELFCLASS32;
	EXPECT(m, "not a 64-bit ELF file");
	good(&m);
	m.eh.e_ident[EI_DATA] = ELFDATA2MSB;
	EXPECT(m, "ELF file for another machine");
	good(&m);
	m.eh.e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
	EXPECT(m, "ELF binary type \"9\" not known");
	good(&m);
	m.eh.e_ident[EI_OSABI] = ELFOSABI_GNU;
	assert_null(check(&m, sizeof m, 0x3000));
}

static void test_header(void **state)
{
	struct img m;

	(void)state;
	good(&m);
	m.eh.e_machine = EM_AARCH64;
	EXPECT(m, "ELF file for another machine");
	good(&m);
	m.eh.e_type = ET_REL;
	EXPECT(m, "not an executable or shared object");
	good(&m);
	m.eh.e_phentsize = 10;
	EXPECT(m, "bad program header size");
	good(&m);
	m.eh.e_phnum = 0xffff;
	EXPECT(m, "bad number of program headers");
	good(&m);
	m.eh.e_phoff = 0x10000;
	EXPECT(m, "program headers past end of file");
	good(&m);
	assert_non_null(strstr(check(&m, 40, 0x3000), "truncated ELF header"));
}

static void test_segments(void **state)
{
	struct img m;

	(void)state;
	good(&m);
	m.ph[1].p_filesz = 0x2000;
	m.ph[1].p_memsz = 0x2000;
	EXPECT(m, "extends past end of file");
	good(&m);
	m.ph[1].p_memsz = 0x100;
	EXPECT(m, "file size exceeds memory size");
	good(&m);
	m.ph[1].p_vaddr = 0x1000;
	m.ph[1].p_offset = 0x1000;
	EXPECT(m, "overlap or are not sorted");
	good(&m);
	m.ph[1].p_vaddr = 0x3010;
	EXPECT(m, "not congruent");
	good(&m);
	m.ph[2].p_vaddr = 0x9000;
	EXPECT(m, "PT_DYNAMIC outside every loadable segment");
	good(&m);
	m.ph[0].p_type = PT_NOTE;
	m.ph[1].p_type = PT_NOTE;
	EXPECT(m, "no loadable segment");
	good(&m);
	m.ph[2] = (ElfW(Phdr)){ .p_type = PT_TLS, .p_align = 3 };
	EXPECT(m, "not a power of two");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_ident),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_segments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
