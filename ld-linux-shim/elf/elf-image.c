/*
 * The bounded front end: checks of a mapped object, before the loader
 * reads a table of it. Every table the dynamic section names lies in a
 * loaded segment; every string offset, symbol index, version chain, hash
 * bucket and chain, relocation target, resolver, initializer and the TLS
 * image stays inside the object. map.c calls elf_check_object once, after
 * reading the dynamic section; lookup and start-up then trust what it let
 * through. RELA entries, often megabytes of them, are checked by
 * elf_check_rela a run at a time just before reloc.c applies the run, so
 * that they are read from memory once. The functions only read the
 * image; messages are static strings or MSG, "malformed ELF file: what"
 * as elf.c's.
 */
#include <stdio.h>

#include "loader-int.h"

#define PAGE 4096ul
#define READABLE (PF_R | PF_W)
#define MALF "malformed ELF file: "
#define MAX_VERSIONS 0x8000u		/* versym indexes are 15 bits */
#define TLS_MAX_SIZE (1ul << 28)

/* The PT_LOAD of O holding ADDR with one of FLAGS (0: any), or NULL. */
static const ElfW(Phdr) *segment_of(const struct object *o, uintptr_t addr,
	unsigned flags)
{
	for (size_t i = 0; i < o->phnum; i++) {
		const ElfW(Phdr) *p = &o->phdr[i];

		if (p->p_type == PT_LOAD &&
		    addr - (o->base + p->p_vaddr) < p->p_memsz &&
		    (!flags || (p->p_flags & flags)))
			return p;
	}
	return NULL;
}

/* Bytes from ADDR to the end of its segment (see segment_of), 0 if none.
 * Code (PF_X) is what the file holds: the zeros past p_filesz are not. */
static uint64_t room(const struct object *o, uintptr_t addr, unsigned flags)
{
	const ElfW(Phdr) *p = segment_of(o, addr, flags);
	uint64_t end;

	if (!p)
		return 0;
	end = flags == PF_X ? p->p_filesz : p->p_memsz;
	return addr - (o->base + p->p_vaddr) < end ?
		end - (addr - (o->base + p->p_vaddr)) : 0;
}

bool elf_in_segment(const struct object *o, uintptr_t addr, uint64_t len,
	unsigned flags)
{
	uint64_t r = room(o, addr, flags);

	return r && len <= r;
}

/*
 * The tables the loader reads while and after relocating (the dynamic
 * section, symbols, strings, versions, hash and relocation tables, the
 * program headers) that lie in memory a relocation may write: a
 * relocation must not change them after they were checked.
 */
#define MAX_GUARDS (sizeof ((struct elf_guards *)0)->lo / sizeof(uintptr_t))

static void guard(const struct object *o, struct elf_guards *g, const void *p,
	uint64_t len)
{
	unsigned w = o->has_textrel ? 0 : PF_W;
	uintptr_t a = (uintptr_t)p;

	if (!p || !len || g->n == MAX_GUARDS)
		return;
	if (!segment_of(o, a, w) && !segment_of(o, a + len - 1, w))
		return;
	g->lo[g->n] = a;
	g->hi[g->n++] = a + len;
}

/* The extent of a chain of version entries. */
struct extent {
	uintptr_t lo, hi;
};

static void extend(struct extent *e, const void *p, size_t len)
{
	if (!e->hi || (uintptr_t)p < e->lo)
		e->lo = (uintptr_t)p;
	if ((uintptr_t)p + len > e->hi)
		e->hi = (uintptr_t)p + len;
}

/* A table of LEN bytes at P: absent (and empty), or aligned and inside. */
static bool table_ok(const struct object *o, const void *p, uint64_t len,
	size_t align)
{
	if (!p)
		return !len;
	return (uintptr_t)p % align == 0 &&
		(!len || elf_in_segment(o, (uintptr_t)p, len, READABLE));
}

const char *elf_check_dynamic(const struct object *o)
{
	size_t n = o->dynsz / sizeof *o->dynamic;

	if (!table_ok(o, o->dynamic, n * sizeof *o->dynamic, 8))
		return MALF "dynamic section outside the image";
	for (size_t i = 0; i < n; i++)
		if (o->dynamic[i].d_tag == DT_NULL)
			return NULL;
	return MALF "dynamic section without DT_NULL";
}

