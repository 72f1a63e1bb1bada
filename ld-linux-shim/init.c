/*
 * Initializers and finalizers, in glibc's order: an object's dependencies
 * are initialized before it (depth-first, DT_NEEDED order), DT_INIT before
 * DT_INIT_ARRAY; finalizers run in the reverse order of initialization,
 * DT_FINI_ARRAY backwards and then DT_FINI. The program's own initializers
 * belong to __libc_start_main (libshim), as with glibc 2.34 and later.
 */
#include <stdlib.h>

#include "loader-int.h"

typedef void (*initfn)(int, char **, char **);

static struct object **done;	/* objects in initialization order */
static size_t ndone, capdone;

static void record(struct object *o)
{
	if (ndone == capdone) {
		capdone = capdone ? 2 * capdone : 32;
		if (!(done = realloc(done, capdone * sizeof *done)))
			shim_fatal("out of memory");
	}
	done[ndone++] = o;
}

/*
 * May entry FN of O's initializer or finalizer arrays be called? Only
 * code of O is (0 and -1 are the linkers' placeholders); elf/elf-image.c
 * checked DT_INIT and DT_FINI, the arrays' entries are known only after
 * relocation.
 */
static bool callable(const struct object *o, uintptr_t fn)
{
	if (!fn || fn == (uintptr_t)-1)
		return false;
	if (elf_in_segment(o, fn, 1, PF_X))
		return true;
	shim_debug(SHIM_DEBUG_LIBS, "%s: not calling %#lx: outside the code",
		o->path, (unsigned long)fn);
	return false;
}

static void run_init(struct object *o, int argc, char **argv, char **envp)
{
	shim_debug(SHIM_DEBUG_LIBS, "calling init: %s", o->path);
	if (o->init)
		((initfn)o->init)(argc, argv, envp);
	for (size_t i = 0; i < o->init_arraysz; i++)
		if (callable(o, o->init_array[i]))
			((initfn)o->init_array[i])(argc, argv, envp);
}

static void visit(struct object *o, int argc, char **argv, char **envp)
{
	if (o->init_done || o->visiting)
		return;
	o->visiting = true;
	for (size_t i = 0; i < o->ndeps; i++)
		visit(o->deps[i], argc, argv, envp);
	o->visiting = false;
	if (o->is_main)
		return;		/* __libc_start_main runs it */
	o->init_done = true;
	record(o);
	run_init(o, argc, argv, envp);
}

void init_objects(struct object *root, int argc, char **argv, char **envp)
{
	/* The program's DT_PREINIT_ARRAY runs before any library's init. */
	if (root->is_main)
		for (size_t i = 0; i < root->preinit_arraysz; i++)
			if (callable(root, root->preinit_array[i]))
				((initfn)root->preinit_array[i])(argc, argv,
					envp);
	visit(root, argc, argv, envp);
}

void init_main_program(int argc, char **argv, char **envp)
{
	struct object *o = shim_head;

	if (!o || o->init_done)
		return;
	o->init_done = true;
	record(o);
	run_init(o, argc, argv, envp);
}

/*
 * A finalizer takes no arguments; it is called with its argument registers
 * zeroed, so that no pointer or size the shim left there reaches what it
 * calls (a finalizer whose __cxa_finalize was bound to memset by a
 * corrupted symbol table cleared a random range with them).
 */
static void call_fini(uintptr_t fn)
{
	((initfn)fn)(0, NULL, NULL);
}

void fini_objects(void)
{
	while (ndone > 0) {
		struct object *o = done[--ndone];

		if (o->fini_done)
			continue;
		o->fini_done = true;
		shim_debug(SHIM_DEBUG_LIBS, "calling fini: %s", o->path);
		for (size_t i = o->fini_arraysz; i-- > 0;)
			if (callable(o, o->fini_array[i]))
				call_fini(o->fini_array[i]);
		if (o->fini)
			call_fini(o->fini);
	}
}
