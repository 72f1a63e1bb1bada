/*
 * Mapping objects into memory: read and validate the headers (elf/elf.c),
 * reserve the whole span, map each PT_LOAD with its protections, zero the
 * bss, and read the dynamic section into struct object. Also builds the
 * object for a program the kernel mapped already (PT_INTERP start).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader-int.h"


#define PAGE 4096ul
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))

static int prot_of(uint32_t flags)
{
	return (flags & PF_R ? PROT_READ : 0) |
		(flags & PF_W ? PROT_WRITE : 0) |
		(flags & PF_X ? PROT_EXEC : 0);
}

/* Read the ELF and program headers; NULL (message printed) on error. */
static unsigned char *read_headers(const char *path, int fd, bool want_dyn,
	struct stat *st)
{
	size_t cap = 4096;
	unsigned char *buf = NULL;
	char msg[160];
	const char *why;
	ssize_t n;

	if (fstat(fd, st) < 0) {
		shim_msg("%s: cannot stat: %s", path, strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st->st_mode)) {
		shim_msg("%s: cannot load: Is a directory", path);
		return NULL;
	}
	for (;;) {
		free(buf);
		if (!(buf = malloc(cap)))
			goto oom;
		n = pread(fd, buf, cap, 0);
		if (n < 0) {
			shim_msg("%s: cannot read: %s", path, strerror(errno));
			goto fail;
		}
		why = elf_check(buf, n, st->st_size, want_dyn, msg, sizeof msg);
		if (!why)
			return buf;
		/* Program headers beyond what was read: read more, once. */
		if (strstr(why, "not in the first page") && cap == 4096 &&
		    (size_t)n == cap) {
			const ElfW(Ehdr) *eh = (const void *)buf;

			cap = eh->e_phoff + (size_t)eh->e_phnum * eh->e_phentsize;
			continue;
		}
		shim_msg("%s: %s", path, why);
		goto fail;
	}
oom:
	shim_msg("%s: out of memory", path);
fail:
	free(buf);
	return NULL;
}

static struct object *new_object(const char *path, const char *name,
	enum origin origin)
{
	struct object *o = calloc(1, sizeof *o);

	if (!o || !(o->path = strdup(path)) || !(o->name = strdup(name))) {
		shim_msg("%s: out of memory", path);
		free(o ? o->path : NULL);
		free(o);
		return NULL;
	}
	o->origin = origin;
	return o;
}

/* Record PT_DYNAMIC, PT_TLS and PT_GNU_RELRO of a mapped object. */
static void scan_phdrs(struct object *o)
{
	for (size_t i = 0; i < o->phnum; i++) {
		const ElfW(Phdr) *p = &o->phdr[i];

		switch (p->p_type) {
		case PT_DYNAMIC:
			o->dynamic = (void *)(o->base + p->p_vaddr);
			o->dynsz = p->p_memsz;
			break;
		case PT_TLS:
			o->tls_image = (void *)(o->base + p->p_vaddr);
			o->tls_filesz = p->p_filesz;
			o->tls_memsz = p->p_memsz;
			o->tls_align = p->p_align ? p->p_align : 1;
			break;
		case PT_GNU_RELRO:
			o->relro_start = PAGE_DOWN(o->base + p->p_vaddr);
			o->relro_end = PAGE_DOWN(o->base + p->p_vaddr +
				p->p_memsz);
			break;
		}
	}
}

