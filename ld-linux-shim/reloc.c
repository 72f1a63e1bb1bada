/*
 * Relocation: RELR and RELA (incl. the PLT, always bound now) for x86-64.
 * Every reference that cannot be bound is reported by name and counted;
 * the caller stops after all objects were processed, so a user sees every
 * missing symbol at once. RELRO is applied when an object is done.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader-int.h"

unsigned shim_missing_count;

/*
 * --allow-missing: each unprovided function gets a stub of its own that
 * names it (once) and fails with ENOSYS. A stub is "movabs $name, %rdi;
 * movabs $missing_called, %rax; jmp *%rax" in an executable page.
 */
static long missing_called(const char *name)
{
	static char said[64][96];
	static unsigned nsaid;
	unsigned i;

	for (i = 0; i < nsaid && strcmp(said[i], name); i++)
		;
	if (i == nsaid) {
		shim_msg("%s: called, but not provided (--allow-missing)", name);
		if (nsaid < 64)
			snprintf(said[nsaid++], sizeof said[0], "%s", name);
	}
	errno = ENOSYS;
	return -1;
}

static uintptr_t missing_stub(const char *name, const char *version)
{
	static unsigned char *page;
	static size_t used = 4096;
	unsigned char *p;
	char *label;
	uintptr_t fn = (uintptr_t)missing_called;

	if (asprintf(&label, "%s%s%s", name, version ? "@" : "",
	    version ? version : "") < 0)
		shim_fatal("out of memory");
	if (used + 24 > 4096) {
		page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (page == MAP_FAILED)
			shim_fatal("cannot map stubs: %s", strerror(errno));
		used = 0;
	}
	p = page + used;
	used += 24;
	p[0] = 0x48; p[1] = 0xbf;		/* movabs $label, %rdi */
	memcpy(p + 2, &label, 8);
	p[10] = 0x48; p[11] = 0xb8;		/* movabs $fn, %rax */
	memcpy(p + 12, &fn, 8);
	p[20] = 0xff; p[21] = 0xe0;		/* jmp *%rax */
	return (uintptr_t)p;
}