static const char *check_tables(const struct object *o)
{
	if (!o->strtab || !table_ok(o, o->strtab, o->strsz, 1))
		return MALF "string table outside the image";
	if (o->strsz && o->strtab[o->strsz - 1])
		return MALF "string table not terminated";
	if (o->relasz % sizeof *o->rela || o->pltrelsz % sizeof *o->jmprel ||
	    o->relrsz % sizeof *o->relr)
		return MALF "relocation table size not a multiple of its entry size";
	if (!table_ok(o, o->rela, o->relasz, 8))
		return MALF "relocations outside the image";
	if (o->jmprel && !o->pltrelsz)	/* the PLT would stay unbound */
		return MALF "DT_JMPREL without DT_PLTRELSZ";
	if (!table_ok(o, o->jmprel, o->pltrelsz, 8))
		return MALF "PLT relocations outside the image";
	if (!table_ok(o, o->relr, o->relrsz, 8))
		return MALF "RELR relocations outside the image";
	if (!table_ok(o, o->init_array, o->init_arraysz * 8, 8) ||
	    !table_ok(o, o->fini_array, o->fini_arraysz * 8, 8) ||
	    !table_ok(o, o->preinit_array, o->preinit_arraysz * 8, 8))
		return MALF "initializer array outside the image";
	if (o->init && !elf_in_segment(o, o->init, 1, PF_X))
		return MALF "DT_INIT outside the code";
	if (o->fini && !elf_in_segment(o, o->fini, 1, PF_X))
		return MALF "DT_FINI outside the code";
	return NULL;
}

/* DT_HASH: the table is inside; nchain counts the symbols. */
static const char *sysv_count(const struct object *o, size_t *n)
{
	const uint32_t *h = o->hash;

	if (!table_ok(o, h, 8, 4) ||
	    !table_ok(o, h, (2 + (uint64_t)h[0] + h[1]) * 4, 4))
		return MALF "hash table outside the image";
	*n = h[1];
	return NULL;
}

/* DT_GNU_HASH: the table is inside, the buckets name hashed symbols and
 * the chain of the last one ends inside; it reaches symbol N - 1. */
static const char *gnu_count(const struct object *o, size_t *n)
{
	const uint32_t *t = o->gnu_hash, *buckets, *chain;
	uint64_t max = 0, i, end;

	if (!table_ok(o, t, 16, 8) ||
	    !table_ok(o, t, (4 + 2 * (uint64_t)t[2] + t[0]) * 4, 8))
		return MALF "GNU hash table outside the image";
	if (t[3] >= 32)
		return MALF "GNU hash shift out of range";
	buckets = t + 4 + 2 * (size_t)t[2];
	for (i = 0; i < t[0]; i++) {
		if (buckets[i] && buckets[i] < t[1])
			return MALF "GNU hash bucket out of range";
		if (buckets[i] > max)
			max = buckets[i];
	}
	if (!max) {
		*n = t[1];
		return NULL;
	}
	chain = buckets + t[0];
	end = room(o, (uintptr_t)chain, READABLE) / 4;
	for (i = max - t[1]; i < end && !(chain[i] & 1); i++)
		;
	if (i >= end)
		return MALF "GNU hash chain runs past the image";
	*n = t[1] + i + 1;
	return NULL;
}

/* Symbol S may be referenced: its name is a string, its type one a
 * dynamic symbol has, an IFUNC is code. */
static const char *check_sym(const struct object *o, const ElfW(Sym) *s)
{
	unsigned type = ELF64_ST_TYPE(s->st_info);

	if (s->st_name >= o->strsz)
		return MALF "symbol name past the string table";
	if (type > STT_TLS && type != STT_GNU_IFUNC)
		return MALF "bad symbol type";
	if (ELF64_ST_TYPE(s->st_info) == STT_GNU_IFUNC &&
	    s->st_shndx != SHN_UNDEF &&
	    !elf_in_segment(o, o->base + s->st_value, 1, PF_X))
		return MALF "IFUNC resolver outside the code";
	return NULL;
}

/*
 * The number of dynamic symbols. The hash table reaches every symbol a
 * lookup can find (each is checked here); symbols past the last hashed
 * one (imports some linkers put last) are bounded by .dynstr, which the
 * linkers put right after .dynsym, and by the end of the segment; each of
 * those is checked when a relocation names it.
 */