static int map_segments(struct object *o, int fd, const ElfW(Ehdr) *eh,
	const ElfW(Phdr) *ph)
{
	uintptr_t lo = UINTPTR_MAX, hi = 0;
	size_t i;
	void *m;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (PAGE_DOWN(ph[i].p_vaddr) < lo)
			lo = PAGE_DOWN(ph[i].p_vaddr);
		if (PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz) > hi)
			hi = PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz);
	}
	m = mmap(eh->e_type == ET_EXEC ? (void *)lo : NULL, hi - lo, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS |
		(eh->e_type == ET_EXEC ? MAP_FIXED_NOREPLACE : 0), -1, 0);
	if (m == MAP_FAILED || (eh->e_type == ET_EXEC && m != (void *)lo)) {
		shim_msg("%s: cannot map %#lx bytes at %#lx: %s", o->path,
			(unsigned long)(hi - lo), (unsigned long)lo,
			strerror(errno));
		return -1;
	}
	o->map_start = (uintptr_t)m;
	o->map_len = hi - lo;
	o->base = (uintptr_t)m - lo;
	for (i = 0; i < eh->e_phnum; i++) {
		const ElfW(Phdr) *p = &ph[i];
		uintptr_t start, fend, mend;
		int prot = prot_of(p->p_flags);

		if (p->p_type != PT_LOAD)
			continue;
		start = PAGE_DOWN(o->base + p->p_vaddr);
		fend = o->base + p->p_vaddr + p->p_filesz;
		mend = PAGE_UP(o->base + p->p_vaddr + p->p_memsz);
		if (p->p_filesz && mmap((void *)start, PAGE_UP(fend) - start,
		    prot | (p->p_memsz > p->p_filesz ? PROT_WRITE : 0),
		    MAP_PRIVATE | MAP_FIXED, fd, PAGE_DOWN(p->p_offset)) ==
		    MAP_FAILED) {
			shim_msg("%s: cannot map segment: %s", o->path,
				strerror(errno));
			return -1;
		}
		if (p->p_memsz > p->p_filesz) {
			/* Zero the tail of the last file page, then map zeros. */
			if (p->p_filesz && PAGE_UP(fend) > fend)
				memset((void *)fend, 0, PAGE_UP(fend) - fend);
			uintptr_t zstart = p->p_filesz ? PAGE_UP(fend) : start;

			if (mend > zstart && mmap((void *)zstart, mend - zstart,
			    prot, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1,
			    0) == MAP_FAILED) {
				shim_msg("%s: cannot map bss: %s", o->path,
					strerror(errno));
				return -1;
			}
			if (p->p_filesz && !(prot & PROT_WRITE))
				mprotect((void *)start, PAGE_UP(fend) - start,
					prot);
		}
	}
	return 0;
}

/* The program headers of a mapped object, in its image if possible. */
static const ElfW(Phdr) *mapped_phdrs(struct object *o, const ElfW(Ehdr) *eh,
	const ElfW(Phdr) *ph)
{
	for (size_t i = 0; i < eh->e_phnum; i++) {
		const ElfW(Phdr) *p = &ph[i];

		if (p->p_type == PT_LOAD && (p->p_flags & (PF_R | PF_W)) &&
		    eh->e_phoff >= p->p_offset &&
		    eh->e_phoff + eh->e_phnum * sizeof *ph <=
		    p->p_offset + p->p_filesz)
			return (void *)(o->base + p->p_vaddr +
				(eh->e_phoff - p->p_offset));
	}
	void *copy = malloc(eh->e_phnum * sizeof *ph);

	if (copy)
		memcpy(copy, ph, eh->e_phnum * sizeof *ph);
	return copy;
}

struct object *map_object(const char *path, int fd, enum origin origin,
	const char *name)
{
	struct object *o = NULL;
	unsigned char *buf;
	const ElfW(Ehdr) *eh;
	struct stat st;

	if (!(buf = read_headers(path, fd, origin != ORIGIN_MAIN, &st)))
		return NULL;
	eh = (const void *)buf;
	if (!(o = new_object(path, name, origin)))
		goto fail;
	if (map_segments(o, fd, eh, (const void *)(buf + eh->e_phoff)) < 0)
		goto fail;
	o->phnum = eh->e_phnum;
	o->phdr = mapped_phdrs(o, eh, (const void *)(buf + eh->e_phoff));
	if (!o->phdr) {
		shim_msg("%s: out of memory", path);
		goto fail;
	}
	o->entry = eh->e_entry + o->base;
	scan_phdrs(o);
	free(buf);
	if (origin == ORIGIN_MAIN && !elf_in_segment(o, o->entry, 1, PF_X)) {
		shim_msg("%s: malformed ELF file: entry point outside the code",
			path);
		unmap_object(o);
		return NULL;
	}
	if (object_parse_dynamic(o) < 0) {
		unmap_object(o);
		return NULL;
	}
	return o;
fail:
	if (o && o->map_len)
		munmap((void *)o->map_start, o->map_len);
	if (o) {
		free(o->path);
		free(o->name);
	}
	free(o);
	free(buf);
	return NULL;
}

