/*
 * The dynamic-linking API for guests (dlopen, dlsym, dlvsym, dlclose,
 * dlerror, dladdr, dladdr1, dlinfo, dl_iterate_phdr, _dl_find_object),
 * answered from the shim's own loader so that guests' plugins, language
 * extension modules and unwinders see the guest objects.
 *
 * A library dlopen'ed without RTLD_GLOBAL stays out of the global scope:
 * it and its new dependencies resolve against the global scope and
 * themselves, and RTLD_DEFAULT does not see them, until a dlopen with
 * RTLD_GLOBAL promotes them.
 * XXX: dlclose never unmaps (allowed by POSIX; glibc unmaps).
 */
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

#define LX_RTLD_NEXT ((void *)-1l)
#define LX_RTLD_DEFAULT ((void *)0)
#define LX_RTLD_LAZY 0x1
#define LX_RTLD_NOW 0x2
#define LX_RTLD_NOLOAD 0x4
#define LX_RTLD_GLOBAL 0x100

extern const ElfW(Ehdr) __ehdr_start __attribute__((visibility("hidden")));

static pthread_mutex_t dl_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * fork (tls.c's handlers call these, before they take the thread list's
 * lock, which dlopen takes inside this one): no other thread is inside
 * the loader while the process is copied, and the child, whose only
 * thread is the caller, can dlopen.
 */
void dl_fork_prepare(void)
{
	pthread_mutex_lock(&dl_lock);
}

void dl_fork_parent(void)
{
	pthread_mutex_unlock(&dl_lock);
}

void dl_fork_child(void)
{
	pthread_mutex_init(&dl_lock, NULL);
}
static char dl_error_buf[600];
static bool dl_error_pending;

static void dl_set_error(const char *fmt, const char *a, const char *b)
{
	snprintf(dl_error_buf, sizeof dl_error_buf, fmt, a, b);
	dl_error_pending = true;
}

/* The object whose image contains ADDR, or NULL. */
static struct object *object_at(uintptr_t addr)
{
	for (struct object *o = shim_head; o; o = o->next) {
		for (size_t i = 0; !o->builtin && i < o->phnum; i++) {
			const ElfW(Phdr) *p = &o->phdr[i];

			if (p->p_type == PT_LOAD &&
			    addr - (o->base + p->p_vaddr) < p->p_memsz)
				return o;
		}
	}
	return NULL;
}

/*
 * A failed dlopen: every object loaded after TAIL leaves the scope and is
 * unmapped. One that got a TLS module id stays mapped (tls.c keeps
 * module ids and copies their images into new threads), out of reach.
 */
static void dl_unwind(struct object *tail)
{
	struct object *n = tail->next;

	tail->next = NULL;
	load_set_tail(tail);
	while (n) {
		struct object *next = n->next;

		n->next = NULL;
		if (!n->tls_modid)
			unmap_object(n);
		n = next;
	}
}

void *lx_dlopen(const char *name, int flags)
{
	struct object *o, *tail = NULL, *caller;

	if (!(flags & (LX_RTLD_LAZY | LX_RTLD_NOW))) {
		dl_set_error("%s%s", "invalid mode for dlopen()", ": Invalid argument");
		return NULL;
	}
	if (!name)
		return shim_head;
	pthread_mutex_lock(&dl_lock);
	caller = object_at((uintptr_t)__builtin_return_address(0));
	for (o = shim_head; o; o = o->next)
		tail = o;
	shim_dl_mode = true;
	shim_load_local = !(flags & LX_RTLD_GLOBAL);
	shim_dl_error[0] = 0;
	o = (flags & LX_RTLD_NOLOAD) ? NULL :
		load_library(name, caller ? caller : shim_head);
	if (flags & LX_RTLD_NOLOAD) {
		for (o = shim_head; o; o = o->next)
			if (!strcmp(o->name, name) ||
			    (o->soname && !strcmp(o->soname, name)))
				break;
	}
	if (o && load_deps_and_relocate(o) < 0) {
		dl_unwind(tail);
		o = NULL;
	}
	shim_dl_mode = false;
	shim_load_local = false;
	if (o && (flags & LX_RTLD_GLOBAL))
		scope_promote(o);	/* loaded RTLD_LOCAL before, say */
	if (!o) {
		dl_set_error("%s%s", shim_dl_error[0] ? shim_dl_error :
			name, shim_dl_error[0] ? "" :
			": cannot open shared object file");
		pthread_mutex_unlock(&dl_lock);
		return NULL;
	}
	o->refcount++;
	pthread_mutex_unlock(&dl_lock);
	init_objects(o, 0, NULL, NULL);
	return o;
}

