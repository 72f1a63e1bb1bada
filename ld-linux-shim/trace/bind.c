/*
 * The tracer's bindings: SHIM_TRACE read once, which functions are traced
 * (the patterns, and what a closure cannot forward), their libffi call
 * interfaces and closures, and the closures' handler, which forwards one
 * call and has it written. Closures are made once per symdef and kept.
 */
#ifndef SHIM_NO_TRACE

#include <errno.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace.h"

/* SHIM_TRACE's globs, the closures by symdef (hashed). */
static const char *patterns;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct tent *table[512];

static void trace_init(void)
{
	const char *p = getenv("SHIM_TRACE");

	if (shim_boot.secure || !p || !*p || !(patterns = strdup(p))) {
		shim_trace_state = 0;
		return;
	}
	trace_open_output();
	shim_trace_state = 1;
}

/* Does NAME match PATTERN: any positive glob and no "!glob"? */
static bool name_matches(const char *name)
{
	const char *p = patterns, *e;
	char glob[128];
	bool yes = false;

	for (; *p; p = *e ? e + 1 : e) {
		size_t n;

		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (!n || n >= sizeof glob)
			continue;
		memcpy(glob, p, n);
		glob[n] = 0;
		if (glob[0] == '!') {
			if (!fnmatch(glob + 1, name, 0))
				return false;
		} else if (!fnmatch(glob, name, 0)) {
			yes = true;
		}
	}
	return yes;
}

/* --- policy ------------------------------------------------------------- */

/* Names that must never run inside a closure frame. */
static const char *const never[] = {
	/* return twice: the second return would land in a dead frame */
	"setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp", "vfork", "__vfork",
	"getcontext", "savectx",
	/* look at their caller's return address (RTLD_NEXT, $ORIGIN) or
	   stack: the tracer's frames would show */
	"dlopen", "dlmopen", "dlsym", "dlvsym", "backtrace",
};

/* Genuinely "void (void)": the importer writes that also when it found
   no prototype, so other "void (void)" functions are not traced. */
static bool really_void(const char *name)
{
	static const char *const ok[] = { "abort", "sync", "tzset",
		"closelog", "pthread_testcancel", "_mcleanup", "mtrace",
		"__stack_chk_fail", "__chk_fail", "endusershell",
		"setusershell" };
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (!strcmp(ok[i], name))
			return true;
	return n > 5 && (!strncmp(name, "set", 3) || !strncmp(name, "end", 3))
		&& !strcmp(name + n - 3, "ent");
}

/*
 * Variadic functions: libffi cannot forward arguments it does not know.
 * Those whose variadic part is integers or pointers in a bounded number
 * are forwarded with every remaining integer register (and syscall with
 * one stack slot more: its sixth argument); the rest (printf, scanf,
 * execl families, makecontext) are not traced.
 */
static int variadic_policy(const char *name)
{
	static const struct { const char *name; uint8_t var; } ok[] = {
		{ "open", V_MODE }, { "open64", V_MODE },
		{ "openat", V_MODE }, { "openat64", V_MODE },
		{ "sem_open", V_MODE2 }, { "mq_open", V_MODE2 },
		{ "fcntl", V_FCNTL }, { "fcntl64", V_FCNTL },
		{ "ioctl", V_HEX1 }, { "semctl", V_HEX1 },
		{ "mremap", V_HEX1 }, { "prctl", V_HEX4 },
		{ "syscall", V_HEX6 },
	};

	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (!strcmp(ok[i].name, name))
			return ok[i].var;
	return -1;
}

static bool announced(const struct lx_symdef *d)
{
	static const char *const names[] = { "execve", "execv", "execvp",
		"execvpe", "fexecve", "execveat", "__libc_start_main" };

	if (d->errs == LX_ERRS_NORETURN)
		return true;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(names[i], lx_sym_name(d)))
			return true;
	return false;
}

