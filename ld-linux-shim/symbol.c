/*
 * Symbol lookup: the SysV and GNU hash tables, symbol versioning (verdef,
 * verneed, hidden versions, the default version), and the walk over a scope
 * of objects, built-in glibc-family objects included, and the address a
 * definition binds to (SHIM_TRACE may put a tracing closure there).
 */
#include <string.h>

#include "loader-int.h"
#include "shim/libshim.h"

uint32_t elf_sysv_hash(const char *name)
{
	const unsigned char *s = (const void *)name;
	uint32_t h = 0, g;

	while (*s) {
		h = (h << 4) + *s++;
		g = h & 0xf0000000u;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

uint32_t elf_gnu_hash(const char *name)
{
	const unsigned char *s = (const void *)name;
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + *s++;
	return h;
}

/* Name of the version a definition carries, NULL if none. */
static const char *def_version(const struct object *o, ElfW(Versym) v)
{
	const ElfW(Verdef) *vd = o->verdef;

	for (size_t i = 0; vd && i < o->verdefnum; i++) {
		if (vd->vd_ndx == v) {
			const ElfW(Verdaux) *a = (const void *)
				((const char *)vd + vd->vd_aux);
			return o->strtab + a->vda_name;
		}
		if (!vd->vd_next)
			break;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
	return NULL;
}

enum { V_NO, V_YES, V_MAYBE };

/*
 * Does the definition at IDX satisfy a reference to VERSION? A versioned
 * reference wants that version, hidden or not. An unversioned one (a
 * program linked without versions) takes an unversioned definition or the
 * object's first version, as glibc does; dlsym (NEWEST) prefers the
 * default. Any other visible version is only a candidate (V_MAYBE), used
 * when it is the only one.
 */
static int version_match(const struct object *o, size_t idx,
	const char *version, bool newest)
{
	ElfW(Versym) v;
	const char *dv;

	if (!o->versym || !o->verdef)
		return V_YES;
	v = o->versym[idx];
	if (version) {
		dv = def_version(o, v & 0x7fff);
		return !dv || !strcmp(dv, version) ? V_YES : V_NO;
	}
	if ((v & 0x7fff) < (newest ? 2 : 3))
		return V_YES;
	return v & 0x8000 ? V_NO : V_MAYBE;
}

/*
 * Is S a definition of NAME? A non-PIE program's undefined function with a
 * value is its canonical PLT address: it defines the function for every
 * reference but the PLT's own (LOOKUP_PLT).
 */
static bool sym_ok(const struct object *o, const ElfW(Sym) *s,
	const char *name, unsigned flags)
{
	unsigned type = ELF64_ST_TYPE(s->st_info);
	unsigned bind = ELF64_ST_BIND(s->st_info);

	if (s->st_shndx == SHN_UNDEF && !(o->is_main && s->st_value &&
	    type == STT_FUNC && !(flags & LOOKUP_PLT)))
		return false;
	if (!s->st_value && type != STT_TLS)
		return false;
	if (type != STT_NOTYPE && type != STT_OBJECT && type != STT_FUNC &&
	    type != STT_COMMON && type != STT_TLS && type != STT_GNU_IFUNC)
		return false;
	if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)
		return false;
	if (ELF64_ST_VISIBILITY(s->st_other) == STV_HIDDEN ||
	    ELF64_ST_VISIBILITY(s->st_other) == STV_INTERNAL)
		return false;
	return s->st_name < o->strsz && !strcmp(o->strtab + s->st_name, name);
}

const ElfW(Sym) *object_lookup(const struct object *o, const char *name,
	uint32_t gh, uint32_t sh, const char *version)
{
	return object_lookup2(o, name, gh, sh, version, 0);
}

/* Classify symbol I as a match; remember the sole candidate. */
#define CONSIDER(i) do { \
	if (sym_ok(o, &o->symtab[i], name, flags)) { \
		int m_ = version_match(o, i, version, flags & LOOKUP_NEWEST); \
		if (m_ == V_YES) \
			return &o->symtab[i]; \
		if (m_ == V_MAYBE && ncand++ == 0) \
			cand = &o->symtab[i]; \
	} \
} while (0)

const ElfW(Sym) *object_lookup2(const struct object *o, const char *name,
	uint32_t gh, uint32_t sh, const char *version, unsigned flags)
{
	const ElfW(Sym) *cand = NULL;
	unsigned ncand = 0;

	if (o->gnu_hash) {
		const uint32_t *t = o->gnu_hash;
		uint32_t nbuckets = t[0], symoffset = t[1], nbloom = t[2];
		uint32_t shift = t[3];
		const uint64_t *bloom = (const void *)(t + 4);
		const uint32_t *buckets = (const void *)(bloom + nbloom);
		const uint32_t *chain = buckets + nbuckets;
		uint64_t word;
		uint32_t i;

		if (!nbuckets || !nbloom)
			return NULL;
		word = bloom[(gh / 64) % nbloom];
		if (!((word >> (gh % 64)) & (word >> ((gh >> shift) % 64)) & 1))
			return NULL;
		i = buckets[gh % nbuckets];
		if (i < symoffset)
			return NULL;
		for (; i < o->nsyms; i++) {
			uint32_t h = chain[i - symoffset];

			if ((h | 1) == (gh | 1))
				CONSIDER(i);
			if (h & 1)
				break;
		}
		return ncand == 1 ? cand : NULL;
	}
	if (o->hash) {
		uint32_t nbucket = o->hash[0];
		const uint32_t *bucket = o->hash + 2;
		const uint32_t *chain = bucket + nbucket;
		size_t steps = o->nsyms;	/* a cycle cannot hang */

		if (!nbucket)
			return NULL;
		for (uint32_t i = bucket[sh % nbucket]; i && i < o->nsyms &&
		     steps--; i = chain[i])
			CONSIDER(i);
	}
	return ncand == 1 ? cand : NULL;
}

/* The version a reference of O's symbol IDX asks for, NULL if none. */
const char *object_ref_version(const struct object *o, size_t idx)
{
	ElfW(Versym) v;

	if (!o->versym || !o->ver_names)
		return NULL;
	v = o->versym[idx] & 0x7fff;
	if (v < 2 || v >= o->nver_names)
		return NULL;
	return o->ver_names[v];
}

bool lookup_symbol(const struct symref *ref, const struct object *skip,
	struct object *const *scope, size_t nscope, struct symdef *out)
{
	uint32_t gh = elf_gnu_hash(ref->name), sh = 0;
	bool have_sh = false;

	for (size_t i = 0; i < nscope; i++) {
		struct object *o = scope[i];

		if (o == skip)
			continue;
		if (o->builtin) {
			const struct lx_symdef *b = builtin_lookup(o->builtin,
				ref->name, ref->version,
				ref->flags & LOOKUP_NEWEST);

			if (b) {
				out->obj = o;
				out->sym = NULL;
				out->bdef = b;
				return true;
			}
			continue;
		}
		if (!o->symtab)
			continue;
		if (!o->gnu_hash && !have_sh) {
			sh = elf_sysv_hash(ref->name);
			have_sh = true;
		}
		const ElfW(Sym) *s = object_lookup2(o, ref->name, gh, sh,
			ref->version, ref->flags);
		if (s) {
			out->obj = o;
			out->sym = s;
			out->bdef = NULL;
			return true;
		}
	}
	return false;
}

int shim_trace_state = -1;

static uintptr_t call_resolver(uintptr_t fn)
{
	return ((uintptr_t (*)(void))fn)();
}

uintptr_t (*shim_call_resolver)(uintptr_t fn) = call_resolver;

uintptr_t symdef_address(const struct symdef *d)
{
	if (d->bdef) {
#ifndef SHIM_NO_TRACE
		/* SHIM_TRACE unset: this one branch, once looked at */
		if (__builtin_expect(shim_trace_state != 0, 0) && trace_bind)
			return trace_bind(d->bdef);
#endif
		return (uintptr_t)shim_string_direct(lx_sym_addr(d->bdef));
	}
	if (ELF64_ST_TYPE(d->sym->st_info) == STT_TLS)
		return d->sym->st_value;
	if (ELF64_ST_TYPE(d->sym->st_info) == STT_GNU_IFUNC)
		return shim_call_resolver(d->obj->base + d->sym->st_value);
	return d->obj->base + d->sym->st_value;
}