int lx_dlclose(void *h)
{
	struct object *o = h;

	if (!o) {
		dl_set_error("%s%s", "invalid handle", "");
		return -1;
	}
	if (o->refcount)
		o->refcount--;
	return 0;
}

char *lx_dlerror(void)
{
	if (!dl_error_pending)
		return NULL;
	dl_error_pending = false;
	return dl_error_buf;
}

static void *sym_address(const struct symdef *d)
{
	if (d->sym && ELF64_ST_TYPE(d->sym->st_info) == STT_TLS)
		return shim_tls_get_addr(d->obj->tls_modid, d->sym->st_value);
	return (void *)symdef_address(d);
}

/* The dependency closure of H, breadth-first, H first. */
static struct object **handle_scope(struct object *h, size_t *n)
{
	size_t cap = 16, cnt = 0;
	struct object **v = malloc(cap * sizeof *v);

	if (!v)
		return NULL;
	v[cnt++] = h;
	for (size_t i = 0; i < cnt; i++) {
		for (size_t j = 0; j < v[i]->ndeps; j++) {
			struct object *d = v[i]->deps[j];
			size_t k;

			for (k = 0; k < cnt && v[k] != d; k++)
				;
			if (k < cnt)
				continue;
			if (cnt == cap && !(v = realloc(v, (cap *= 2) *
			    sizeof *v)))
				return NULL;
			v[cnt++] = d;
		}
	}
	*n = cnt;
	return v;
}

static void *do_dlsym(void *h, const char *name, const char *version,
	void *ra)
{
	struct symref ref = { .name = name, .version = version,
		.flags = LOOKUP_NEWEST };
	struct symdef d;
	struct object **scope, *caller;
	size_t n;
	bool found;

	pthread_mutex_lock(&dl_lock);
	if (h == LX_RTLD_DEFAULT || h == LX_RTLD_NEXT) {
		/* RTLD_DEFAULT: the global scope; RTLD_NEXT: every object
		 * after the caller, in load order */
		scope = h == LX_RTLD_DEFAULT ? scope_of(NULL, &n) :
			scope_array(&n);
		if (h == LX_RTLD_NEXT) {
			caller = object_at((uintptr_t)ra);
			while (n && *scope != caller) {
				scope++;
				n--;
			}
			if (n) {
				scope++;
				n--;
			}
		}
		found = lookup_symbol(&ref, NULL, scope, n, &d);
	} else {
		scope = handle_scope(h, &n);
		found = scope && lookup_symbol(&ref, NULL, scope, n, &d);
		free(scope);
	}
	pthread_mutex_unlock(&dl_lock);
	if (found && (!d.bdef || lx_sym_addr(d.bdef)))
		return sym_address(&d);
	if (version)
		snprintf(dl_error_buf, sizeof dl_error_buf,
			"undefined symbol: %s@%s", name, version);
	else
		snprintf(dl_error_buf, sizeof dl_error_buf,
			"undefined symbol: %s", name);
	dl_error_pending = true;
	return NULL;
}

void *lx_dlsym(void *h, const char *name)
{
	return do_dlsym(h, name, NULL, __builtin_return_address(0));
}