/* versym index -> version name, for O's references and definitions. */
static int build_ver_names(struct object *o)
{
	size_t max = 1;
	const ElfW(Verneed) *vn = o->verneed;
	const ElfW(Verdef) *vd = o->verdef;

	if (!o->versym)
		return 0;
	for (size_t i = 0; vn && i < o->verneednum; i++) {
		const ElfW(Vernaux) *a = (const void *)((const char *)vn +
			vn->vn_aux);
		for (size_t j = 0; j < vn->vn_cnt; j++) {
			if ((a->vna_other & 0x7fff) > max)
				max = a->vna_other & 0x7fff;
			a = (const void *)((const char *)a + a->vna_next);
		}
		vn = (const void *)((const char *)vn + vn->vn_next);
	}
	for (size_t i = 0; vd && i < o->verdefnum; i++) {
		if (vd->vd_ndx > max)
			max = vd->vd_ndx;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
	o->nver_names = max + 1;
	o->ver_names = calloc(max + 1, sizeof *o->ver_names);
	if (!o->ver_names)
		return -1;
	vn = o->verneed;
	for (size_t i = 0; vn && i < o->verneednum; i++) {
		const ElfW(Vernaux) *a = (const void *)((const char *)vn +
			vn->vn_aux);
		const char *file = o->strtab + vn->vn_file;
		const struct lx_builtin_lib *lib = builtin_find(file);

		for (size_t j = 0; j < vn->vn_cnt; j++) {
			const char *name = o->strtab + a->vna_name;
			size_t k;

			o->ver_names[a->vna_other & 0x7fff] = name;
			for (k = 0; lib && k < lib->nversions; k++)
				if (!strcmp(lib->versions[k], name))
					break;
			if (lib && k == lib->nversions) {
				shim_msg("%s: version `%s' not found (required by %s)",
					file, name, o->path);
				shim_missing_count++;
			}
			a = (const void *)((const char *)a + a->vna_next);
		}
		vn = (const void *)((const char *)vn + vn->vn_next);
	}
	vd = o->verdef;
	for (size_t i = 0; vd && i < o->verdefnum; i++) {
		const ElfW(Verdaux) *a = (const void *)((const char *)vd +
			vd->vd_aux);
		if (vd->vd_ndx > 1 && !o->ver_names[vd->vd_ndx])
			o->ver_names[vd->vd_ndx] = o->strtab + a->vda_name;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
	return 0;
}

/* Resolve symbol IDX of O for a relocation. false: missing (reported). */
static bool resolve(struct object *o, size_t idx, uint32_t type,
	struct object *const *scope, size_t nscope, struct symdef *d)
{
	const ElfW(Sym) *s = &o->symtab[idx];
	bool copy = type == R_X86_64_COPY;
	struct symref ref = {
		.name = o->strtab + s->st_name,
		.version = object_ref_version(o, idx),
		.flags = type == R_X86_64_JUMP_SLOT ? LOOKUP_PLT : 0,
	};

	/* A local or protected definition binds to itself. */
	if (!copy && s->st_shndx != SHN_UNDEF &&
	    (ELF64_ST_BIND(s->st_info) == STB_LOCAL ||
	     ELF64_ST_VISIBILITY(s->st_other) == STV_PROTECTED)) {
		d->obj = o;
		d->sym = s;
		d->bdef = NULL;
		return true;
	}
	bool found = lookup_symbol(&ref, copy ? o : NULL, scope, nscope, d);
	const struct lx_symdef *known = found ? d->bdef : NULL;

	if (found && (!d->bdef || lx_sym_addr(d->bdef))) {
		shim_debug(SHIM_DEBUG_BINDINGS, "binding %s: %s%s%s -> %s",
			o->path, ref.name, ref.version ? "@" : "",
			ref.version ? ref.version : "",
			d->obj->path[0] ? d->obj->path : d->obj->name);
		return true;
	}
	d->obj = NULL;
	d->sym = NULL;
	d->bdef = NULL;
	if (ELF64_ST_BIND(s->st_info) == STB_WEAK)
		return true;
	if (shim_cfg.allow_missing)
		return true;
	if (known && known->kind == LX_KIND_UNSUPPORTED)
		shim_msg("%s: unsupported symbol: %s%s%s (%s)", o->path,
			ref.name, ref.version ? "@" : "",
			ref.version ? ref.version : "", lx_sym_reason(known));
	else
		shim_msg("%s: undefined symbol: %s%s%s%s", o->path, ref.name,
			ref.version ? "@" : "", ref.version ? ref.version : "",
			known ? " (not implemented yet)" : "");
	shim_missing_count++;
	return false;
}

/* Stores of any alignment (the ELF file decides where). */
static void store64(uintptr_t where, uint64_t v)
{
	memcpy((void *)where, &v, sizeof v);
}

static void store32(uintptr_t where, uint32_t v)
{
	memcpy((void *)where, &v, sizeof v);
}

static void add_base(uintptr_t where, uintptr_t base)
{
	uint64_t v;

	memcpy(&v, (void *)where, sizeof v);
	store64(where, v + base);
}

static void apply_relr(struct object *o)
{
	uintptr_t where = 0;

	for (size_t i = 0; i < o->relrsz / 8; i++) {
		uint64_t e = o->relr[i];

		if (!(e & 1)) {
			where = o->base + e;
			add_base(where, o->base);
			where += 8;
			continue;
		}
		for (uintptr_t p = where; e >>= 1; p += 8)
			if (e & 1)
				add_base(p, o->base);
		where += 63 * 8;
	}
}

/* R_X86_64_COPY: the definer's bytes, if they are inside its image. */
static int copy_reloc(struct object *o, uintptr_t where, size_t idx,
	const struct symdef *d, uintptr_t sv)
{
	size_t sz = o->symtab[idx].st_size;

	if (!d->obj)
		return 0;
	if (d->bdef) {
		if (d->bdef->size < sz)
			sz = d->bdef->size;
		memcpy((void *)where, lx_sym_addr(d->bdef), sz);
		return 0;
	}
	if (d->sym->st_size < sz)
		sz = d->sym->st_size;
	if (sz && !elf_in_segment(d->obj, sv, sz, PF_R | PF_W)) {
		shim_msg("%s: malformed ELF file: COPY relocation source outside the image",
			d->obj->path);
		return -1;
	}
	memcpy((void *)where, (void *)sv, sz);
	return 0;
}

/* The value of symbol IDX of O for a relocation; false if missing. */
static bool symbol_value(struct object *o, size_t idx, uint32_t type,
	struct object *const *scope, size_t nscope, struct symdef *d,
	uintptr_t *sv)
{
	const ElfW(Sym) *s = &o->symtab[idx];

	*sv = 0;
	if (!resolve(o, idx, type, scope, nscope, d))
		return false;
	if (!d->obj && type != R_X86_64_COPY) {
		/* weak undefined or allowed missing */
		if (shim_cfg.allow_missing &&
		    ELF64_ST_BIND(s->st_info) != STB_WEAK &&
		    ELF64_ST_TYPE(s->st_info) != STT_OBJECT)
			*sv = missing_stub(o->strtab + s->st_name,
				object_ref_version(o, idx));
	} else if (d->sym && shim_missing_count &&
		   ELF64_ST_TYPE(d->sym->st_info) == STT_GNU_IFUNC) {
		*sv = 0;	/* failing anyway: run no resolver */
	} else if (d->obj) {
		*sv = symdef_address(d);
	}
	return true;
}

/* A TLS relocation of a module without static TLS: glibc's words. */
static int static_tls(uintptr_t where, uint32_t type, const struct symdef *d,
	uintptr_t v)
{
	if (d->obj && d->obj->tls_dynamic) {
		shim_msg("%s: cannot allocate memory in static TLS block",
			d->obj->path);
		return -1;
	}
	v += d->obj ? d->obj->tls_tpoff : 0;
	if (type == R_X86_64_TPOFF64) {
		store64(where, v);
		return 0;
	}
	store64(where, (uintptr_t)shim_tlsdesc_static);
	store64(where + 8, v);
	return 0;
}

/* Write relocation R (symbol value SV, definition D) at WHERE. */
static int apply_one(struct object *o, const ElfW(Rela) *r, uintptr_t where,
	const struct symdef *d, uintptr_t sv)
{
	uint32_t type = ELF64_R_TYPE(r->r_info);

	switch (type) {
	case R_X86_64_64:
	case R_X86_64_DTPOFF64:
		store64(where, sv + r->r_addend);
		return 0;
	case R_X86_64_GLOB_DAT:
	case R_X86_64_JUMP_SLOT:
		store64(where, sv);
		return 0;
	case R_X86_64_PC32:
		store32(where, sv + r->r_addend - where);
		return 0;
	case R_X86_64_32:
	case R_X86_64_32S:
		store32(where, sv + r->r_addend);
		return 0;
	case R_X86_64_COPY:
		return copy_reloc(o, where, ELF64_R_SYM(r->r_info), d, sv);
	case R_X86_64_DTPMOD64:
		store64(where, d->obj ? d->obj->tls_modid : 0);
		return 0;
	case R_X86_64_TPOFF64:
	case R_X86_64_TLSDESC:
		return static_tls(where, type, d, sv + r->r_addend);
	}
	/* elf_check_rela let no other type through */
	shim_msg("%s: unsupported relocation type %u", o->path, type);
	return -1;
}

/* RELA entries that elf_check_rela let through. */
static int apply_checked(struct object *o, const ElfW(Rela) *r, size_t n,
	struct object *const *scope, size_t nscope)
{
	for (size_t i = 0; i < n; i++, r++) {
		uint32_t type = ELF64_R_TYPE(r->r_info);
		size_t idx = ELF64_R_SYM(r->r_info);
		uintptr_t where = o->base + r->r_offset;
		struct symdef d = { 0 };
		uintptr_t sv = 0;

		if (type == R_X86_64_NONE)
			continue;
		if (type == R_X86_64_RELATIVE) {
			store64(where, o->base + r->r_addend);
			continue;
		}
		if (type == R_X86_64_IRELATIVE) {
			/* failing anyway (a symbol is missing): run no
			 * resolver, which may need that symbol */
			store64(where, shim_missing_count ? 0 :
				shim_call_resolver(o->base + r->r_addend));
			continue;
		}
		if (!idx)
			d.obj = o;
		else if (!symbol_value(o, idx, type, scope, nscope, &d, &sv))
			continue;
		if (apply_one(o, r, where, &d, sv) < 0)
			return -1;
	}
	return 0;
}

/* Check and apply RELA entries a run at a time (the run stays in the
 * cache between the two). */
#define RUN 512

static int apply_rela(struct object *o, const ElfW(Rela) *r, size_t n,
	struct object *const *scope, size_t nscope)
{
	const char *why;
	char msg[160];

	for (size_t i = 0; i < n; i += RUN) {
		size_t m = n - i < RUN ? n - i : RUN;

		if ((why = elf_check_rela(o, r + i, m, msg, sizeof msg))) {
			shim_msg("%s: %s", o->path, why);
			return -1;
		}
		if (apply_checked(o, r + i, m, scope, nscope) < 0)
			return -1;
	}
	return 0;
}

/* DT_TEXTREL: every segment writable while relocating. */
static void text_writable(const struct object *o)
{
	for (size_t i = 0; i < o->phnum; i++) {
		const ElfW(Phdr) *p = &o->phdr[i];
		uintptr_t s = o->base + p->p_vaddr;

		if (p->p_type == PT_LOAD)
			mprotect((void *)(s & ~4095ul), ((s + p->p_memsz +
				4095) & ~4095ul) - (s & ~4095ul),
				PROT_READ | PROT_WRITE | PROT_EXEC);
	}
}

int relocate_object(struct object *o, struct object *const *scope,
	size_t nscope)
{
	if (o->relocated || o->builtin)
		return 0;
	o->relocated = true;
	if (!o->dynamic)
		return 0;
	if (build_ver_names(o) < 0)
		return -1;
	if (o->has_textrel)
		text_writable(o);
	apply_relr(o);
	if (apply_rela(o, o->rela, o->relasz / sizeof *o->rela, scope,
	    nscope) < 0)
		return -1;
	if (apply_rela(o, o->jmprel, o->pltrelsz / sizeof *o->jmprel, scope,
	    nscope) < 0)
		return -1;
	if (o->relro_end > o->relro_start)
		mprotect((void *)o->relro_start, o->relro_end - o->relro_start,
			PROT_READ);
	return 0;
}
