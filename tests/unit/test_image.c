/*
 * Checks of a mapped object (ld-linux-shim/elf/elf-image.c): a small image
 * built in memory (a read-only page of tables, a code page, a data page)
 * passes, and each defect a malformed file can bring is refused with its
 * message; lookups over a cyclic hash chain end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "loader-int.h"

#define PG 4096
#define STR 0x100		/* offsets in the tables page */
#define SYM 0x200
#define HASH 0x300
#define RELA 0x400
#define GNU 0x500
#define VER 0x600
#define RELR 0x700
#define DYN 0x800
#define CODE PG
#define DATA (2 * PG)

static const char strings[] = "\0foo\0bar\0GLIBC_2.2.5\0libc.so.6";
enum { S_FOO = 1, S_BAR = 5, S_VER = 9, S_FILE = 21 };

static unsigned char *img;
static ElfW(Phdr) ph[4];
static struct object obj;
static char msg[160];

#define AT(off, type) ((type *)(img + (off)))

static void good(void)
{
	ElfW(Sym) *s = AT(SYM, ElfW(Sym));
	uint32_t *h = AT(HASH, uint32_t);
	ElfW(Rela) *r = AT(RELA, ElfW(Rela));

	memset(img, 0, 3 * PG);
	memcpy(img + STR, strings, sizeof strings);
	s[1] = (ElfW(Sym)){ .st_name = S_FOO, .st_value = CODE + 0x10,
		.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC), .st_shndx = 1 };
	s[2] = (ElfW(Sym)){ .st_name = S_BAR, .st_value = DATA,
		.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT), .st_shndx = 2,
		.st_size = 8 };
	h[0] = 1;			/* nbucket */
	h[1] = 3;			/* nchain */
	h[2] = 2;			/* bucket[0] */
	h[3 + 2] = 1;			/* chain: 2 -> 1 -> 0 */
	r[0] = (ElfW(Rela)){ DATA + 8, ELF64_R_INFO(0, R_X86_64_RELATIVE),
		CODE };
	r[1] = (ElfW(Rela)){ DATA + 16, ELF64_R_INFO(1, R_X86_64_GLOB_DAT),
		0 };
	ph[0] = (ElfW(Phdr)){ .p_type = PT_LOAD, .p_flags = PF_R,
		.p_vaddr = 0, .p_filesz = PG, .p_memsz = PG };
	ph[1] = (ElfW(Phdr)){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
		.p_vaddr = CODE, .p_filesz = PG, .p_memsz = PG };
	ph[2] = (ElfW(Phdr)){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W,
		.p_vaddr = DATA, .p_filesz = PG, .p_memsz = PG };
	memset(&obj, 0, sizeof obj);
	obj.path = "img";
	obj.base = (uintptr_t)img;
	obj.phdr = ph;
	obj.phnum = 3;
	obj.strtab = AT(STR, const char);
	obj.strsz = sizeof strings;
	obj.symtab = s;
	obj.hash = h;
	obj.rela = r;
	obj.relasz = 2 * sizeof *r;
}

static int setup(void **state)
{
	(void)state;
	img = aligned_alloc(PG, 3 * PG);
	return img ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(img);
	return 0;
}

/* The object's checks, then its RELA entries' (as relocate_object). */
static const char *check(void)
{
	const char *why = elf_check_object(&obj);

	if (why || !obj.rela)
		return why;
	return elf_check_rela(&obj, obj.rela, obj.relasz / sizeof *obj.rela,
		msg, sizeof msg);
}

#define REFUSED(sub) do { \
	const char *w_ = check(); \
	assert_non_null(w_); \
	if (!strstr(w_, sub)) \
		fail_msg("\"%s\" lacks \"%s\"", w_, sub); \
} while (0)