static const char *count_symbols(struct object *o)
{
	size_t n = 0, gap = 0, fit, i;
	const char *why = NULL;

	if (!table_ok(o, o->symtab, 1, 8) || !o->symtab)
		return MALF "symbol table outside the image";
	if (o->gnu_hash && (why = gnu_count(o, &n)))
		return why;
	if (o->hash && (why = sysv_count(o, &n)))
		return why;
	fit = room(o, (uintptr_t)o->symtab, READABLE) / sizeof *o->symtab;
	if (n > fit)
		return MALF "symbol table outside the image";
	if (o->versym && !table_ok(o, o->versym, n * 2, 2))
		return MALF "symbol versions outside the image";
	for (i = 1; i < n; i++)
		if ((why = check_sym(o, &o->symtab[i])))
			return why;
	if (!o->hash && (uintptr_t)o->strtab > (uintptr_t)o->symtab)
		gap = ((uintptr_t)o->strtab - (uintptr_t)o->symtab) /
			sizeof *o->symtab;
	if (gap > fit)
		gap = fit;
	if (o->versym && gap > room(o, (uintptr_t)o->versym, READABLE) / 2)
		gap = room(o, (uintptr_t)o->versym, READABLE) / 2;
	o->nsyms = gap > n ? gap : n;
	return NULL;
}

#define AT(base, off) ((const void *)((const char *)(base) + (off)))

static const char *check_verdef(const struct object *o, struct extent *e)
{
	const ElfW(Verdef) *vd = o->verdef;

	if (o->verdefnum >= MAX_VERSIONS)
		return MALF "too many version definitions";
	for (size_t i = 0; vd && i < o->verdefnum; i++) {
		const ElfW(Verdaux) *a;

		if (!table_ok(o, vd, sizeof *vd, 4))
			return MALF "version definition outside the image";
		a = AT(vd, vd->vd_aux);
		if (!table_ok(o, a, sizeof *a, 4))
			return MALF "version definition outside the image";
		if (a->vda_name >= o->strsz)
			return MALF "version name past the string table";
		extend(e, vd, sizeof *vd);
		extend(e, a, sizeof *a);
		if (!vd->vd_next)
			break;
		vd = AT(vd, vd->vd_next);
	}
	return NULL;
}

/* One DT_VERNEED entry and its vn_cnt auxiliary entries. */
static const char *check_vn(const struct object *o, const ElfW(Verneed) *vn,
	size_t *naux, struct extent *e)
{
	const ElfW(Vernaux) *a;

	if (!table_ok(o, vn, sizeof *vn, 4))
		return MALF "version requirement outside the image";
	if (vn->vn_file >= o->strsz)
		return MALF "version file name past the string table";
	if ((*naux += vn->vn_cnt) >= MAX_VERSIONS)
		return MALF "too many version requirements";
	extend(e, vn, sizeof *vn);
	a = AT(vn, vn->vn_aux);
	for (size_t j = 0; j < vn->vn_cnt; j++) {
		if (!table_ok(o, a, sizeof *a, 4))
			return MALF "version requirement outside the image";
		if (a->vna_name >= o->strsz)
			return MALF "version name past the string table";
		extend(e, a, sizeof *a);
		a = AT(a, a->vna_next);
	}
	return NULL;
}

static const char *check_verneed(const struct object *o, struct extent *e)
{
	const ElfW(Verneed) *vn = o->verneed;
	size_t naux = 0;
	const char *why;

	if (o->verneednum >= MAX_VERSIONS)
		return MALF "too many version requirements";
	for (size_t i = 0; vn && i < o->verneednum; i++) {
		if ((why = check_vn(o, vn, &naux, e)))
			return why;
		vn = AT(vn, vn->vn_next);
	}
	return NULL;
}

/* Where relocations may write: the last span found, a part of a writable
 * segment that no guarded table overlaps (most targets are in the same
 * one, so most checks are one comparison). */
struct span {
	uintptr_t lo, hi;
	const struct elf_guards *g;
};

static bool writable_slow(const struct object *o, struct span *c,
	uintptr_t addr, uint64_t len)
{
	const ElfW(Phdr) *p = segment_of(o, addr, o->has_textrel ? 0 : PF_W);
	const struct elf_guards *g = c->g;
	uintptr_t lo, hi;

	if (!p)
		return false;
	lo = o->base + p->p_vaddr;
	hi = lo + p->p_memsz;
	for (size_t i = 0; i < g->n; i++) {
		if (g->hi[i] <= addr && g->hi[i] > lo)
			lo = g->hi[i];
		else if (g->lo[i] > addr && g->lo[i] < hi)
			hi = g->lo[i];
		else if (g->lo[i] <= addr && addr < g->hi[i])
			return false;
	}
	c->lo = lo;
	c->hi = hi;
	return len <= hi - addr;
}

