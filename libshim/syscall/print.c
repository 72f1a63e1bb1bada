/*
 * SHIM_DEBUG=syscalls: one line per call through shim_syscall on stderr,
 * as strace writes it -- openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3 --
 * decoded by the argument kinds of the generated table. A path the reroot
 * rewrote is followed by the host's ([-> "/prefix/etc/passwd"], in
 * full). Other strings are cut at 32 bytes, as strace's default -s 32. Flag and errno values
 * are Linux's (the guest's words), not the host's. Runs where
 * shim_syscall runs (a signal handler too): one stack buffer, one write.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "shim/gnu.h"
#include "shim/syscall.h"

#define STRMAX	32
#define LX_O_CREAT	0100
#define LX_O_TMPFILE	020000000
#define LX_EFAULT	14
#define LX_NR_WRITE	1

struct out {
	char buf[1024];
	size_t n;
};

static void __attribute__((format(printf, 2, 3)))
put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (o->n >= sizeof o->buf - 1)
		return;
	va_start(ap, fmt);
	k = vsnprintf(o->buf + o->n, sizeof o->buf - o->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		o->n += (size_t)k < sizeof o->buf - o->n ? (size_t)k :
			sizeof o->buf - o->n - 1;
}

/* N bytes of S (up to a NUL if NUL) quoted and escaped, cut at MAX
 * ("..." after the quote). */
static void
quote(struct out *o, const char *s, size_t n, bool nul, size_t max)
{
	size_t i;

	put(o, "\"");
	for (i = 0; i < n && i < max && !(nul && !s[i]); i++) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\')
			put(o, "\\%c", c);
		else if (c == '\n')
			put(o, "\\n");
		else if (c == '\t')
			put(o, "\\t");
		else if (c == '\r')
			put(o, "\\r");
		else if (c < 32 || c >= 127)
			put(o, "\\%o", c);
		else
			put(o, "%c", c);
	}
	put(o, "\"%s", i < n && !(nul && !s[i]) ? "..." : "");
}

struct bit {
	unsigned long v;
	const char *name;
};