static void test_valid(void **state)
{
	(void)state;
	good();
	assert_null(check());
	assert_int_equal(obj.nsyms, 3);
	assert_true(elf_in_segment(&obj, obj.base + CODE, PG, PF_X));
	assert_false(elf_in_segment(&obj, obj.base + CODE, PG + 1, PF_X));
	assert_false(elf_in_segment(&obj, obj.base + DATA, 1, PF_X));
	ph[1].p_filesz = 0x100;		/* code is what the file holds */
	assert_false(elf_in_segment(&obj, obj.base + CODE + 0x100, 1, PF_X));
	assert_true(elf_in_segment(&obj, obj.base + CODE + 0x100, 1, PF_R));
}

static void test_kinds(void **state)
{
	ElfW(Rela) *r = AT(RELA, ElfW(Rela));
	ElfW(Sym) *s = AT(SYM, ElfW(Sym));

	(void)state;
	good();
	r[0].r_info = ELF64_R_INFO(2, R_X86_64_RELATIVE);
	REFUSED("relative relocation with a symbol");
	good();
	r[1].r_info = ELF64_R_INFO(2, R_X86_64_DTPMOD64);
	REFUSED("TLS relocation of a symbol that is not TLS");
	s[2].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_TLS);
	assert_null(check());
	r[1].r_info = ELF64_R_INFO(2, R_X86_64_GLOB_DAT);
	REFUSED("relocation of a TLS symbol as an address");
	good();
	s[1].st_info = ELF64_ST_INFO(STB_GLOBAL, 12);
	REFUSED("bad symbol type");
	good();
	obj.jmprel = AT(RELA, ElfW(Rela));
	REFUSED("DT_JMPREL without DT_PLTRELSZ");
}

static void test_strings(void **state)
{
	(void)state;
	good();
	obj.strsz -= 1;		/* the last string loses its NUL */
	REFUSED("string table not terminated");
	good();
	obj.strsz = 3 * PG;
	REFUSED("string table outside the image");
	good();
	AT(SYM, ElfW(Sym))[2].st_name = sizeof strings;
	REFUSED("symbol name past the string table");
}

static void test_sysv_hash(void **state)
{
	(void)state;
	good();
	AT(HASH, uint32_t)[1] = 0x10000000;	/* nchain past the image */
	REFUSED("hash table outside the image");
	good();
	/* more symbols than the page holds */
	AT(HASH, uint32_t)[1] = 100;
	AT(HASH, uint32_t)[0] = 0;
	obj.symtab = AT(PG - 48, ElfW(Sym));
	REFUSED("symbol table outside the image");
	good();
	/* a chain that loops: the lookup still ends */
	AT(HASH, uint32_t)[3 + 1] = 2;
	assert_null(check());
	assert_null(object_lookup(&obj, "zzz", elf_gnu_hash("zzz"),
		elf_sysv_hash("zzz"), NULL));
	assert_non_null(object_lookup(&obj, "foo", elf_gnu_hash("foo"),
		elf_sysv_hash("foo"), NULL));
}

/* A GNU hash table with one bucket for symbols 1..2 (symoffset 1). */
static void gnu(uint32_t last)
{
	uint32_t *t = AT(GNU, uint32_t);

	t[0] = 1;		/* nbuckets */
	t[1] = 1;		/* symoffset */
	t[2] = 1;		/* bloom words */
	t[3] = 6;		/* shift */
	memset(t + 4, 0xff, 8);	/* bloom: everything may be there */
	t[6] = 1;		/* bucket[0] */
	t[7] = elf_gnu_hash("foo") & ~1u;
	t[8] = (elf_gnu_hash("bar") & ~1u) | last;
	obj.hash = NULL;
	obj.gnu_hash = t;
}

static void test_gnu_hash(void **state)
{
	(void)state;
	good();
	gnu(1);
	assert_null(check());
	assert_true(obj.nsyms >= 3);
	assert_non_null(object_lookup(&obj, "bar", elf_gnu_hash("bar"), 0,
		NULL));
	good();
	gnu(0);			/* no chain end before the page's end */
	memset(img + GNU + 36, 0, PG - GNU - 36);
	REFUSED("GNU hash chain runs past the image");
	good();
	gnu(1);
	AT(GNU, uint32_t)[3] = 40;
	REFUSED("GNU hash shift out of range");
	good();
	gnu(1);
	AT(GNU, uint32_t)[1] = 2;	/* bucket 1 < symoffset 2 */
	REFUSED("GNU hash bucket out of range");
	good();
	gnu(1);
	AT(GNU, uint32_t)[2] = 0x40000000;
	REFUSED("GNU hash table outside the image");
}

