/*
 * SHIM_TRACE=PATTERN: call tracing of the guest's calls into the built-in
 * glibc-family libraries. When a guest import (or a dlsym answer) binds to
 * a built-in function whose name matches one of the comma-separated fnmatch
 * globs of PATTERN ("!GLOB" excludes), symdef_address hands out a libffi
 * closure instead of the target. Its handler forwards the call with
 * ffi_call and writes one line per call, with the arguments and the result
 * decoded from the symmap signature (struct lx_symdef.sig, .errs):
 *
 *	[shim-trace 1234] open("/etc/passwd", 0) = 3
 *	[shim-trace 1234] open("/nonexistent", 0) = -1 ENOENT (No such ...)
 *
 * Lines go to stderr, or to SHIM_TRACE_FILE (opened once, O_APPEND), each
 * with one write(2). The tracer itself calls musl directly, never a traced
 * binding. When SHIM_TRACE is unset, symdef_address pays one branch.
 */
#ifndef SHIM_NO_TRACE

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <ffi.h>

#include "shim/gnu.h"
#include "shim.h"

#define MAXFIXED	16	/* parameters of a traceable signature */
#define MAXARGS		(MAXFIXED + 7)
#define STRMAX		32	/* characters of a string argument shown */
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

/* SHIM_TRACE's globs, where lines go, the closures by symdef (hashed). */
static const char *patterns;
static int out_fd = 2;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct tent *table[512];

static void trace_init(void)
{
	const char *p = getenv("SHIM_TRACE"), *file;
	int fd, hi;

	if (shim_boot.secure || !p || !*p || !(patterns = strdup(p))) {
		shim_trace_state = 0;
		return;
	}
	file = getenv("SHIM_TRACE_FILE");
	if (file && *file) {
		fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
			0644);
		if (fd < 0) {
			shim_msg("SHIM_TRACE_FILE: %s: %s", file,
				strerror(errno));
		} else {
			/* Out of the way of the guest's low descriptors. */
			hi = fcntl(fd, F_DUPFD_CLOEXEC, 900);
			if (hi >= 0) {
				close(fd);
				fd = hi;
			}
			out_fd = fd;
		}
	}
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

/* --- signatures -> ffi types -------------------------------------------- */

/* Names in place, not pointers: no start-up relocations (tracing off
   costs nothing, not even those). */
struct tdef {
	char name[22];
	uint8_t kind, size;
};

