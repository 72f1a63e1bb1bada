/*
 * The loader's own declarations: the object model and the stages of a
 * load. One header for the loader, as rtld.h is for FreeBSD's rtld; the
 * part libshim uses is shim/loader.h. Private to ld-linux-shim/ (and its
 * unit tests and fuzzer).
 */
#ifndef LOADER_INT_H
#define LOADER_INT_H

#include <elf.h>
#ifndef DT_RELR
#define DT_RELRSZ 35	/* musl 1.2.3's <elf.h> predates RELR */
#define DT_RELR 36
#define DT_RELRENT 37
#endif
#include <link.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shim/builtin.h"
#include "shim/loader.h"

#define SHIM_NAME "ld-linux-shim"
#define SHIM_DEFAULT_PREFIX "/compat/linux"
/* The largest TLS alignment the loader honours: the static reserve's
 * (tls.c); elf/elf.c and elf/elf-image.c refuse larger ones. */
#define TLS_MAX_ALIGN 64u

int shim_main(int argc, char **argv, char **envp);
__attribute__((noreturn)) void shim_enter_guest(uintptr_t entry, void *sp);
void shim_tlsdesc_static(void);

/* secure.c: stage 1 (no libc): decide secure mode, clean ENVP, return the
 * auxiliary vector (moved behind the shorter environment). */
ElfW(auxv_t) *secure_boot(char **envp, ElfW(auxv_t) *auxv);
/* May a secure process take files from DIR (root's alone, all the way)? */
bool secure_dir_trusted(const char *dir);

enum origin {
	ORIGIN_MAIN,		/* the program */
	ORIGIN_PREFIX,		/* found under the reroot prefix */
	ORIGIN_HOST,		/* found in the host's own tree */
	ORIGIN_BUILTIN,		/* a glibc-family soname served by libshim */
};

struct object {
	struct object *next;		/* load order (the global scope) */
	char *name;			/* as requested (DT_NEEDED or path) */
	char *path;			/* where it was found ("" for built-ins) */
	const char *soname;
	enum origin origin;
	bool is_main, relocated, init_done, fini_done, visiting;
	bool local;		/* dlopen'ed RTLD_LOCAL: not in the global scope */
	bool has_textrel;
	unsigned refcount;

	uintptr_t base;			/* load bias */
	uintptr_t map_start, map_len;	/* whole reservation (0: not ours) */
	const ElfW(Phdr) *phdr;
	size_t phnum;
	uintptr_t entry;
	ElfW(Dyn) *dynamic;
	size_t dynsz;			/* PT_DYNAMIC's memory size */

	const char *strtab;
	size_t strsz;
	const ElfW(Sym) *symtab;
	size_t nsyms;			/* from the hash table */
	const uint32_t *hash;
	const uint32_t *gnu_hash;
	const ElfW(Rela) *rela;
	size_t relasz;
	const ElfW(Rela) *jmprel;
	size_t pltrelsz;
	const uint64_t *relr;
	size_t relrsz;
	const ElfW(Versym) *versym;
	const ElfW(Verdef) *verdef;
	size_t verdefnum;
	const ElfW(Verneed) *verneed;
	size_t verneednum;
	const char *rpath, *runpath;
	uintptr_t init, fini;
	const uintptr_t *init_array, *fini_array, *preinit_array;
	size_t init_arraysz, fini_arraysz, preinit_arraysz;
	uintptr_t relro_start, relro_end;
	/* The tables relocations must not write (elf/elf-image.c). */
	struct elf_guards {
		size_t n;
		uintptr_t lo[16], hi[16];
	} guards;

	/* TLS */
	const void *tls_image;
	size_t tls_filesz, tls_memsz, tls_align;
	size_t tls_modid;
	intptr_t tls_tpoff;		/* block address - thread pointer */
	bool tls_dynamic;		/* dlopen'ed past the reserve: a block
					   per thread, made on first use */

	struct object **deps;		/* DT_NEEDED, in order */
	size_t ndeps;
	const struct lx_builtin_lib *builtin;
	const char **ver_names;		/* versym index -> version name (refs) */
	size_t nver_names;
};

/* The global scope, in load order: the program first. */
extern struct object *shim_head;

/* error.c (shim_msg and friends: shim/loader.h). While set, errors go
 * to the dl error buffer instead of stderr (dlopen). */
extern bool shim_dl_mode;
extern char shim_dl_error[512];
extern bool shim_error_seen;

/* elf/elf.c: validation of headers read from a file (pure functions). */
/* Returns NULL if acceptable, else a message (static string or buf). */
const char *elf_check(const unsigned char *buf, size_t len, uint64_t filesize,
	bool want_dyn, char *msg, size_t msgsz);

/* elf/elf-image.c: checks of a mapped object (NULL if acceptable, else
 * the message). elf_check_dynamic: PT_DYNAMIC is inside and ends with DT_NULL;
 * elf_check_object (once the dynamic section is read): every table, index,
 * chain and RELR target is inside the object, and no RELR entry writes
 * over a table the loader reads; sets nsyms and guards.
 * elf_check_rela (after elf_check_object): the same for N RELA entries,
 * which relocate_object checks a cache-sized run at a time before
 * applying them. */
