/*
 * libshim's internal interface: what the loader calls to set up the glibc
 * personality, and the live copies of the globals a guest program may take
 * by COPY relocation (read and write them only through these macros).
 */
#ifndef LIBSHIM_H
#define LIBSHIM_H

#include <pthread.h>
#include <stdio.h>

struct object;

/* Before any guest relocation: the personality's initial state. */
void lx_personality_init(int argc, char **argv, char **envp,
	struct object *prog);

/* The CPU set pthread_attr_setaffinity_np gave ATTR (affinity.c): a copy
 * the caller frees, or NULL. */
void *lx_attr_affinity(const pthread_attr_t *attr, size_t *size);

/* exec.c: the interpreter's own path, for the programs guests start. */
void lx_exec_init(const char *self);
int lx_execve(const char *path, char *const argv[], char *const envp[]);
int lx_execvp(const char *file, char *const argv[]);

/* sysinfo.c: pathconf of a host PATH (already rerooted), or fpathconf of
 * FD when PATH is NULL. */
long lx_sys_pathconf(const char *path, int fd, int name);

/* Live pointers, defined by the generated tables (shim/builtin.h LX_LIVE). */
extern void *lx_live_lx_environ;
extern void *lx_live_lx_program_invocation_name;
extern void *lx_live_lx_program_invocation_short_name;
extern void *lx_live_lx___libc_single_threaded;
#define LX_ENVIRON (*(char ***)lx_live_lx_environ)
#define LX_PROGNAME (*(char **)lx_live_lx_program_invocation_name)
#define LX_PROGNAME_SHORT (*(char **)lx_live_lx_program_invocation_short_name)

/* Make the host's environ the guest's, before the host reads it. */
void lx_env_sync_in(void);
/* After the host changed its environ, show the guest the new one. */
void lx_env_sync_out(void);

/* Trap the calling thread's system calls made outside the shim's image
 * (Syscall User Dispatch; libshim/syscall/trap.c): a program that makes
 * its own, static ones first. 0, or -1 with errno (kernel before 5.11). */
int shim_trap_arm(void);

/* The variant in use of the string function whose public entry is FN
 * (memcpy, strlen, ...: libshim/string/), or FN itself: what the loader
 * binds a reference to, as glibc binds one to its IFUNC's choice, so a
 * call skips the public entry's jump through the table. */
void *shim_string_direct(void *fn);

#endif