/* May LEN bytes at ADDR be written by a relocation? */
static inline bool writable(const struct object *o, struct span *c,
	uintptr_t addr, uint64_t len)
{
	if (addr - c->lo < c->hi - c->lo)
		return len <= c->hi - addr;
	return writable_slow(o, c, addr, len);
}

/* The bytes relocation TYPE writes; 0: none, -1: not supported. */
static int64_t reloc_width(const struct object *o, uint32_t type, size_t idx)
{
	switch (type) {
	case R_X86_64_NONE:
		return 0;
	case R_X86_64_64: case R_X86_64_GLOB_DAT: case R_X86_64_JUMP_SLOT:
	case R_X86_64_RELATIVE: case R_X86_64_IRELATIVE:
	case R_X86_64_DTPMOD64: case R_X86_64_DTPOFF64:
	case R_X86_64_TPOFF64:
		return 8;
	case R_X86_64_PC32: case R_X86_64_32: case R_X86_64_32S:
		return 4;
	case R_X86_64_TLSDESC:
		return 16;
	case R_X86_64_COPY:
		return idx ? (int64_t)(o->symtab[idx].st_size & INT64_MAX) : -1;
	default:
		return -1;
	}
}

/* A relocation names the kind of symbol it needs: none for RELATIVE and
 * IRELATIVE, a TLS symbol for the TLS ones, another for the rest. */
static const char *check_kind(const struct object *o, uint32_t type,
	size_t idx)
{
	bool tls_sym = idx && ELF64_ST_TYPE(o->symtab[idx].st_info) == STT_TLS;

	switch (type) {
	case R_X86_64_NONE:
		return NULL;
	case R_X86_64_RELATIVE: case R_X86_64_IRELATIVE:
		return idx ? MALF "relative relocation with a symbol" : NULL;
	case R_X86_64_DTPMOD64: case R_X86_64_DTPOFF64:
	case R_X86_64_TPOFF64: case R_X86_64_TLSDESC:
		return idx && !tls_sym ?
			MALF "TLS relocation of a symbol that is not TLS" :
			NULL;
	}
	return tls_sym ? MALF "relocation of a TLS symbol as an address" :
		NULL;
}

static const char *check_rela(const struct object *o, const ElfW(Rela) *r,
	size_t n, const struct elf_guards *g, char *msg, size_t msgsz)
{
	struct span c = { 0, 0, g };
	const char *why;

	for (size_t i = 0; i < n; i++, r++) {
		uint32_t type = ELF64_R_TYPE(r->r_info);
		size_t idx = ELF64_R_SYM(r->r_info);
		int64_t width;

		/* most entries: RELATIVE, no symbol */
		if (r->r_info == R_X86_64_RELATIVE) {
			uintptr_t a = o->base + r->r_offset;

			if ((a - c.lo < c.hi - c.lo && 8 <= c.hi - a) ||
			    writable_slow(o, &c, a, 8))
				continue;
			return MALF "relocation outside the writable segments";
		}
		if (idx && idx >= o->nsyms)
			return MALF "relocation symbol index out of range";
		if (idx && (why = check_sym(o, &o->symtab[idx])))
			return why;
		if ((why = check_kind(o, type, idx)))
			return why;
		if ((width = reloc_width(o, type, idx)) < 0) {
			snprintf(msg, msgsz, "unsupported relocation type %u%s",
				type, type == R_X86_64_COPY ?
				" without a symbol" : "");
			return msg;
		}
		if (width && !writable(o, &c, o->base + r->r_offset, width))
			return MALF "relocation outside the writable segments";
		if (type == R_X86_64_IRELATIVE &&
		    !elf_in_segment(o, o->base + r->r_addend, 1, PF_X))
			return MALF "IRELATIVE resolver outside the code";
	}
	return NULL;
}

static const char *check_relr(const struct object *o,
	const struct elf_guards *g)
{
	struct span c = { 0, 0, g };
	uintptr_t where = 0;
	bool have = false;

	for (size_t i = 0; i < o->relrsz / 8; i++) {
		uint64_t e = o->relr[i];

		if (!(e & 1)) {
			where = o->base + e;
			if (!writable(o, &c, where, 8))
				return MALF "relocation outside the writable segments";
			where += 8;
			have = true;
			continue;
		}
		if (!have)
			return MALF "RELR bitmap before any address";
		for (uintptr_t p = where; e >>= 1; p += 8)
			if ((e & 1) && !writable(o, &c, p, 8))
				return MALF "relocation outside the writable segments";
		where += 63 * 8;
	}
	return NULL;
}