/* Integer and pointer typedefs of glibc's prototypes (x86-64 sizes). */
static const struct tdef typedefs[] = {
	{ "size_t", K_UINT, 8 }, { "ssize_t", K_SINT, 8 },
	{ "__ssize_t", K_SINT, 8 }, { "off_t", K_SINT, 8 },
	{ "__off_t", K_SINT, 8 }, { "off64_t", K_SINT, 8 },
	{ "__off64_t", K_SINT, 8 }, { "loff_t", K_SINT, 8 },
	{ "__loff_t", K_SINT, 8 }, { "pid_t", K_SINT, 4 },
	{ "__pid_t", K_SINT, 4 }, { "uid_t", K_UINT, 4 },
	{ "__uid_t", K_UINT, 4 }, { "gid_t", K_UINT, 4 },
	{ "__gid_t", K_UINT, 4 }, { "id_t", K_UINT, 4 },
	{ "__id_t", K_UINT, 4 }, { "mode_t", K_OCT, 4 },
	{ "__mode_t", K_OCT, 4 }, { "socklen_t", K_UINT, 4 },
	{ "__socklen_t", K_UINT, 4 }, { "time_t", K_SINT, 8 },
	{ "__time_t", K_SINT, 8 }, { "clock_t", K_SINT, 8 },
	{ "clockid_t", K_SINT, 4 }, { "__clockid_t", K_SINT, 4 },
	{ "dev_t", K_UINT, 8 }, { "__dev_t", K_UINT, 8 },
	{ "ino_t", K_UINT, 8 }, { "ino64_t", K_UINT, 8 },
	{ "nfds_t", K_UINT, 8 }, { "key_t", K_SINT, 4 },
	{ "mqd_t", K_SINT, 4 }, { "wint_t", K_UINT, 4 },
	{ "wchar_t", K_SINT, 4 }, { "regoff_t", K_SINT, 4 },
	{ "__re_size_t", K_UINT, 4 }, { "reg_syntax_t", K_UINT, 8 },
	{ "pthread_t", K_UINT, 8 }, { "pthread_key_t", K_UINT, 4 },
	{ "tss_t", K_UINT, 4 }, { "nl_item", K_SINT, 4 },
	{ "error_t", K_SINT, 4 }, { "intmax_t", K_SINT, 8 },
	{ "uintmax_t", K_UINT, 8 }, { "intptr_t", K_SINT, 8 },
	{ "uintptr_t", K_UINT, 8 }, { "int8_t", K_SINT, 1 },
	{ "uint8_t", K_UINT, 1 }, { "int16_t", K_SINT, 2 },
	{ "uint16_t", K_UINT, 2 }, { "int32_t", K_SINT, 4 },
	{ "uint32_t", K_UINT, 4 }, { "int64_t", K_SINT, 8 },
	{ "uint64_t", K_UINT, 8 }, { "speed_t", K_UINT, 4 },
	{ "in_addr_t", K_UINT, 4 }, { "in_port_t", K_UINT, 2 },
	{ "sa_family_t", K_UINT, 2 }, { "eventfd_t", K_UINT, 8 },
	{ "useconds_t", K_UINT, 4 }, { "__useconds_t", K_UINT, 4 },
	{ "suseconds_t", K_SINT, 8 }, { "__suseconds_t", K_SINT, 8 },
	{ "rlim_t", K_UINT, 8 }, { "blkcnt_t", K_SINT, 8 },
	{ "fsblkcnt_t", K_UINT, 8 }, { "fsfilcnt_t", K_UINT, 8 },
	{ "wctype_t", K_UINT, 8 }, { "__rlimit_resource_t", K_SINT, 4 },
	{ "__itimer_which_t", K_SINT, 4 },
	{ "__priority_which_t", K_SINT, 4 },
	{ "__rusage_who_t", K_SINT, 4 }, { "idtype_t", K_SINT, 4 },
	{ "ACTION", K_SINT, 4 }, { "ns_sect", K_SINT, 4 },
	{ "_Bool", K_UINT, 1 }, { "bool", K_UINT, 1 },
	/* pointers under another name (va_list is an array: decays) */
	{ "locale_t", K_PTR, 8 }, { "__locale_t", K_PTR, 8 },
	{ "iconv_t", K_PTR, 8 }, { "timer_t", K_PTR, 8 },
	{ "res_state", K_PTR, 8 }, { "nl_catd", K_PTR, 8 },
	{ "wctrans_t", K_PTR, 8 }, { "va_list", K_PTR, 8 },
	{ "__gnuc_va_list", K_PTR, 8 }, { "__SOCKADDR_ARG", K_PTR, 8 },
	{ "__CONST_SOCKADDR_ARG", K_PTR, 8 },
	{ "__sighandler_t", K_PTR, 8 }, { "sighandler_t", K_PTR, 8 },
	{ "tss_dtor_t", K_PTR, 8 }, { "thrd_start_t", K_PTR, 8 },
};

static ffi_type *ffi_of(const struct targ *a)
{
	static ffi_type *const s[] = { NULL, &ffi_type_sint8,
		&ffi_type_sint16, NULL, &ffi_type_sint32, NULL, NULL, NULL,
		&ffi_type_sint64 };
	static ffi_type *const u[] = { NULL, &ffi_type_uint8,
		&ffi_type_uint16, NULL, &ffi_type_uint32, NULL, NULL, NULL,
		&ffi_type_uint64 };

	switch (a->kind) {
	case K_VOID:	return &ffi_type_void;
	case K_SINT:	return s[a->size];
	case K_UINT:
	case K_OCT:	return u[a->size];
	case K_DBL:	return &ffi_type_double;
	case K_FLT:	return &ffi_type_float;
	case K_LDBL:	return &ffi_type_longdouble;
	default:	return &ffi_type_pointer;
	}
}

/* A base type spelled with C's integer keywords ("long unsigned int"). */
static bool int_words(char *words[], unsigned n, struct targ *a)
{
	unsigned longs = 0, sgn = 1, size = 4;

	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(words[i], "long"))
			longs++;
		else if (!strcmp(words[i], "unsigned"))
			sgn = 0;
		else if (!strcmp(words[i], "short"))
			size = 2;
		else if (!strcmp(words[i], "char"))
			size = 1;
		else if (strcmp(words[i], "signed") && strcmp(words[i], "int"))
			return false;
	}
	if (longs)
		size = 8;
	a->kind = sgn ? K_SINT : K_UINT;
	a->size = (uint8_t)size;
	return true;
}

