/*
 * The loader's interface to libshim's rooms: this process's configuration
 * and start-up state, error reporting, and the loader services that
 * __libc_start_main, exit and thread start-up call (initializers and
 * finalizers, TLS). The object model and the stages of a load are the
 * loader's own (ld-linux-shim/loader-int.h).
 */
#ifndef SHIM_LOADER_H
#define SHIM_LOADER_H

#include <link.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What boot.c saw before musl started. */
struct boot_info {
	uintptr_t *sp;		/* the initial stack: argc, argv, envp, auxv */
	ElfW(auxv_t) *auxv;
	uintptr_t base;		/* the interpreter's load address */
	uintptr_t at_phdr, at_phnum, at_entry, at_base, at_execfn;
	bool as_interp;		/* started as a program's PT_INTERP */
	bool secure;		/* set-user-ID or set-group-ID: secure.c */
};
extern struct boot_info shim_boot;

/* Options and state of this process. */
struct shim_config {
	const char *prefix;		/* reroot prefix or NULL */
	bool allow_missing;
	bool list_only;
	unsigned debug;			/* SHIM_DEBUG_* */
	const char *lib_path;		/* LD_LIBRARY_PATH at start-up */
};
#define SHIM_DEBUG_LIBS		0x1
#define SHIM_DEBUG_BINDINGS	0x2
#define SHIM_DEBUG_RELOC	0x4
#define SHIM_DEBUG_REROOT	0x8
#define SHIM_DEBUG_SYSCALLS	0x10	/* libshim/syscall/print.c */
extern struct shim_config shim_cfg;

/* error.c: every message is "ld-linux-shim: ..." on one line. */
void shim_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__attribute__((noreturn)) void shim_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void shim_debug(unsigned what, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* init.c: the program's own initializers (run by __libc_start_main), and
 * every finalizer in glibc's order (exit). */
void init_main_program(int argc, char **argv, char **envp);
void fini_objects(void);

/* tls.c: a thread's static TLS blocks, made at its start and released at
 * its end; __tls_get_addr. */
void tls_init_thread(void);
void tls_exit_thread(void);
void *shim_tls_get_addr(size_t modid, size_t offset);

#endif
