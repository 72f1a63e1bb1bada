/*
 * Building the global scope: DT_NEEDED breadth-first from a root object,
 * each library found through search.c (built-in glibc sonames are never
 * looked for on disk), then TLS placement and relocation, dependencies
 * before the objects that need them.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader-int.h"

struct object *shim_head;
static struct object *shim_tail;
bool shim_load_local;

static void append(struct object *o)
{
	o->local = shim_load_local;
	if (shim_tail)
		shim_tail->next = o;
	else
		shim_head = o;
	shim_tail = o;
}

void load_set_tail(struct object *tail)
{
	shim_tail = tail;
}

void load_set_program(struct object *prog)
{
	prog->is_main = true;
	shim_head = shim_tail = prog;
}

static const char *origin_name(enum origin o)
{
	static const char *const names[] = {
		[ORIGIN_MAIN] = "program", [ORIGIN_PREFIX] = "prefix",
		[ORIGIN_HOST] = "host", [ORIGIN_BUILTIN] = "built-in",
	};
	return names[o];
}

static struct object *find_loaded(const char *name)
{
	for (struct object *o = shim_head; o; o = o->next) {
		if (!strcmp(o->name, name) || (o->soname &&
		    !strcmp(o->soname, name)) || !strcmp(o->path, name))
			return o;
	}
	return NULL;
}

struct object *load_library(const char *name, struct object *req)
{
	char found[PATH_MAX];
	const struct lx_builtin_lib *lib;
	struct object *o;
	enum origin origin;
	int fd;

	if ((o = find_loaded(name)))
		return o;
	if ((lib = builtin_find(name))) {
		if (!(o = builtin_object(lib)))
			shim_fatal("out of memory");
		append(o);
		shim_debug(SHIM_DEBUG_LIBS, "%s => built-in", name);
		/* Like glibc's, every other library of the family needs
		 * libc.so.6: dlsym(dlopen("libpthread.so.0"), "pthread_create")
		 * finds what moved into libc in 2.34 through it. */
		if (strcmp(lib->soname, "libc.so.6") &&
		    strcmp(lib->soname, "ld-linux-x86-64.so.2")) {
			struct object *libc = load_library("libc.so.6", NULL);

			if (!(o->deps = calloc(2, sizeof *o->deps)))
				shim_fatal("out of memory");
			if (libc)
				o->deps[o->ndeps++] = libc;
		}
		return o;
	}
	fd = search_library(name, req, found, sizeof found, &origin);
	if (fd < 0) {
		if (shim_dl_mode)	/* dlerror: glibc's text */
			shim_msg("%s: cannot open shared object file: "
				"No such file or directory", name);
		else if (req)
			shim_msg("%s: cannot find library (needed by %s)",
				name, req->path);
		else
			shim_msg("%s: cannot open: No such file or directory",
				name);
		return NULL;
	}
	for (o = shim_head; o; o = o->next) {
		if (!o->builtin && o->map_len && !strcmp(o->path, found)) {
			close(fd);
			return o;
		}
	}
	o = map_object(found, fd, origin, name);
	close(fd);
	if (!o)
		return NULL;
	if (o->soname && (lib = builtin_find(o->soname))) {
		/* A glibc library named by path: serve the built-in. */
		unmap_object(o);
		return load_library(lib->soname, req);
	}
	append(o);
	shim_debug(SHIM_DEBUG_LIBS, "%s => %s (%s)", name, found,
		origin_name(origin));
	return o;
}

/* Load the DT_NEEDED closure of every object from ROOT on. */
static int load_needed_from(struct object *root)
{
	int err = 0;

	for (struct object *o = root; o; o = o->next) {
		size_t n = 0;

		if (!o->dynamic || o->deps)
			continue;
		for (ElfW(Dyn) *d = o->dynamic; d->d_tag != DT_NULL; d++)
			n += d->d_tag == DT_NEEDED;
		if (!(o->deps = calloc(n + 1, sizeof *o->deps)))
			shim_fatal("out of memory");
		for (ElfW(Dyn) *d = o->dynamic; d->d_tag != DT_NULL; d++) {
			struct object *dep;

			if (d->d_tag != DT_NEEDED)
				continue;
			dep = load_library(o->strtab + d->d_un.d_val, o);
			if (!dep) {
				err = -1;
				continue;
			}
			o->deps[o->ndeps++] = dep;
		}
	}
	return err;
}

static void push(struct object ***arr, size_t *cap, size_t i,
	struct object *o)
{
	if (i == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		if (!(*arr = realloc(*arr, *cap * sizeof **arr)))
			shim_fatal("out of memory");
	}
	(*arr)[i] = o;
}

struct object **scope_array(size_t *n)
{
	static struct object **arr;
	static size_t cap;
	size_t i = 0;

	for (struct object *o = shim_head; o; o = o->next)
		push(&arr, &cap, i++, o);
	*n = i;
	return arr;
}

static bool in_array(struct object *const *v, size_t n,
	const struct object *o)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == o)
			return true;
	return false;
}

struct object **scope_of(struct object *root, size_t *n)
{
	static struct object **arr;
	static size_t cap;
	size_t i = 0, first;

	for (struct object *o = shim_head; o; o = o->next)
		if (!o->local)
			push(&arr, &cap, i++, o);
	if (!root || !root->local) {
		*n = i;
		return arr;
	}
	/* then ROOT's dependencies, breadth-first, that are not global */
	first = i;
	push(&arr, &cap, i++, root);
	for (size_t k = first; k < i; k++)
		for (size_t j = 0; j < arr[k]->ndeps; j++)
			if (!in_array(arr, i, arr[k]->deps[j]))
				push(&arr, &cap, i++, arr[k]->deps[j]);
	*n = i;
	return arr;
}

void scope_promote(struct object *o)
{
	if (!o->local)
		return;
	o->local = false;
	for (size_t j = 0; j < o->ndeps; j++)
		scope_promote(o->deps[j]);
}

int load_deps_and_relocate(struct object *root)
{
	struct object **scope, **todo, **all;
	size_t n, i, ntodo;

	if (load_needed_from(root) < 0)
		return -1;
	/* The new objects, in load order: only they get TLS places and
	 * relocations; objects loaded before (a library dlopen'ed again, or
	 * a dependency already there) keep theirs and their threads' TLS. */
	all = scope_array(&n);
	if (!(todo = malloc((n ? n : 1) * sizeof *todo)))
		shim_fatal("out of memory");
	for (i = 0, ntodo = 0; i < n; i++)
		if (!all[i]->relocated)
			todo[ntodo++] = all[i];
	for (i = 0; i < ntodo; i++)
		if (tls_assign(todo[i]) < 0) {
			free(todo);
			return -1;
		}
	/* Relocate them in reverse load order, the root last, in ROOT's
	 * scope (RTLD_LOCAL libraries only see the global scope and their
	 * own dependencies). */
	all = scope_of(root, &n);
	/* a copy: an IFUNC resolver's dlsym may ask for a scope meanwhile */
	if (!(scope = malloc(n * sizeof *scope)))
		shim_fatal("out of memory");
	memcpy(scope, all, n * sizeof *scope);
	shim_missing_count = 0;
	for (i = ntodo; i-- > 0;) {
		if (relocate_object(todo[i], scope, n) < 0) {
			free(todo);
			free(scope);
			return -1;
		}
	}
	for (i = 0; i < ntodo; i++)
		if (todo[i]->tls_modid)
			tls_copy_image_all(todo[i]);
	free(todo);
	if (!shim_missing_count && root->is_main)
		builtin_bind_live(scope, n);
	free(scope);
	return shim_missing_count ? -1 : 0;
}