struct object *object_from_memory(const ElfW(Phdr) *phdr, size_t phnum,
	uintptr_t entry, const char *path)
{
	struct object *o = new_object(path, path, ORIGIN_MAIN);

	if (!o)
		return NULL;
	o->phdr = phdr;
	o->phnum = phnum;
	o->entry = entry;
	for (size_t i = 0; i < phnum; i++) {
		if (phdr[i].p_type == PT_PHDR)
			o->base = (uintptr_t)phdr - phdr[i].p_vaddr;
	}
	scan_phdrs(o);
	if (object_parse_dynamic(o) < 0)
		return NULL;
	return o;
}

void unmap_object(struct object *o)
{
	/* program headers outside the image are a copy (mapped_phdrs) */
	if (o->map_len && o->phdr && (uintptr_t)o->phdr - o->map_start >=
	    o->map_len)
		free((void *)o->phdr);
	if (o->map_len)
		munmap((void *)o->map_start, o->map_len);
	free(o->deps);
	free(o->ver_names);
	free(o->path);
	free(o->name);
	free(o);
}

/* The dynamic section's string offsets, checked once the table is. */
struct dyn_strs {
	size_t rpath, runpath, soname;
	bool has_rpath, has_runpath, has_soname;
};

#define DYN_PTR(field, type) o->field = (type)(o->base + d->d_un.d_ptr)

/* A tag that locates a table (checked later, by elf_check_object). */
static void table_tag(struct object *o, const ElfW(Dyn) *d)
{
	switch (d->d_tag) {
	case DT_STRTAB: DYN_PTR(strtab, const char *); break;
	case DT_SYMTAB: DYN_PTR(symtab, const ElfW(Sym) *); break;
	case DT_HASH: DYN_PTR(hash, const uint32_t *); break;
	case DT_GNU_HASH: DYN_PTR(gnu_hash, const uint32_t *); break;
	case DT_RELA: DYN_PTR(rela, const ElfW(Rela) *); break;
	case DT_JMPREL: DYN_PTR(jmprel, const ElfW(Rela) *); break;
	case DT_RELR: DYN_PTR(relr, const uint64_t *); break;
	case DT_VERSYM: DYN_PTR(versym, const ElfW(Versym) *); break;
	case DT_VERDEF: DYN_PTR(verdef, const ElfW(Verdef) *); break;
	case DT_VERNEED: DYN_PTR(verneed, const ElfW(Verneed) *); break;
	case DT_INIT: o->init = o->base + d->d_un.d_ptr; break;
	case DT_FINI: o->fini = o->base + d->d_un.d_ptr; break;
	case DT_INIT_ARRAY: DYN_PTR(init_array, const uintptr_t *); break;
	case DT_FINI_ARRAY: DYN_PTR(fini_array, const uintptr_t *); break;
	case DT_PREINIT_ARRAY:
		DYN_PTR(preinit_array, const uintptr_t *);
		break;
	}
}

