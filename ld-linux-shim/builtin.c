/*
 * The glibc-family sonames as objects: never loaded from disk, their
 * symbols come from the tables generated out of symmaps/. A lookup honours
 * versions exactly: NAME@VERSION finds that version; an unversioned
 * reference finds, as with glibc, the library's first version node if the
 * name has it, else the only version there is; dlsym (NEWEST) finds the
 * default (NAME@@VERSION).
 */
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

const struct lx_builtin_lib *builtin_find(const char *soname)
{
	for (unsigned i = 0; i < lx_nbuiltin_libs; i++)
		if (!strcmp(lx_builtin_libs[i].soname, soname))
			return &lx_builtin_libs[i];
	return NULL;
}

struct object *builtin_object(const struct lx_builtin_lib *lib)
{
	struct object *o = calloc(1, sizeof *o);

	if (!o)
		return NULL;
	o->name = strdup(lib->soname);
	o->path = strdup("");
	o->soname = lib->soname;
	o->origin = ORIGIN_BUILTIN;
	o->builtin = lib;
	o->relocated = o->init_done = true;
	if (!o->name || !o->path) {
		free(o->name);
		free(o->path);
		free(o);
		return NULL;
	}
	return o;
}

const struct lx_symdef *builtin_lookup(const struct lx_builtin_lib *lib,
	const char *name, const char *version, bool newest)
{
	const struct lx_symdef *cand = NULL;
	unsigned ncand = 0;
	size_t lo = 0, hi = lib->nsyms;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(lx_sym_name(&lib->syms[mid]), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < lib->nsyms && !strcmp(lx_sym_name(&lib->syms[i]), name);
	     i++) {
		const struct lx_symdef *d = &lib->syms[i];

		if (version) {
			if (!strcmp(lib->versions[d->version], version))
				return d;
		} else if (newest ? (d->flags & LX_SYM_DEFAULT) :
			   d->version == 0) {
			return d;
		} else if (d->flags & LX_SYM_DEFAULT) {
			cand = d;
			ncand++;
		}
	}
	return ncand == 1 ? cand : NULL;
}

/*
 * A glibc data object (optind, environ, argp_program_version, ...) that an
 * ELF object earlier in the scope defines is that object's: the program's
 * COPY-relocated copy, or its own definition, which interposes libc's. Point
 * libshim's live pointer at the first definition in scope order.
 */
void builtin_bind_live(struct object *const *scope, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct lx_builtin_lib *lib = scope[i]->builtin;

		for (uint32_t j = 0; lib && j < lib->nlive; j++) {
			const struct lx_symdef *def = &lib->syms[lib->live[j]];
			struct symref ref = { .name = lx_sym_name(def) };
			struct symdef d;

			if (!lookup_symbol(&ref, NULL, scope, i, &d) ||
			    !d.sym)
				continue;
			*lx_sym_live(def) = (void *)symdef_address(&d);
			shim_debug(SHIM_DEBUG_BINDINGS, "%s: %s lives in %s",
				lib->soname, lx_sym_name(def), d.obj->path);
		}
	}
}