const char *elf_check_rela(const struct object *o, const ElfW(Rela) *r,
	size_t n, char *msg, size_t msgsz)
{
	return check_rela(o, r, n, &o->guards, msg, msgsz);
}

/* What relocations must leave alone (see struct elf_guards). */
static void guard_tables(const struct object *o, struct elf_guards *g,
	const struct extent *vd, const struct extent *vn)
{
	const uint32_t *h = o->hash, *t = o->gnu_hash;

	guard(o, g, o->phdr, o->phnum * sizeof *o->phdr);
	guard(o, g, o->dynamic, o->dynsz);
	guard(o, g, o->strtab, o->strsz);
	guard(o, g, o->symtab, o->nsyms * sizeof *o->symtab);
	guard(o, g, o->versym, o->nsyms * sizeof *o->versym);
	guard(o, g, o->rela, o->relasz);
	guard(o, g, o->jmprel, o->pltrelsz);
	guard(o, g, o->relr, o->relrsz);
	if (h)
		guard(o, g, h, (2 + (uint64_t)h[0] + h[1]) * 4);
	if (t)	/* up to the end of the chains of the hashed symbols */
		guard(o, g, t, (4 + 2 * (uint64_t)t[2] + t[0]) * 4 +
			(o->nsyms > t[1] ? o->nsyms - t[1] : 0) * 4);
	guard(o, g, (void *)vd->lo, vd->hi - vd->lo);
	guard(o, g, (void *)vn->lo, vn->hi - vn->lo);
}

/* PT_TLS: inside the image, sizes and alignment sane. */
static const char *check_tls(const struct object *o)
{
	if (!o->tls_image && !o->tls_memsz)
		return NULL;
	if (o->tls_memsz > TLS_MAX_SIZE || o->tls_filesz > o->tls_memsz)
		return MALF "PT_TLS size out of range";
	if (o->tls_align & (o->tls_align - 1) || o->tls_align > TLS_MAX_ALIGN)
		return MALF "bad PT_TLS alignment";
	if (o->tls_filesz && !elf_in_segment(o, (uintptr_t)o->tls_image,
	    o->tls_filesz, READABLE))
		return MALF "PT_TLS image outside the image";
	return NULL;
}

/* PT_GNU_EH_FRAME, which unwinders read (dl_iterate_phdr,
 * _dl_find_object): inside a readable segment. */
static const char *check_eh_frame(const struct object *o)
{
	for (size_t i = 0; i < o->phnum; i++) {
		const ElfW(Phdr) *p = &o->phdr[i];

		if (p->p_type == PT_GNU_EH_FRAME && !elf_in_segment(o,
		    o->base + p->p_vaddr, p->p_memsz, READABLE))
			return MALF "PT_GNU_EH_FRAME outside the image";
	}
	return NULL;
}

/*
 * PT_GNU_RELRO (as scan_phdrs rounded it): inside the pages of one
 * writable segment, so that making it read-only takes nothing else.
 */
static const char *check_relro(const struct object *o)
{
	const ElfW(Phdr) *p;
	uintptr_t s;

	if (o->relro_end <= o->relro_start)
		return NULL;
	for (size_t i = 0; i < o->phnum; i++) {
		p = &o->phdr[i];
		s = o->base + p->p_vaddr;
		if (p->p_type == PT_LOAD && (p->p_flags & PF_W) &&
		    o->relro_start >= s / PAGE * PAGE &&
		    o->relro_end <= (s + p->p_memsz + PAGE - 1) / PAGE * PAGE)
			return NULL;
	}
	return MALF "PT_GNU_RELRO outside the writable segments";
}

const char *elf_check_object(struct object *o)
{
	struct extent vd = { 0, 0 }, vn = { 0, 0 };
	const char *why;

	o->guards.n = 0;
	if ((why = check_tables(o)) || (why = count_symbols(o)) ||
	    (why = check_verdef(o, &vd)) || (why = check_verneed(o, &vn)) ||
	    (why = check_tls(o)) || (why = check_relro(o)) ||
	    (why = check_eh_frame(o)))
		return why;
	guard_tables(o, &o->guards, &vd, &vn);
	return check_relr(o, &o->guards);
}