/* Entry sizes: the only ones this loader reads. */
static const char *ent_tag(const ElfW(Dyn) *d)
{
	switch (d->d_tag) {
	case DT_SYMENT:
		return d->d_un.d_val == sizeof(ElfW(Sym)) ? NULL :
			"malformed ELF file: bad DT_SYMENT";
	case DT_RELAENT:
		return d->d_un.d_val == sizeof(ElfW(Rela)) ? NULL :
			"malformed ELF file: bad DT_RELAENT";
	case DT_RELRENT:
		return d->d_un.d_val == sizeof(uint64_t) ? NULL :
			"malformed ELF file: bad DT_RELRENT";
	case DT_PLTREL:
		return d->d_un.d_val == DT_RELA ? NULL :
			"malformed ELF file: DT_PLTREL is not DT_RELA";
	case DT_REL:
	case DT_RELSZ:
		return "malformed ELF file: DT_REL relocations (x86-64 has RELA only)";
	}
	return NULL;
}

/* An array size in bytes, as a count of pointers. */
static const char *array_size(size_t *count, const ElfW(Dyn) *d)
{
	*count = d->d_un.d_val / sizeof(uintptr_t);
	return d->d_un.d_val % sizeof(uintptr_t) ?
		"malformed ELF file: initializer array size not a multiple of 8" :
		NULL;
}

/* A tag that holds a size, a count, a string offset or flags. */
static const char *value_tag(struct object *o, const ElfW(Dyn) *d,
	struct dyn_strs *s)
{
	size_t v = d->d_un.d_val;

	switch (d->d_tag) {
	case DT_STRSZ: o->strsz = v; break;
	case DT_RELASZ: o->relasz = v; break;
	case DT_PLTRELSZ: o->pltrelsz = v; break;
	case DT_RELRSZ: o->relrsz = v; break;
	case DT_VERDEFNUM: o->verdefnum = v; break;
	case DT_VERNEEDNUM: o->verneednum = v; break;
	case DT_INIT_ARRAYSZ: return array_size(&o->init_arraysz, d);
	case DT_FINI_ARRAYSZ: return array_size(&o->fini_arraysz, d);
	case DT_PREINIT_ARRAYSZ: return array_size(&o->preinit_arraysz, d);
	case DT_RPATH: s->rpath = v; s->has_rpath = true; break;
	case DT_RUNPATH: s->runpath = v; s->has_runpath = true; break;
	case DT_SONAME: s->soname = v; s->has_soname = true; break;
	case DT_TEXTREL: o->has_textrel = true; break;
	case DT_FLAGS: o->has_textrel |= (v & DF_TEXTREL) != 0; break;
	default: return ent_tag(d);
	}
	return NULL;
}

/* The strings the dynamic section names (DT_NEEDED, rpath, soname). */
static const char *set_strings(struct object *o, const struct dyn_strs *s)
{
	for (ElfW(Dyn) *d = o->dynamic; d->d_tag != DT_NULL; d++)
		if (d->d_tag == DT_NEEDED && d->d_un.d_val >= o->strsz)
			return "malformed ELF file: DT_NEEDED string offset past the string table";
	if ((s->has_rpath && s->rpath >= o->strsz) ||
	    (s->has_runpath && s->runpath >= o->strsz) ||
	    (s->has_soname && s->soname >= o->strsz))
		return "malformed ELF file: string offset past the string table";
	if (s->has_rpath)
		o->rpath = o->strtab + s->rpath;
	if (s->has_runpath)
		o->runpath = o->strtab + s->runpath;
	if (s->has_soname)
		o->soname = o->strtab + s->soname;
	return NULL;
}

/*
 * Read the dynamic section into O and check every table it names
 * (elf/elf-image.c) before anything else reads them.
 */
int object_parse_dynamic(struct object *o)
{
	struct dyn_strs strs = { 0 };
	const char *why;

	if (!o->dynamic)
		return 0;	/* static: nothing to bind */
	if ((why = elf_check_dynamic(o)))
		goto fail;
	for (ElfW(Dyn) *d = o->dynamic; d->d_tag != DT_NULL; d++) {
		table_tag(o, d);
		if ((why = value_tag(o, d, &strs)))
			goto fail;
	}
	if ((why = elf_check_object(o)) ||
	    (why = set_strings(o, &strs)))
		goto fail;
	return 0;
fail:
	shim_msg("%s: %s", o->path, why);
	return -1;
}