void *lx_dlvsym(void *h, const char *name, const char *version)
{
	return do_dlsym(h, name, version, __builtin_return_address(0));
}

/* Nearest dynamic symbol of O at or below ADDR. */
static const ElfW(Sym) *nearest_sym(const struct object *o, uintptr_t addr)
{
	const ElfW(Sym) *best = NULL;

	for (size_t i = 1; i < o->nsyms; i++) {
		const ElfW(Sym) *s = &o->symtab[i];
		uintptr_t v = o->base + s->st_value;

		if (s->st_shndx == SHN_UNDEF || !s->st_value ||
		    s->st_name >= o->strsz ||
		    ELF64_ST_TYPE(s->st_info) == STT_TLS || v > addr)
			continue;
		if (s->st_size && addr >= v + s->st_size)
			continue;
		if (!best || s->st_value > best->st_value)
			best = s;
	}
	return best;
}

/* Whether ADDR is in the shim's own image. */
static bool in_shim(uintptr_t addr)
{
	uintptr_t self = (uintptr_t)&__ehdr_start;
	const ElfW(Phdr) *ph = (const void *)(self + __ehdr_start.e_phoff);

	for (size_t i = 0; i < __ehdr_start.e_phnum; i++)
		if (ph[i].p_type == PT_LOAD &&
		    addr - (self + ph[i].p_vaddr) < ph[i].p_memsz)
			return true;
	return false;
}

/*
 * dladdr of a function the shim provides: the built-in library and the
 * glibc name whose target is nearest at or below ADDR (the exact entry
 * of printf is "printf" in "libc.so.6", as glibc names it in its libc).
 */
static int dladdr_builtin(uintptr_t addr, Dl_info *info)
{
	const struct lx_symdef *best = NULL;
	const struct lx_builtin_lib *blib = NULL;

	for (unsigned i = 0; i < lx_nbuiltin_libs; i++) {
		const struct lx_builtin_lib *lib = &lx_builtin_libs[i];

		for (uint32_t j = 0; j < lib->nsyms; j++) {
			const struct lx_symdef *d = &lib->syms[j];
			uintptr_t a = (uintptr_t)lx_sym_addr(d);

			if (!a || a > addr || d->flags & LX_SYM_DATA ||
			    !(d->flags & LX_SYM_DEFAULT))
				continue;
			/* nearer, or as near with the target's own name */
			if (!best || a > (uintptr_t)lx_sym_addr(best) ||
			    (a == (uintptr_t)lx_sym_addr(best) &&
			     (!strcmp(lx_sym_name(d), lx_sym_target(d)) ||
			      (!strncmp(lx_sym_target(d), "lx_", 3) &&
			       !strcmp(lx_sym_name(d),
			       lx_sym_target(d) + 3))))) {
				best = d;
				blib = lib;
			}
		}
	}
	memset(info, 0, sizeof *info);
	info->dli_fname = blib ? blib->soname : "libc.so.6";
	info->dli_fbase = (void *)&__ehdr_start;
	if (best) {
		info->dli_sname = lx_sym_name(best);
		info->dli_saddr = lx_sym_addr(best);
	}
	return 1;
}

int lx_dladdr(const void *addr, Dl_info *info)
{
	struct object *o = object_at((uintptr_t)addr);
	const ElfW(Sym) *s;

	if (!o && in_shim((uintptr_t)addr))
		return dladdr_builtin((uintptr_t)addr, info);
	if (!o)
		return 0;
	memset(info, 0, sizeof *info);
	info->dli_fname = o->path;
	info->dli_fbase = (void *)(o->map_start ? o->map_start : o->base);
	if ((s = nearest_sym(o, (uintptr_t)addr))) {
		info->dli_sname = o->strtab + s->st_name;
		info->dli_saddr = (void *)(o->base + s->st_value);
	}
	return 1;
}

int lx_dladdr1(const void *addr, Dl_info *info, void **extra, int flags)
{
	(void)flags;
	if (extra)
		*extra = NULL;
	return lx_dladdr(addr, info);
}