static const struct bit open_bits[] = {
	{ 0100, "O_CREAT" }, { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" }, { 02000, "O_APPEND" },
	{ 04000, "O_NONBLOCK" }, { 04010000, "O_SYNC" },
	{ 010000, "O_DSYNC" }, { 020000, "O_ASYNC" },
	{ 040000, "O_DIRECT" }, { 0100000, "O_LARGEFILE" },
	{ 020200000, "O_TMPFILE" }, { 0200000, "O_DIRECTORY" },
	{ 0400000, "O_NOFOLLOW" }, { 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" }, { 010000000, "O_PATH" }, { 0, NULL },
};
static const struct bit at_bits[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" }, { 0x8000, "AT_RECURSIVE" },
	{ 0, NULL },
};
static const struct bit prot_bits[] = {
	{ 1, "PROT_READ" }, { 2, "PROT_WRITE" }, { 4, "PROT_EXEC" },
	{ 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" },
	{ 0, NULL },
};
static const struct bit map_bits[] = {
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" }, { 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" }, { 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" }, { 0x10000, "MAP_NONBLOCK" },
	{ 0x20000, "MAP_STACK" }, { 0x40000, "MAP_HUGETLB" },
	{ 0x80000, "MAP_SYNC" }, { 0x100000, "MAP_FIXED_NOREPLACE" },
	{ 0, NULL },
};

/* FIRST (already printed, or NULL) then V's named bits, the rest in hex. */
static void
bits(struct out *o, const char *first, unsigned long v,
    const struct bit *t)
{
	bool any = first != NULL;

	if (first)
		put(o, "%s", first);
	for (; t->name; t++)
		if ((v & t->v) == t->v) {
			put(o, "%s%s", any ? "|" : "", t->name);
			v &= ~t->v;
			any = true;
		}
	if (v || !any)
		put(o, "%s%#lx", any ? "|" : "", v);
}

/* NOACC: open flags without an access mode (pipe2, dup3, ...). */
static void
flags(struct out *o, int kind, unsigned long v, bool noacc)
{
	static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR",
		"O_ACCMODE" };
	static const char *const type[] = { NULL, "MAP_SHARED", "MAP_PRIVATE",
		"MAP_SHARED_VALIDATE" };

	switch (kind) {
	case SHIM_ARG_FLAGS_OPEN:
		if (noacc)
			bits(o, NULL, v, open_bits);
		else
			bits(o, acc[v & 3], v & ~3UL, open_bits);
		break;
	case SHIM_ARG_FLAGS_AT:
		if (v)
			bits(o, NULL, v, at_bits);
		else
			put(o, "0");
		break;
	case SHIM_ARG_FLAGS_PROT:
		if (v)
			bits(o, NULL, v, prot_bits);
		else
			put(o, "PROT_NONE");
		break;
	case SHIM_ARG_FLAGS_MAP:
		bits(o, type[v & 3], v & ~3UL, map_bits);
		break;
	default:
		put(o, v ? "%#lx" : "0", v);
	}
}

/* Linux's signal numbers. */
static const char *const signame[] = {
	NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
	"SIGSYS",
};

/* The few structs worth showing; other pointers are addresses. */
static void
pointer(struct out *o, const char *type, long v, bool out, long ret)
{
	const long *p = (const long *)v;

	if (!v) {
		put(o, "NULL");
	} else if (type && !strcmp(type, "timespec") && !out) {
		put(o, "{tv_sec=%ld, tv_nsec=%ld}", p[0], p[1]);
	} else if (type && !strcmp(type, "int2") && out && ret == 0) {
		put(o, "[%d, %d]", ((const int *)v)[0], ((const int *)v)[1]);
	} else if (type && !strcmp(type, "int") && out && ret >= 0) {
		put(o, "[%d]", *(const int *)v);
	} else {
		put(o, "%#lx", (unsigned long)v);
	}
}

static void
arg(struct out *o, const struct shim_sysent *e, int i, const long a[6],
    long ret)
{
	long v = a[i];

	/* The kernel found a bad address: show addresses, read nothing. */
	if (ret == -LX_EFAULT && (e->kind[i] == SHIM_ARG_BUF_IN ||
	    e->kind[i] == SHIM_ARG_BUF_OUT || e->kind[i] == SHIM_ARG_STR ||
	    e->kind[i] == SHIM_ARG_PATH || e->kind[i] == SHIM_ARG_LPATH ||
	    e->kind[i] == SHIM_ARG_PTR_IN || e->kind[i] == SHIM_ARG_PTR_OUT)) {
		put(o, v ? "%#lx" : "NULL", (unsigned long)v);
		return;
	}

	switch (e->kind[i]) {
	case SHIM_ARG_INT:
	case SHIM_ARG_FD:
	case SHIM_ARG_PID:
		put(o, "%d", (int)v);
		break;
	case SHIM_ARG_UINT:
		put(o, "%u", (unsigned)v);
		break;
	case SHIM_ARG_LONG:
	case SHIM_ARG_OFF:
		put(o, "%ld", v);
		break;
	case SHIM_ARG_SIZE:
		put(o, "%lu", (unsigned long)v);
		break;
	case SHIM_ARG_HEX:
		put(o, v ? "%#lx" : "0", (unsigned long)v);
		break;
	case SHIM_ARG_DIRFD:
		if ((int)v == -100)
			put(o, "AT_FDCWD");
		else
			put(o, "%d", (int)v);
		break;
	case SHIM_ARG_PATH:
	case SHIM_ARG_LPATH:
	case SHIM_ARG_STR:
		if (v)
			quote(o, (const char *)v, (size_t)-1, true, STRMAX);
		else
			put(o, "NULL");
		break;
	case SHIM_ARG_FLAGS:
	case SHIM_ARG_FLAGS_OPEN:
	case SHIM_ARG_FLAGS_AT:
	case SHIM_ARG_FLAGS_PROT:
	case SHIM_ARG_FLAGS_MAP:
		flags(o, e->kind[i], (unsigned long)v,
		    !(e->flags & SHIM_SYSF_PATHS));
		break;
	case SHIM_ARG_MODE:
		put(o, "%#lo", (unsigned long)v);
		break;
	case SHIM_ARG_SIG:
		if (v > 0 && v < (long)(sizeof signame / sizeof *signame))
			put(o, "%s", signame[v]);
		else
			put(o, "%ld", v);
		break;
	case SHIM_ARG_BUF_IN:
		if (v)
			quote(o, (const char *)v, (size_t)a[e->len[i]], false,
			    STRMAX);
		else
			put(o, "NULL");
		break;
	case SHIM_ARG_BUF_OUT:
		/* What the call wrote: the result says how much. */
		if (v && ret >= 0 && (unsigned long)ret <= (size_t)a[e->len[i]])
			quote(o, (const char *)v, (size_t)ret, false,
			    STRMAX);
		else
			put(o, v ? "%#lx" : "NULL", (unsigned long)v);
		break;
	case SHIM_ARG_PTR_IN:
	case SHIM_ARG_PTR_OUT:
		pointer(o, shim_sysent_type(e, i), v, e->kind[i] == SHIM_ARG_PTR_OUT, ret);
		break;
	default:
		put(o, v ? "%#lx" : "NULL", (unsigned long)v);
	}
}

void
shim_syscall_print(long nr, const long a[6], const char *const host[6],
    long ret)
{
	const struct shim_sysent *e = nr >= 0 &&
		(unsigned long)nr < shim_sysent_count && shim_sysent[nr].name ?
		&shim_sysent[nr] : NULL;
	long w[6] = { 2 };
	struct out o;
	int i;

	o.n = 0;
	if (!e) {
		put(&o, "syscall_%ld(", nr);
		for (i = 0; i < 6; i++)
			put(&o, "%s%#lx", i ? ", " : "", (unsigned long)a[i]);
	} else {
		put(&o, "%s(", shim_sysent_name(e));
		for (i = 0; i < e->nargs; i++) {
			/* A mode only counts when the call creates. */
			if (e->kind[i] == SHIM_ARG_MODE && i &&
			    e->kind[i - 1] == SHIM_ARG_FLAGS_OPEN &&
			    !(a[i - 1] & (LX_O_CREAT | LX_O_TMPFILE)))
				continue;
			if (i)
				put(&o, ", ");
			arg(&o, e, i, a, ret);
			if (host && host[i]) {
				put(&o, " [-> ");
				/* In full: it says where the call went. */
				quote(&o, host[i], (size_t)-1, true,
				    (size_t)-1);
				put(&o, "]");
			}
		}
	}
	if (ret == SHIM_SYSCALL_NORETURN) {
		put(&o, ") = ?\n");
	} else if ((unsigned long)ret > -4096UL) {
		char mb[32];
		const char *name = lx_gnu_errname((int)-ret);

		put(&o, ") = -1 %s (%s)\n", name ? name : "E?",
		    lx_gnu_strerror((int)-ret, mb, sizeof mb));
	} else if (e && (e->flags & SHIM_SYSF_RETPTR)) {
		put(&o, ") = %#lx\n", (unsigned long)ret);
	} else {
		put(&o, ") = %ld\n", ret);
	}
	if (o.buf[o.n - 1] != '\n')
		o.buf[o.n - 1] = '\n';
	w[1] = (long)o.buf;
	w[2] = (long)o.n;
	shim_syscall_trap(LX_NR_WRITE, w);
}