/* Classify the base type in WORDS (qualifiers removed). */
static bool base_type(char *words[], unsigned n, struct targ *a,
	const char **why)
{
	size_t len;

	*why = "unknown type name";
	if (n == 1 && !strcmp(words[0], "void"))
		return a->kind = K_VOID, true;
	if (n == 1 && !strcmp(words[0], "double"))
		return a->kind = K_DBL, true;
	if (n == 1 && !strcmp(words[0], "float"))
		return a->kind = K_FLT, true;
	if (n == 2 && !strcmp(words[0], "long") && !strcmp(words[1], "double"))
		return a->kind = K_LDBL, true;
	if (!strcmp(words[0], "struct") || !strcmp(words[0], "union") ||
	    !strcmp(words[0], "complex") || !strcmp(words[0], "_Complex"))
		return *why = "aggregate by value", false;
	if (n == 2 && !strcmp(words[0], "enum")) {
		a->kind = K_SINT;
		a->size = 4;
		return true;
	}
	if (int_words(words, n, a))
		return true;
	if (n != 1)
		return false;
	for (size_t i = 0; i < sizeof typedefs / sizeof *typedefs; i++)
		if (!strcmp(typedefs[i].name, words[0])) {
			a->kind = typedefs[i].kind;
			a->size = typedefs[i].size;
			return true;
		}
	/* callback typedefs: __compar_fn_t, __ftw_func_t, ... */
	len = strlen(words[0]);
	if ((len > 5 && !strcmp(words[0] + len - 5, "_fn_t")) ||
	    (len > 7 && !strcmp(words[0] + len - 7, "_func_t")))
		return a->kind = K_PTR, true;
	return false;
}

/*
 * Classify one parameter or result type, S[0..N). WHY names what was not
 * understood. "..." is K_VOID with size 1.
 */
static bool classify(const char *s, size_t n, struct targ *a,
	const char **why, char *scratch, size_t scrsz)
{
	char *words[8], *w, *save = NULL;
	unsigned nw = 0, stars = 0;

	a->size = 8;
	while (n && (*s == ' '))
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 3 && !memcmp(s, "...", 3))
		return a->kind = K_VOID, a->size = 1, true;
	if (memchr(s, '(', n) || memchr(s, '[', n))
		return a->kind = K_PTR, true;
	if (n >= scrsz)
		return *why = "type too long", false;
	for (size_t i = 0, j = 0; i < n; i++) {
		if (s[i] == '*')
			stars++;
		else
			scratch[j++] = s[i];
		scratch[j] = 0;
	}
	for (w = strtok_r(scratch, " ", &save); w && nw < 8;
	     w = strtok_r(NULL, " ", &save))
		if (strcmp(w, "const") && strcmp(w, "volatile") &&
		    strcmp(w, "restrict") && strcmp(w, "__restrict"))
			words[nw++] = w;
	if (!nw || w)
		return *why = "unparsed type", false;
	if (stars) {
		a->kind = stars == 1 && nw == 1 && !strcmp(words[0], "char") ?
			K_STR : K_PTR;
		return true;
	}
	return base_type(words, nw, a, why);
}