const char *elf_check_dynamic(const struct object *o);
const char *elf_check_object(struct object *o);
const char *elf_check_rela(const struct object *o, const ElfW(Rela) *r,
	size_t n, char *msg, size_t msgsz);
/* Are LEN bytes at ADDR inside one PT_LOAD of O with one of FLAGS (PF_*;
 * 0: any)? */
bool elf_in_segment(const struct object *o, uintptr_t addr, uint64_t len,
	unsigned flags);

/* search.c (the reroot's resolver: shim/reroot.h) */
int shim_open_path(const char *path, char *found, size_t foundsz,
	enum origin *origin);
int search_library(const char *name, const struct object *requester,
	char *found, size_t foundsz, enum origin *origin);

/* map.c */
struct object *map_object(const char *path, int fd, enum origin origin,
	const char *name);
struct object *object_from_memory(const ElfW(Phdr) *phdr, size_t phnum,
	uintptr_t entry, const char *path);
int object_parse_dynamic(struct object *o);
void unmap_object(struct object *o);

/* builtin.c */
const struct lx_builtin_lib *builtin_find(const char *soname);
struct object *builtin_object(const struct lx_builtin_lib *lib);
const struct lx_symdef *builtin_lookup(const struct lx_builtin_lib *lib,
	const char *name, const char *version, bool newest);
void builtin_bind_live(struct object *const *scope, size_t n);

/* symbol.c */
uint32_t elf_sysv_hash(const char *name);
uint32_t elf_gnu_hash(const char *name);
#define LOOKUP_NEWEST	0x1	/* dlsym: unversioned takes @@ */
#define LOOKUP_PLT	0x2	/* a PLT slot: skip canonical PLT addresses */
struct symref {
	const char *name;
	const char *version;		/* NULL: unversioned reference */
	unsigned flags;			/* LOOKUP_* */
};
struct symdef {
	struct object *obj;
	const ElfW(Sym) *sym;		/* ELF definition, or NULL */
	const struct lx_symdef *bdef;	/* built-in definition, or NULL */
};
const ElfW(Sym) *object_lookup(const struct object *o, const char *name,
	uint32_t gh, uint32_t sh, const char *version);
const ElfW(Sym) *object_lookup2(const struct object *o, const char *name,
	uint32_t gh, uint32_t sh, const char *version, unsigned flags);
bool lookup_symbol(const struct symref *ref, const struct object *skip,
	struct object *const *scope, size_t nscope, struct symdef *out);
uintptr_t symdef_address(const struct symdef *d);
/* Calls an IFUNC resolver (IRELATIVE, STT_GNU_IFUNC): the fuzzer, which
 * runs no code of the objects it loads, replaces it. */
extern uintptr_t (*shim_call_resolver)(uintptr_t fn);
/* SHIM_TRACE: -1 not looked at yet, 0 off, 1 on (trace/ sets it). */
extern int shim_trace_state;

/* trace/bind.c: the address a guest gets for built-in function D: D's
   target, or a tracing closure if SHIM_TRACE names it. Weak: loader unit
   tests link symbol.c without the tracer. */
uintptr_t trace_bind(const struct lx_symdef *d) __attribute__((weak));
const char *object_ref_version(const struct object *o, size_t symidx);

/* reloc.c */
int relocate_object(struct object *o, struct object *const *scope,
	size_t nscope);
extern unsigned shim_missing_count;

/* tls.c (a thread's blocks, __tls_get_addr: shim/loader.h) */
int tls_assign(struct object *o);
void tls_copy_image(const struct object *o);
void tls_copy_image_all(const struct object *o);
/* tls-dyn.c: the calling thread's block of dynamic module O; NULL if it
 * has none yet and MAKE is false. */
void *tls_dynamic_block(const struct object *o, bool make);
uintptr_t tls_thread_pointer(void);

/* init.c (init_main_program, fini_objects: shim/loader.h) */
void init_objects(struct object *root, int argc, char **argv, char **envp);

/* dl.c: the loader lock around fork (tls.c's fork handlers call them). */
void dl_fork_prepare(void);
void dl_fork_parent(void);
void dl_fork_child(void);

/* load.c */
struct object *load_library(const char *name, struct object *req);
void load_set_tail(struct object *tail);
void load_set_program(struct object *prog);
/* Every loaded object, in load order (RTLD_NEXT). */
struct object **scope_array(size_t *n);
/* The lookup scope of ROOT: the global scope (the program, its
 * dependencies, RTLD_GLOBAL libraries) then ROOT's own dependency closure;
 * ROOT NULL: the global scope. An array the caller must not free (it is
 * reused by the next call). */
struct object **scope_of(struct object *root, size_t *n);
/* Objects loaded from now on are RTLD_LOCAL (dlopen without RTLD_GLOBAL). */
extern bool shim_load_local;
/* Make O and its dependency closure part of the global scope. */
void scope_promote(struct object *o);
int load_deps_and_relocate(struct object *root);

#endif