/* Fill T's argument list and cifs; NULL on success, else why not. */
static const char *prepare(struct tent *t)
{
	const struct lx_symdef *d = t->def;
	const char *why;
	unsigned nint = 0;
	int var;

	for (size_t i = 0; i < sizeof never / sizeof *never; i++)
		if (!strcmp(never[i], lx_sym_name(d)))
			return "returns twice or inspects its caller";
	if (!strcmp(lx_sym_sig(d), "void (void)") && !really_void(lx_sym_name(d)))
		return "\"void (void)\" may stand for an unknown prototype";
	if (!trace_parse_sig(lx_sym_sig(d), t, &why))
		return why;
	t->nargs = t->nfixed;
	if (t->var != V_NONE) {
		if ((var = variadic_policy(lx_sym_name(d))) < 0)
			return "variadic arguments of unknown types";
		t->var = (uint8_t)var;
		for (unsigned i = 0; i < t->nfixed; i++)
			nint += t->args[i].kind < K_DBL;
		while (nint < 6 || (var == V_HEX6 && nint < 7)) {
			t->args[t->nargs++] = (struct targ){ K_UINT, 8 };
			nint++;
		}
	}
	for (unsigned i = 0; i < t->nargs; i++)
		t->types[i] = trace_ffi_of(&t->args[i]);
	if (ffi_prep_cif(&t->cif, FFI_DEFAULT_ABI, t->nargs,
	    trace_ffi_of(&t->ret), t->types) != FFI_OK)
		return "ffi_prep_cif failed";
	if (t->var == V_NONE)
		t->call = t->cif;
	else if (ffi_prep_cif_var(&t->call, FFI_DEFAULT_ABI, t->nfixed,
	    t->nargs, trace_ffi_of(&t->ret), t->types) != FFI_OK)
		return "ffi_prep_cif_var failed";
	t->announce = announced(d);
	return NULL;
}

/* --- one call ------------------------------------------------------------ */

static void handler(ffi_cif *cif, void *ret, void **args, void *user)
{
	struct tent *t = user;
	union { ffi_arg i; long double ld; unsigned char b[32]; } rv;
	int saved = errno, err;
	pid_t tid = (pid_t)syscall(SYS_gettid);
	struct line l = { .n = 0 };
	size_t rsz;

	if (t->announce) {
		trace_put_call(&l, tid, t, args);
		trace_put(&l, " ...");
		trace_emit(&l);
	}
	/* errno: 0 to see whether the call sets it, else left as it was */
	errno = 0;
	ffi_call(&t->call, FFI_FN(lx_sym_addr(t->def)), &rv, args);
	err = errno;
	if (t->announce)
		trace_put(&l, "[shim-trace %d] <... %s resumed>", (int)tid,
			lx_sym_name(t->def));
	else
		trace_put_call(&l, tid, t, args);
	trace_put_result(&l, tid, t, &rv, err ? err : saved, err != 0);
	trace_emit(&l);
	rsz = cif->rtype->size > sizeof(ffi_arg) ? cif->rtype->size :
		sizeof(ffi_arg);
	if (cif->rtype != &ffi_type_void)
		memcpy(ret, &rv, rsz);
	errno = err ? err : saved;
}

/* --- binding -------------------------------------------------------------- */

static struct tent *make_entry(const struct lx_symdef *d)
{
	struct tent *t = calloc(1, sizeof *t);
	ffi_closure *cl;
	const char *why;
	void *code;

	if (!t)
		return NULL;
	t->def = d;
	why = prepare(t);
	if (!why) {
		cl = ffi_closure_alloc(sizeof *cl, &code);
		if (!cl)
			why = "ffi_closure_alloc failed";
		else if (ffi_prep_closure_loc(cl, &t->cif, handler, t, code)
			 != FFI_OK) {
			ffi_closure_free(cl);
			why = "ffi_prep_closure_loc failed";
		} else {
			t->code = code;
		}
	}
	if (why)
		shim_debug(SHIM_DEBUG_BINDINGS,
			"trace: %s \"%s\" not traced: %s", lx_sym_name(d), lx_sym_sig(d),
			why);
	else
		shim_debug(SHIM_DEBUG_BINDINGS, "trace: %s \"%s\" traced",
			lx_sym_name(d), lx_sym_sig(d));
	return t;
}

uintptr_t trace_bind(const struct lx_symdef *d)
{
	size_t h = ((uintptr_t)d >> 4) % (sizeof table / sizeof *table);
	int saved = errno;	/* dlsym from the guest */
	struct tent *t;

	pthread_once(&once, trace_init);
	if (!shim_trace_state || !lx_sym_addr(d) || (d->flags & LX_SYM_DATA) ||
	    !name_matches(lx_sym_name(d)))
		return (uintptr_t)lx_sym_addr(d);
	pthread_mutex_lock(&lock);
	for (t = table[h]; t && t->def != d; t = t->next)
		;
	if (!t && (t = make_entry(d))) {
		t->next = table[h];
		table[h] = t;
	}
	pthread_mutex_unlock(&lock);
	errno = saved;
	return t && t->code ? (uintptr_t)t->code : (uintptr_t)lx_sym_addr(d);
}

#else
typedef int trace_compiled_out;
#endif