/* Split "RET (PARAMS)" and classify everything into T. */
static bool parse_sig(const char *sig, struct tent *t, const char **why)
{
	char scratch[128];
	size_t len = strlen(sig), open = 0;
	const char *p, *end;
	int depth = 0;

	*why = "unparsed signature";
	if (!len || sig[len - 1] != ')')
		return false;
	for (size_t i = len; i-- > 0;) {
		depth += sig[i] == ')' ? 1 : sig[i] == '(' ? -1 : 0;
		if (!depth) {
			open = i;
			break;
		}
	}
	if (!open || memchr(sig, '(', open))
		return false;	/* no list, or a declarator we do not parse */
	if (!classify(sig, open, &t->ret, why, scratch, sizeof scratch) ||
	    (t->ret.kind == K_VOID && t->ret.size == 1))
		return false;
	t->nfixed = 0;
	t->var = V_NONE;
	for (p = sig + open + 1; p < sig + len - 1; p = end + 1) {
		depth = 0;
		for (end = p; end < sig + len - 1; end++) {
			depth += *end == '(' ? 1 : *end == ')' ? -1 : 0;
			if (!depth && *end == ',')
				break;
		}
		struct targ *a = &t->args[t->nfixed];

		if (!classify(p, (size_t)(end - p), a, why, scratch,
		    sizeof scratch))
			return false;
		if (a->kind == K_VOID && a->size == 1) {
			t->var = V_HEX1;	/* variadic; policy decides */
			break;
		}
		if (a->kind == K_VOID)
			continue;	/* "(void)" */
		if (++t->nfixed > MAXFIXED)
			return *why = "too many parameters", false;
	}
	return true;
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
	if (!parse_sig(lx_sym_sig(d), t, &why))
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
		t->types[i] = ffi_of(&t->args[i]);
	if (ffi_prep_cif(&t->cif, FFI_DEFAULT_ABI, t->nargs,
	    ffi_of(&t->ret), t->types) != FFI_OK)
		return "ffi_prep_cif failed";
	if (t->var == V_NONE)
		t->call = t->cif;
	else if (ffi_prep_cif_var(&t->call, FFI_DEFAULT_ABI, t->nfixed,
	    t->nargs, ffi_of(&t->ret), t->types) != FFI_OK)
		return "ffi_prep_cif_var failed";
	t->announce = announced(d);
	return NULL;
}

/* --- one call ------------------------------------------------------------ */

struct line {
	char buf[LINEMAX];
	size_t n;
	bool cut;		/* something did not fit */
};