static void test_relocs(void **state)
{
	ElfW(Rela) *r = AT(RELA, ElfW(Rela));

	(void)state;
	good();
	r[0].r_offset = CODE;
	REFUSED("relocation outside the writable segments");
	obj.has_textrel = true;		/* DT_TEXTREL: any segment */
	assert_null(check());
	good();
	r[0].r_offset = DATA + PG - 4;	/* 8 bytes, 4 left */
	REFUSED("relocation outside the writable segments");
	good();
	r[1].r_info = ELF64_R_INFO(3, R_X86_64_GLOB_DAT);
	REFUSED("relocation symbol index out of range");
	good();
	r[1].r_info = ELF64_R_INFO(1, 99);
	REFUSED("unsupported relocation type 99");
	good();
	r[0].r_info = ELF64_R_INFO(0, R_X86_64_IRELATIVE);
	r[0].r_addend = DATA;
	REFUSED("IRELATIVE resolver outside the code");
	good();
	obj.relasz = 3;
	REFUSED("not a multiple of its entry size");
	good();
	obj.rela = AT(RELA + 4, ElfW(Rela));
	REFUSED("relocations outside the image");
}

static void test_guarded_tables(void **state)
{
	ElfW(Rela) *r = AT(RELA, ElfW(Rela));

	(void)state;
	good();
	/* with every segment writable, the tables still are not */
	obj.has_textrel = true;
	r[0].r_offset = SYM + 24;
	REFUSED("relocation outside the writable segments");
	good();
	obj.has_textrel = true;
	r[0].r_offset = RELA + 24;	/* the next relocation itself */
	REFUSED("relocation outside the writable segments");
}

static void test_relr(void **state)
{
	uint64_t *e = AT(RELR, uint64_t);

	(void)state;
	good();
	obj.relr = e;
	obj.relrsz = 16;
	e[0] = DATA;
	e[1] = 0x7;		/* the two words after it */
	assert_null(check());
	e[1] = (uint64_t)-1;	/* 63 words: past the data page? no */
	assert_null(check());
	e[0] = DATA + PG - 8;
	REFUSED("relocation outside the writable segments");
	e[0] = 0x7;		/* a bitmap first */
	REFUSED("RELR bitmap before any address");
	e[0] = 0;		/* the tables page */
	REFUSED("relocation outside the writable segments");
}

static void test_ifunc_and_init(void **state)
{
	ElfW(Sym) *s = AT(SYM, ElfW(Sym));

	(void)state;
	good();
	s[2].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_GNU_IFUNC);
	REFUSED("IFUNC resolver outside the code");
	good();
	obj.init = obj.base + DATA;
	REFUSED("DT_INIT outside the code");
	good();
	obj.fini = obj.base + CODE + 0x20;
	assert_null(check());
	good();
	obj.init_array = AT(DATA + PG - 8, const uintptr_t);
	obj.init_arraysz = 2;
	REFUSED("initializer array outside the image");
}

