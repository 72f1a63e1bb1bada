/*
 * The syscall room's one entry point (libshim/syscall/syscall.c): a Linux
 * system call made by number with its six argument words, as a guest
 * makes it. glibc's syscall() and the inline-syscall trap both come here;
 * it dispatches through the table tools/syscallgen generates from
 * symmaps/linux-x86_64.syscalls. Compiled against musl only.
 *
 * For the trap: shim_syscall only sees six words. The calls marked
 * SHIM_SYSF_CTX in the table (rt_sigaction, rt_sigprocmask,
 * rt_sigreturn, clone, clone3, vfork, arch_prctl: the switch of
 * libshim/syscall/trap.c) need the guest's registers, stack or signal
 * frame, and the trap serves them itself (shim_syscall_needs_context());
 * through shim_syscall they are served as the table says, as glibc's
 * syscall() would have them. shim_syscall may be called from a signal handler: it does not
 * allocate, takes no lock and leaves errno as it found it.
 */
#ifndef SHIM_SYSCALL_H
#define SHIM_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

/* Linux system call NR with ARGS (all six words are passed, whatever the
 * call takes). Returns the kernel's convention: the result, or -errno
 * (-4095..-1); errno is left alone. Numbers the table lacks: -ENOSYS. */
long shim_syscall(long nr, const long args[6]);

/* The machine's trap into the kernel (libshim/x86_64/syscall.S), which
 * answers as shim_syscall does, without the table. */
long shim_syscall_trap(long nr, const long args[6]);

/* The calls the trap must serve with the guest's context (above). */
bool shim_syscall_needs_context(long nr);

/* Whether shim_syscall would hand call NR to the kernel as it is (a
 * `pass` call, no path to reroot, no SHIM_DEBUG=syscalls line). */
bool shim_syscall_direct(long nr);

/* --- The generated table (tools/syscallgen) ------------------------------ */

/* A `handler` call: lx_sys_NAME in libshim/syscall/. */
typedef long shim_sys_handler(const long a[6]);

enum shim_sys_serve { SHIM_SYS_PASS = 1, SHIM_SYS_HANDLER, SHIM_SYS_ENOSYS };

/* Argument kinds: what the path rewrite and the printer make of a word. */
enum shim_sys_arg {
	SHIM_ARG_INT = 1, SHIM_ARG_UINT, SHIM_ARG_LONG, SHIM_ARG_HEX,
	SHIM_ARG_FD, SHIM_ARG_DIRFD, SHIM_ARG_PATH, SHIM_ARG_LPATH,
	SHIM_ARG_STR, SHIM_ARG_FLAGS, SHIM_ARG_FLAGS_OPEN, SHIM_ARG_FLAGS_AT,
	SHIM_ARG_FLAGS_PROT, SHIM_ARG_FLAGS_MAP, SHIM_ARG_MODE, SHIM_ARG_PTR,
	SHIM_ARG_PTR_IN, SHIM_ARG_PTR_OUT, SHIM_ARG_BUF_IN, SHIM_ARG_BUF_OUT,
	SHIM_ARG_SIZE, SHIM_ARG_OFF, SHIM_ARG_PID, SHIM_ARG_SIG,
};

#define SHIM_SYSF_CTX		0x1	/* the trap serves it (above) */
#define SHIM_SYSF_PATHS		0x2	/* has a path or lpath argument */
#define SHIM_SYSF_RETPTR	0x4	/* the result is an address */

struct shim_sysent {
	uint16_t name;			/* in shim_sysent_strs; 0: no call */
	uint8_t handler;		/* SHIM_SYS_HANDLER: 1 + index into
					   shim_sys_handlers */
	unsigned char serve;		/* enum shim_sys_serve */
	unsigned char flags;		/* SHIM_SYSF_* */
	unsigned char nargs;
	unsigned char kind[6];		/* enum shim_sys_arg */
	unsigned char len[6];		/* BUF_IN/BUF_OUT: the length's index */
	uint16_t type[6];		/* PTR_IN/PTR_OUT: the struct's name in
					   shim_sysent_strs, or 0 */
};
/* No pointer in the table: nothing of it is relocated at start-up. */
extern const struct shim_sysent shim_sysent[];
extern const char shim_sysent_strs[];
extern shim_sys_handler *const shim_sys_handlers[];

static inline const char *shim_sysent_name(const struct shim_sysent *e)
{
	return e->name ? shim_sysent_strs + e->name : NULL;
}

static inline const char *shim_sysent_type(const struct shim_sysent *e,
	int i)
{
	return e->type[i] ? shim_sysent_strs + e->type[i] : NULL;
}

static inline shim_sys_handler *shim_sysent_handler(
	const struct shim_sysent *e)
{
	return e->handler ? shim_sys_handlers[e->handler - 1] : NULL;
}
extern const unsigned shim_sysent_count;	/* highest number + 1 */

/* SHIM_DEBUG=syscalls (libshim/syscall/print.c): the strace line of a
 * call; HOST[i] is the path the kernel saw for argument i, if another.
 * RET SHIM_SYSCALL_NORETURN: written before a call that does not return
 * ("= ?"). */
#define SHIM_SYSCALL_NORETURN	(-0x7fffffffffffffffL - 1)
void shim_syscall_print(long nr, const long a[6], const char *const host[6],
	long ret);

#endif