/* Room for "...\n" is kept at the end. */
static void put(struct line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(struct line *l, const char *fmt, ...)
{
	size_t room = sizeof l->buf - 4 - l->n;
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(l->buf + l->n, room, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	if ((size_t)r >= room) {
		l->n += room - 1;
		l->cut = true;
	} else {
		l->n += (size_t)r;
	}
}

/* Copy up to N bytes at P without faulting; how many could be read. */
static size_t peek(pid_t tid, const char *p, char *out, size_t n)
{
	uintptr_t a = (uintptr_t)p, next = (a | 4095) + 1;
	size_t first = next - a < n ? next - a : n;
	struct iovec local = { out, n };
	struct iovec remote[2] = { { (void *)p, first },
		{ (void *)next, n - first } };
	ssize_t got = process_vm_readv(tid, &local, 1, remote,
		n > first ? 2 : 1, 0);

	if (got >= 0)
		return (size_t)got;
	if (errno == EFAULT)
		return 0;
	memcpy(out, p, first);	/* no process_vm_readv: trust the page */
	return first;
}

static void put_str(struct line *l, pid_t tid, const char *s)
{
	char raw[STRMAX + 1];
	size_t n, i;

	if (!s) {
		put(l, "NULL");
		return;
	}
	n = peek(tid, s, raw, sizeof raw);
	if (!n) {
		put(l, "%p", (void *)s);
		return;
	}
	put(l, "\"");
	for (i = 0; i < n && i < STRMAX && raw[i]; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '"' || c == '\\')
			put(l, "\\%c", c);
		else if (c == '\n')
			put(l, "\\n");
		else if (c == '\t')
			put(l, "\\t");
		else if (c < 0x20 || c >= 0x7f)
			put(l, "\\x%02x", c);
		else
			put(l, "%c", c);
	}
	put(l, i < n && raw[i] ? "\"..." : "\"");
}

/* The integer in V (ffi_arg-widened) as the type A says. */
static int64_t int_of(const struct targ *a, const void *v)
{
	uint64_t u;

	memcpy(&u, v, 8);
	if (a->kind == K_SINT) {
		unsigned sh = 64 - 8 * a->size;
		return (int64_t)(u << sh) >> sh;
	}
	return a->size < 8 ? (int64_t)(u & ((1ull << 8 * a->size) - 1)) :
		(int64_t)u;
}

/* One value; V points at it (arguments: the argument's own size). */
static void put_val(struct line *l, pid_t tid, const struct targ *a,
	const void *v, bool widened)
{
	uint64_t u = 0;

	switch (a->kind) {
	case K_DBL:	put(l, "%g", *(const double *)v); return;
	case K_FLT:	put(l, "%g", (double)*(const float *)v); return;
	case K_LDBL:	put(l, "%Lg", *(const long double *)v); return;
	case K_STR:	put_str(l, tid, *(const char *const *)v); return;
	case K_PTR:
		if (*(void *const *)v)
			put(l, "%p", *(void *const *)v);
		else
			put(l, "NULL");
		return;
	default:
		break;
	}
	if (widened || a->size == 8)
		u = (uint64_t)int_of(a, v);
	else
		memcpy(&u, v, a->size);	/* little-endian */
	if (!widened && a->kind == K_SINT && a->size < 8)
		u = (uint64_t)int_of(a, &u);
	if (a->kind == K_SINT)
		put(l, "%lld", (long long)u);
	else if (a->kind == K_OCT)
		put(l, "%#llo", (unsigned long long)u);
	else
		put(l, "%llu", (unsigned long long)u);
}

static void put_extra(struct line *l, uint64_t v, bool oct)
{
	if (oct)
		put(l, ", %#llo", (unsigned long long)v);
	else if ((int64_t)v > -4096 && (int64_t)v < 65536)
		put(l, ", %lld", (long long)(int64_t)v);
	else
		put(l, ", %#llx", (unsigned long long)v);
}

/* The variadic arguments worth showing. */
static void put_variadic(struct line *l, const struct tent *t, void **args)
{
	uint64_t x[7] = { 0 };
	int flags = t->nfixed ? *(int *)args[t->nfixed - 1] : 0;
	unsigned n = t->nargs - t->nfixed;
	bool creat = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;

	for (unsigned i = 0; i < n && i < 7; i++)
		memcpy(&x[i], args[t->nfixed + i], 8);
	switch (t->var) {
	case V_MODE:
	case V_MODE2:
		if (creat)
			put_extra(l, x[0], true);
		if (creat && t->var == V_MODE2)
			put_extra(l, x[1], false);
		return;
	case V_FCNTL:
		if (flags != F_GETFD && flags != F_GETFL &&
		    flags != F_GETOWN && flags != F_GETSIG &&
		    flags != F_GETLEASE && flags != F_GETPIPE_SZ &&
		    flags != F_GET_SEALS)
			put_extra(l, x[0], false);
		return;
	default:
		n = t->var == V_HEX1 ? 1 : t->var == V_HEX4 ? 4 : 6;
		for (unsigned i = 0; i < n; i++)
			put_extra(l, x[i], false);
	}
}

static void put_call(struct line *l, pid_t tid, const struct tent *t,
	void **args)
{
	put(l, "[shim-trace %d] %s(", (int)tid, lx_sym_name(t->def));
	for (unsigned i = 0; i < t->nfixed; i++) {
		if (i)
			put(l, ", ");
		put_val(l, tid, &t->args[i], args[i], false);
	}
	if (t->var != V_NONE)
		put_variadic(l, t, args);
	put(l, ")");
}

static void put_errno(struct line *l, int e);

/* " = VALUE", with the error decoded as ERRS says. */
static void put_result(struct line *l, pid_t tid, const struct tent *t,
	const void *rv, int err, bool changed)
{
	const struct targ *r = &t->ret;
	bool isint = r->kind == K_SINT || r->kind == K_UINT || r->kind == K_OCT;
	bool isptr = r->kind == K_PTR || r->kind == K_STR;
	int64_t v = isint ? int_of(r, rv) : 0;
	void *p = isptr ? *(void *const *)rv : NULL;
	bool fail = false;

	if (r->kind == K_VOID)
		return;
	put(l, " = ");
	put_val(l, tid, r, rv, true);
	switch (t->def->errs) {
	case LX_ERRS_NEG1_ERRNO:
		fail = isint && v == -1;
		break;
	case LX_ERRS_NULL_ERRNO:
		fail = isptr && !p;
		break;
	case LX_ERRS_RET_ERRNO:
		if (isint && v > 0)
			put_errno(l, (int)v);
		return;
	case LX_ERRS_EOF_ERRNO:
	case LX_ERRS_OTHER:
		fail = changed && ((isint && v == -1) || (isptr && !p) ||
			(isptr && p == (void *)-1));
		break;
	default:
		break;
	}
	if (fail)
		put_errno(l, err);
}

static void emit(struct line *l)
{
	ssize_t r;

	if (l->cut) {
		memcpy(l->buf + l->n, "...", 3);
		l->n += 3;
	}
	l->buf[l->n++] = '\n';
	do
		r = write(out_fd, l->buf, l->n);
	while (r < 0 && errno == EINTR);
	l->n = 0;
	l->cut = false;
}

static void handler(ffi_cif *cif, void *ret, void **args, void *user)
{
	struct tent *t = user;
	union { ffi_arg i; long double ld; unsigned char b[32]; } rv;
	int saved = errno, err;
	pid_t tid = (pid_t)syscall(SYS_gettid);
	struct line l = { .n = 0 };
	size_t rsz;

	if (t->announce) {
		put_call(&l, tid, t, args);
		put(&l, " ...");
		emit(&l);
	}
	/* errno: 0 to see whether the call sets it, else left as it was */
	errno = 0;
	ffi_call(&t->call, FFI_FN(lx_sym_addr(t->def)), &rv, args);
	err = errno;
	if (t->announce)
		put(&l, "[shim-trace %d] <... %s resumed>", (int)tid,
			lx_sym_name(t->def));
	else
		put_call(&l, tid, t, args);
	put_result(&l, tid, t, &rv, err ? err : saved, err != 0);
	emit(&l);
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

/* --- errno names ---------------------------------------------------------- */

#define E(x) [x] = #x
static const char enames[][16] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
	E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK),
	E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG),
	E(ENOLCK), E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EIDRM),
	E(ECHRNG), E(EL2NSYNC), E(EL3HLT), E(EL3RST), E(ELNRNG), E(EUNATCH),
	E(ENOCSI), E(EL2HLT), E(EBADE), E(EBADR), E(EXFULL), E(ENOANO),
	E(EBADRQC), E(EBADSLT), E(EBFONT), E(ENOSTR), E(ENODATA), E(ETIME),
	E(ENOSR), E(ENONET), E(ENOPKG), E(EREMOTE), E(ENOLINK), E(EADV),
	E(ESRMNT), E(ECOMM), E(EPROTO), E(EMULTIHOP), E(EDOTDOT),
	E(EBADMSG), E(EOVERFLOW), E(ENOTUNIQ), E(EBADFD), E(EREMCHG),
	E(ELIBACC), E(ELIBBAD), E(ELIBSCN), E(ELIBMAX), E(ELIBEXEC),
	E(EILSEQ), E(ERESTART), E(ESTRPIPE), E(EUSERS), E(ENOTSOCK),
	E(EDESTADDRREQ), E(EMSGSIZE), E(EPROTOTYPE), E(ENOPROTOOPT),
	E(EPROTONOSUPPORT), E(ESOCKTNOSUPPORT), E(EOPNOTSUPP),
	E(EPFNOSUPPORT), E(EAFNOSUPPORT), E(EADDRINUSE), E(EADDRNOTAVAIL),
	E(ENETDOWN), E(ENETUNREACH), E(ENETRESET), E(ECONNABORTED),
	E(ECONNRESET), E(ENOBUFS), E(EISCONN), E(ENOTCONN), E(ESHUTDOWN),
	E(ETOOMANYREFS), E(ETIMEDOUT), E(ECONNREFUSED), E(EHOSTDOWN),
	E(EHOSTUNREACH), E(EALREADY), E(EINPROGRESS), E(ESTALE), E(EUCLEAN),
	E(ENOTNAM), E(ENAVAIL), E(EISNAM), E(EREMOTEIO), E(EDQUOT),
	E(ENOMEDIUM), E(EMEDIUMTYPE), E(ECANCELED), E(ENOKEY),
	E(EKEYEXPIRED), E(EKEYREVOKED), E(EKEYREJECTED), E(EOWNERDEAD),
	E(ENOTRECOVERABLE), E(ERFKILL), E(EHWPOISON),
};
#undef E

/* " ENOENT (No such file or directory)" */
static void put_errno(struct line *l, int e)
{
	const char *msg = lx_gnu_errmsg(e);

	if (e > 0 && (size_t)e < sizeof enames / sizeof *enames && enames[e][0])
		put(l, " %s", enames[e]);
	else
		put(l, " errno %d", e);
	if (msg)
		put(l, " (%s)", msg);
}

#else
typedef int trace_compiled_out;
#endif
