/*
 * ld-linux-shim/trace/: the call tracer, SHIM_TRACE=PATTERN, for the
 * guest's calls into the built-in glibc-family libraries. When a guest
 * import (or a dlsym answer) binds to a built-in function whose name
 * matches one of the comma-separated fnmatch globs of PATTERN ("!GLOB"
 * excludes), symdef_address hands out a libffi closure instead of the
 * target. Its handler forwards the call with ffi_call and writes one line
 * per call, with the arguments and the result decoded from the symmap
 * signature (struct lx_symdef.sig, .errs):
 *
 *	[shim-trace 1234] open("/etc/passwd", 0) = 3
 *	[shim-trace 1234] open("/nonexistent", 0) = -1 ENOENT (No such ...)
 *
 * Lines go to stderr, or to SHIM_TRACE_FILE (opened once, O_APPEND), each
 * with one write(2). The tracer itself calls musl directly, never a traced
 * binding. When SHIM_TRACE is unset, symdef_address pays one branch.
 *
 * bind.c decides what is traced and makes the closures and their handler,
 * sig.c reads a signature into argument types, out.c writes the lines.
 * Built only without SHIM_NO_TRACE; this header needs libffi's.
 */
#ifndef SHIM_TRACE_H
#define SHIM_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <ffi.h>

#include "loader-int.h"

#define MAXFIXED	16	/* parameters of a traceable signature */
#define MAXARGS		(MAXFIXED + 7)
#define LINEMAX		1024

enum akind { K_VOID, K_SINT, K_UINT, K_OCT, K_PTR, K_STR, K_DBL, K_FLT,
	K_LDBL };

/* Display of the variadic part (variadic_policy). */
enum { V_NONE, V_MODE, V_MODE2, V_FCNTL, V_HEX1, V_HEX4, V_HEX6 };

struct targ {
	uint8_t kind;		/* enum akind */
	uint8_t size;		/* integers: bytes */
};

struct tent {
	struct tent *next;		/* hash chain */
	const struct lx_symdef *def;
	void *code;			/* closure entry; NULL: not traced */
	ffi_cif cif;			/* what the closure receives */
	ffi_cif call;			/* how the target is called */
	ffi_type *types[MAXARGS];
	struct targ ret, args[MAXARGS];
	unsigned nfixed, nargs;		/* nargs - nfixed: variadic slots */
	uint8_t var;			/* V_* */
	bool announce;			/* log first: may not return */
};

struct line {
	char buf[LINEMAX];
	size_t n;
	bool cut;		/* something did not fit */
};

/* sig.c */
ffi_type *trace_ffi_of(const struct targ *a);
bool trace_parse_sig(const char *sig, struct tent *t, const char **why);

/* out.c: lines are built in a struct line, then written by trace_emit. */
void trace_open_output(void);
void trace_put(struct line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void trace_put_call(struct line *l, pid_t tid, const struct tent *t,
	void **args);
void trace_put_result(struct line *l, pid_t tid, const struct tent *t,
	const void *rv, int err, bool changed);
void trace_emit(struct line *l);

#endif