int lx_dlinfo(void *h, int req, void *arg)
{
	(void)h;
	(void)arg;
	dl_set_error("dlinfo: unsupported request %s%s", req == 2 ?
		"RTLD_DI_LINKMAP" : "", "");
	return -1;
}

static int iterate_one(const struct object *o, uintptr_t base,
	const ElfW(Phdr) *ph, size_t phnum, const char *name,
	int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
	struct dl_phdr_info info = {
		.dlpi_addr = base,
		.dlpi_name = name,
		.dlpi_phdr = ph,
		.dlpi_phnum = phnum,
		.dlpi_adds = 1,
		.dlpi_subs = 0,
	};

	if (o && o->tls_modid) {
		info.dlpi_tls_modid = o->tls_modid;
		info.dlpi_tls_data = o->tls_dynamic ?
			tls_dynamic_block(o, false) :
			(void *)(tls_thread_pointer() + o->tls_tpoff);
	}
	return cb(&info, sizeof info, data);
}

int lx_dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *),
	void *data)
{
	int r = 0;

	for (struct object *o = shim_head; o && !r; o = o->next) {
		if (o->builtin)
			continue;
		r = iterate_one(o, o->base, o->phdr, o->phnum,
			o->is_main ? "" : o->path, cb, data);
	}
	/* The shim's own image: the host libc's code unwinds too. */
	if (!r)
		r = iterate_one(NULL, (uintptr_t)&__ehdr_start,
			(const void *)((const char *)&__ehdr_start +
			__ehdr_start.e_phoff), __ehdr_start.e_phnum,
			SHIM_NAME, cb, data);
	return r;
}

struct lx_dl_find_object {
	unsigned long long dlfo_flags;
	void *dlfo_map_start;
	void *dlfo_map_end;
	void *dlfo_link_map;
	void *dlfo_eh_frame;
	unsigned long long reserved[7];
};

/* Fill R from the image (BASE, PH, PHNUM) if it contains PC. */
static bool find_in(uintptr_t pc, uintptr_t base, const ElfW(Phdr) *ph,
	size_t phnum, struct lx_dl_find_object *r)
{
	uintptr_t lo = UINTPTR_MAX, hi = 0;
	bool inside = false;

	for (size_t i = 0; i < phnum; i++) {
		uintptr_t s = base + ph[i].p_vaddr;

		if (ph[i].p_type != PT_LOAD)
			continue;
		if (pc - s < ph[i].p_memsz)
			inside = true;
		if (s < lo)
			lo = s;
		if (s + ph[i].p_memsz > hi)
			hi = s + ph[i].p_memsz;
	}
	if (!inside)
		return false;
	memset(r, 0, sizeof *r);
	r->dlfo_map_start = (void *)lo;
	r->dlfo_map_end = (void *)hi;
	for (size_t i = 0; i < phnum; i++)
		if (ph[i].p_type == PT_GNU_EH_FRAME)
			r->dlfo_eh_frame = (void *)(base + ph[i].p_vaddr);
	return true;
}

/*
 * The guest objects and the shim's own image: guests' unwinders and the
 * shim's own (libgcc's, for backtrace) both come here.
 */
int lx__dl_find_object(void *pc, struct lx_dl_find_object *r)
{
	struct object *o = object_at((uintptr_t)pc);
	uintptr_t self = (uintptr_t)&__ehdr_start;

	if (o && find_in((uintptr_t)pc, o->base, o->phdr, o->phnum, r)) {
		r->dlfo_link_map = o;
		return 0;
	}
	return find_in((uintptr_t)pc, self, (const void *)(self +
		__ehdr_start.e_phoff), __ehdr_start.e_phnum, r) ? 0 : -1;
}

/* libgcc's unwinder, linked into the shim, finds frames through this. */
int _dl_find_object(void *pc, struct lx_dl_find_object *r)
	__attribute__((alias("lx__dl_find_object")));