static void test_versions(void **state)
{
	ElfW(Verneed) *vn = AT(VER, ElfW(Verneed));
	ElfW(Vernaux) *a = AT(VER + sizeof *vn, ElfW(Vernaux));
	ElfW(Verdef) *vd = AT(VER + 0x80, ElfW(Verdef));
	ElfW(Verdaux) *da = AT(VER + 0x80 + sizeof *vd, ElfW(Verdaux));

	(void)state;
	good();
	*vn = (ElfW(Verneed)){ .vn_version = 1, .vn_cnt = 1,
		.vn_file = S_FILE, .vn_aux = sizeof *vn };
	*a = (ElfW(Vernaux)){ .vna_name = S_VER, .vna_other = 2 };
	*vd = (ElfW(Verdef)){ .vd_version = 1, .vd_ndx = 1, .vd_cnt = 1,
		.vd_aux = sizeof *vd, .vd_next = 0 };
	*da = (ElfW(Verdaux)){ .vda_name = S_FOO };
	obj.verneed = vn;
	obj.verneednum = 1;
	obj.verdef = vd;
	obj.verdefnum = 1;
	obj.versym = AT(0xf00, ElfW(Versym));
	assert_null(check());
	vd->vd_next = 0;
	obj.verdefnum = 5000;	/* the chain ends first: fine */
	assert_null(check());
	obj.verdefnum = 0x8000;
	REFUSED("too many version definitions");
	obj.verdefnum = 1;
	a->vna_name = 0x1000;
	REFUSED("version name past the string table");
	a->vna_name = S_VER;
	vn->vn_aux = 0x10000000;
	REFUSED("version requirement outside the image");
	vn->vn_aux = sizeof *vn;
	vn->vn_cnt = 3;		/* vna_next 0: the same entry again */
	assert_null(check());
	obj.verneednum = 2;
	vn->vn_next = 0x7fffffff;
	REFUSED("version requirement outside the image");
	obj.verneednum = 1;
	vd->vd_aux = (unsigned)-64;
	REFUSED("version definition outside the image");
	good();
	obj.versym = AT(PG - 2, ElfW(Versym));	/* 3 entries, 1 fits */
	REFUSED("symbol versions outside the image");
}

static void test_segments(void **state)
{
	(void)state;
	good();
	obj.tls_image = AT(DATA, void);
	obj.tls_filesz = 16;
	obj.tls_memsz = 32;
	obj.tls_align = 16;
	assert_null(check());
	obj.tls_memsz = (size_t)1 << 40;
	REFUSED("PT_TLS size out of range");
	obj.tls_memsz = 32;
	obj.tls_image = AT(DATA + PG - 8, void);
	REFUSED("PT_TLS image outside the image");
	obj.tls_image = AT(DATA, void);
	obj.tls_align = 24;
	REFUSED("bad PT_TLS alignment");
	good();
	obj.relro_start = obj.base + DATA;
	obj.relro_end = obj.base + DATA + PG;
	assert_null(check());
	obj.relro_end = obj.base + DATA + 2 * PG;
	REFUSED("PT_GNU_RELRO outside the writable segments");
	good();
	ph[3] = (ElfW(Phdr)){ .p_type = PT_GNU_EH_FRAME, .p_vaddr = 0x10,
		.p_memsz = 0x10 };
	obj.phnum = 4;
	assert_null(check());
	ph[3].p_vaddr = 3 * PG;		/* past the last segment */
	REFUSED("PT_GNU_EH_FRAME outside the image");
	obj.relro_start = obj.base + CODE;	/* it would take the code */
	obj.relro_end = obj.base + CODE + PG;
	REFUSED("PT_GNU_RELRO outside the writable segments");
}

static void test_dynamic(void **state)
{
	ElfW(Dyn) *d = AT(DYN, ElfW(Dyn));

	(void)state;
	good();
	obj.dynamic = d;
	obj.dynsz = 2 * sizeof *d;
	d[0] = (ElfW(Dyn)){ DT_STRSZ, { 1 } };
	d[1] = (ElfW(Dyn)){ DT_NULL, { 0 } };
	assert_null(elf_check_dynamic(&obj));
	d[1].d_tag = DT_DEBUG;
	assert_non_null(strstr(elf_check_dynamic(&obj), "without DT_NULL"));
	obj.dynsz = PG;
	assert_non_null(strstr(elf_check_dynamic(&obj), "outside the image"));
	obj.dynsz = 2 * sizeof *d;
	obj.dynamic = AT(DYN + 4, ElfW(Dyn));
	assert_non_null(strstr(elf_check_dynamic(&obj), "outside the image"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_sysv_hash),
		cmocka_unit_test(test_gnu_hash),
		cmocka_unit_test(test_relocs),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_guarded_tables),
		cmocka_unit_test(test_relr),
		cmocka_unit_test(test_ifunc_and_init),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_dynamic),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
