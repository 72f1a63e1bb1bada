/*
 * syscallgen: host tool that turns symmaps/linux-x86_64.syscalls (format:
 * symmaps/README.md) into the table of include/shim/syscall.h, indexed by
 * number, which libshim's syscall room dispatches and prints through.
 *
 *   syscallgen -o OUT.c FILE          generate the table
 *   syscallgen --check FILE           validate only
 *   syscallgen --header UNISTD FILE   also check that every __NR_ of the
 *                                     kernel header is in FILE, by the
 *                                     same number and name
 *
 * Every defect is reported as "file:line: message" on stderr, and the
 * exit status is then 1. Nothing is written when there is one.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NR	1024		/* Linux x86-64 numbers stay far below */
#define MAX_ARG	6

/* Kinds, as the file spells them and as the C table names them. */
static const struct kind {
	const char *name, *enumname;
	int typed;		/* may carry ":STRUCT" */
	int buf;		/* needs ":N", the length argument */
	int path;
} kinds[] = {
	{ "int", "INT", 0, 0, 0 },
	{ "uint", "UINT", 0, 0, 0 },
	{ "long", "LONG", 0, 0, 0 },
	{ "hex", "HEX", 0, 0, 0 },
	{ "fd", "FD", 0, 0, 0 },
	{ "dirfd", "DIRFD", 0, 0, 0 },
	{ "path", "PATH", 0, 0, 1 },
	{ "lpath", "LPATH", 0, 0, 1 },
	{ "str", "STR", 0, 0, 0 },
	{ "flags", "FLAGS", 0, 0, 0 },
	{ "flags:open", "FLAGS_OPEN", 0, 0, 0 },
	{ "flags:at", "FLAGS_AT", 0, 0, 0 },
	{ "flags:prot", "FLAGS_PROT", 0, 0, 0 },
	{ "flags:map", "FLAGS_MAP", 0, 0, 0 },
	{ "mode", "MODE", 0, 0, 0 },
	{ "ptr", "PTR", 0, 0, 0 },
	{ "ptr-in", "PTR_IN", 1, 0, 0 },
	{ "ptr-out", "PTR_OUT", 1, 0, 0 },
	{ "buf-in", "BUF_IN", 0, 1, 0 },
	{ "buf-out", "BUF_OUT", 0, 1, 0 },
	{ "size", "SIZE", 0, 0, 0 },
	{ "off", "OFF", 0, 0, 0 },
	{ "pid", "PID", 0, 0, 0 },
	{ "sig", "SIG", 0, 0, 0 },
};
#define NKINDS (sizeof kinds / sizeof *kinds)

enum { PASS = 1, HANDLER, ENOSYS_ };
static const char *const serve_enum[] = {
	[PASS] = "SHIM_SYS_PASS", [HANDLER] = "SHIM_SYS_HANDLER",
	[ENOSYS_] = "SHIM_SYS_ENOSYS",
};

struct entry {
	char *name;
	unsigned line;
	int serve, ctx, retptr, paths;
	int nargs;
	int kind[MAX_ARG];		/* index into kinds[] */
	int len[MAX_ARG];		/* 0-based, buf kinds */
	char *type[MAX_ARG];
};

static struct entry table[MAX_NR];
static int present[MAX_NR];
static int maxnr = -1;
static const char *file;
static unsigned lineno;
static int nerrors;

static void
err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%u: ", file, lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nerrors++;
}

static char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d) {
		fprintf(stderr, "syscallgen: out of memory\n");
		exit(1);
	}
	return d;
}

static int
is_ident(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* A kernel name is a C identifier in lower case (lx_sys_NAME is one). */
static int
is_name(const char *s)
{
	for (const char *p = s; *p; p++)
		if (isupper((unsigned char)*p))
			return 0;
	return is_ident(s);
}

/* Splits LINE into blank-separated words; a "quoted" word (\" and \\
 * escapes) may only come last and is returned in *NOTE. Comments (#)
 * end the line. Returns the number of words, -1 after an error. */
static int
split(char *line, char **w, int max, char **note)
{
	int n = 0;
	char *p = line;

	*note = NULL;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#' || *p == '\n')
			return n;
		if (*note) {
			err("text after the quoted note");
			return -1;
		}
		if (*p == '"') {
			char *o = ++p;

			*note = o;
			for (; *p != '"'; p++) {
				if (!*p || *p == '\n') {
					err("unterminated quoted note");
					return -1;
				}
				if (*p == '\\' && (p[1] == '"' ||
				    p[1] == '\\'))
					p++;
				*o++ = *p;
			}
			*o = 0;
			p++;
			continue;
		}
		if (n == max) {
			err("too many fields (at most %d arguments)", MAX_ARG);
			return -1;
		}
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != '#' && *p != '"')
			p++;
		if (*p == '#' || *p == '"') {
			err("'%c' inside a field", *p);
			return -1;
		}
		if (*p)
			*p++ = 0;
	}
}

static int
parse_kind(struct entry *e, int i, const char *w)
{
	const char *colon = strchr(w, ':');
	size_t n = strlen(w);

	for (unsigned k = 0; k < NKINDS; k++) {
		size_t kl = strlen(kinds[k].name);

		if (!strcmp(w, kinds[k].name)) {
			if (kinds[k].buf) {
				err("argument %d: %s needs ':N', the number "
				    "of its length argument", i + 1, w);
				return -1;
			}
			e->kind[i] = k;
			return 0;
		}
		if (n <= kl || strncmp(w, kinds[k].name, kl) || w[kl] != ':')
			continue;
		if (kinds[k].typed) {
			if (!is_ident(w + kl + 1)) {
				err("argument %d: bad struct name '%s'", i + 1,
				    w + kl + 1);
				return -1;
			}
			e->kind[i] = k;
			e->type[i] = xstrdup(w + kl + 1);
			return 0;
		}
		if (kinds[k].buf) {
			char *end;
			long v = strtol(w + kl + 1, &end, 10);

			if (*end || end == w + kl + 1 || v < 1 ||
			    v > MAX_ARG) {
				err("argument %d: bad length argument number "
				    "'%s' (1..%d)", i + 1, w + kl + 1,
				    MAX_ARG);
				return -1;
			}
			e->kind[i] = k;
			e->len[i] = (int)v - 1;
			return 0;
		}
	}
	if (colon && !strncmp(w, "flags:", 6))
		err("argument %d: unknown flag set '%s' (open, at, prot, "
		    "map)", i + 1, colon + 1);
	else
		err("argument %d: unknown kind '%s'", i + 1, w);
	return -1;
}

static int
parse_serve(struct entry *e, const char *w)
{
	size_t n = strcspn(w, "+");

	if (w[n]) {
		if (strcmp(w + n, "+ctx")) {
			err("bad SERVE '%s' (only '+ctx' may follow)", w);
			return -1;
		}
		e->ctx = 1;
	}
	if (n == 4 && !strncmp(w, "pass", 4))
		e->serve = PASS;
	else if (n == 7 && !strncmp(w, "handler", 7))
		e->serve = HANDLER;
	else if (n == 6 && !strncmp(w, "enosys", 6))
		e->serve = ENOSYS_;
	else {
		err("bad SERVE '%s' (pass, handler or enosys)", w);
		return -1;
	}
	return 0;
}

static void
parse_line(char *line)
{
	char *w[3 + MAX_ARG + 1], *note, *end;
	struct entry e;
	int n, i, nargs;
	long nr;

	n = split(line, w, 3 + MAX_ARG + 1, &note);
	if (n <= 0) {
		if (n == 0 && note)
			err("a note alone");
		return;
	}
	if (n < 3) {
		err("too few fields (want NR NAME SERVE [ARG...])");
		return;
	}
	memset(&e, 0, sizeof e);
	e.line = lineno;
	nr = strtol(w[0], &end, 10);
	if (*end || end == w[0] || nr < 0 || nr >= MAX_NR) {
		err("bad number '%s'", w[0]);
		return;
	}
	if (!is_name(w[1])) {
		err("bad name '%s'", w[1]);
		return;
	}
	if (present[nr]) {
		err("number %ld given twice (line %u)", nr, table[nr].line);
		return;
	}
	for (i = 0; i <= maxnr; i++)
		if (present[i] && !strcmp(table[i].name, w[1])) {
			err("name '%s' given twice (line %u)", w[1],
			    table[i].line);
			return;
		}
	if (parse_serve(&e, w[2]) < 0)
		return;
	nargs = n - 3;
	if (nargs && !strncmp(w[n - 1], "->", 2)) {
		if (strcmp(w[n - 1], "->ptr") && strcmp(w[n - 1], "->hex")) {
			err("bad result kind '%s' (->ptr or ->hex)",
			    w[n - 1]);
			return;
		}
		e.retptr = 1;
		nargs--;
	}
	if (nargs > MAX_ARG) {
		err("too many arguments (at most %d)", MAX_ARG);
		return;
	}
	for (i = 0; i < nargs; i++) {
		if (parse_kind(&e, i, w[3 + i]) < 0)
			return;
		e.paths |= kinds[e.kind[i]].path;
	}
	for (i = 0; i < nargs; i++)
		if (kinds[e.kind[i]].buf && e.len[i] >= nargs) {
			err("argument %d: length argument %d is not there",
			    i + 1, e.len[i] + 1);
			return;
		}
	if (e.serve == ENOSYS_ && !note) {
		err("enosys needs a quoted note saying why");
		return;
	}
	e.nargs = nargs;
	e.name = xstrdup(w[1]);
	table[nr] = e;
	present[nr] = 1;
	if (nr > maxnr)
		maxnr = (int)nr;
}

static int
read_file(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");

	if (!f) {
		fprintf(stderr, "syscallgen: %s: cannot open\n", path);
		return -1;
	}
	file = path;
	lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			err("line too long");
			break;
		}
		parse_line(line);
	}
	fclose(f);
	if (maxnr < 0 && !nerrors) {
		lineno = 0;
		err("no system calls");
	}
	return 0;
}

/* Every "#define __NR_NAME N" of the kernel header must be a line here. */
static void
check_header(const char *path)
{
	char line[256], name[128];
	FILE *f = fopen(path, "r");
	unsigned hl = 0;
	int nr;

	if (!f) {
		fprintf(stderr, "syscallgen: %s: cannot open\n", path);
		nerrors++;
		return;
	}
	while (fgets(line, sizeof line, f)) {
		hl++;
		if (sscanf(line, "#define __NR_%127s %d", name, &nr) != 2)
			continue;
		if (nr < 0 || nr >= MAX_NR || !present[nr]) {
			fprintf(stderr, "%s:%u: %s (%d) is not in %s\n", path,
			    hl, name, nr, file);
			nerrors++;
		} else if (strcmp(table[nr].name, name)) {
			fprintf(stderr, "%s:%u: %d is %s, not %s (%s:%u)\n",
			    path, hl, nr, name, table[nr].name, file,
			    table[nr].line);
			nerrors++;
		}
	}
	fclose(f);
}

/* The strings of the table, each once: offsets from 1 (0: none). */
static char strtab[65536];
static size_t strsize = 1;

static unsigned
str_off(const char *str)
{
	size_t n = strlen(str) + 1;

	for (size_t at = 1; at + n <= strsize; at += strlen(strtab + at) + 1)
		if (!strcmp(strtab + at, str))
			return (unsigned)at;
	if (strsize + n > sizeof strtab) {
		fprintf(stderr, "syscallgen: %s: the strings exceed 64 KiB\n",
		    file);
		exit(1);
	}
	memcpy(strtab + strsize, str, n);
	strsize += n;
	return (unsigned)(strsize - n);
}

/*
 * The table holds no pointer: names and struct types are offsets into
 * shim_sysent_strs, handlers indexes into shim_sys_handlers, so that
 * nothing of it is relocated (and copied) when a process starts.
 */
static void
emit(FILE *o)
{
	int nr, i, nhandlers = 0;
	static unsigned name[MAX_NR], type[MAX_NR][MAX_ARG];

	fprintf(o, "/* Generated by syscallgen from %s: do not edit. */\n"
	    "#include <stddef.h>\n\n#include \"shim/syscall.h\"\n\n", file);
	for (nr = 0; nr <= maxnr; nr++)
		if (present[nr] && table[nr].serve == HANDLER)
			fprintf(o, "shim_sys_handler lx_sys_%s;\n",
			    table[nr].name);
	fprintf(o, "\nshim_sys_handler *const shim_sys_handlers[] = {\n");
	for (nr = 0; nr <= maxnr; nr++)
		if (present[nr] && table[nr].serve == HANDLER)
			fprintf(o, "\tlx_sys_%s,\n", table[nr].name);
	fprintf(o, "\tNULL\n};\n\n");
	for (nr = 0; nr <= maxnr; nr++) {
		if (!present[nr])
			continue;
		name[nr] = str_off(table[nr].name);
		for (i = 0; i < table[nr].nargs; i++)
			type[nr][i] = table[nr].type[i] ?
			    str_off(table[nr].type[i]) : 0;
	}
	fprintf(o, "const char shim_sysent_strs[] =\n\t\"\\0\"");
	for (size_t at = 1; at < strsize; at += strlen(strtab + at) + 1)
		fprintf(o, "\n\t\"%s\\0\"", strtab + at);
	fprintf(o, ";\n\nconst unsigned shim_sysent_count = %d;\n"
	    "const struct shim_sysent shim_sysent[%d] = {\n", maxnr + 1,
	    maxnr + 1);
	for (nr = 0; nr <= maxnr; nr++) {
		const struct entry *e = &table[nr];

		if (!present[nr])
			continue;
		fprintf(o, "\t[%d] = { %u, ", nr, name[nr]);
		if (e->serve == HANDLER)
			fprintf(o, "%d, ", ++nhandlers);
		else
			fprintf(o, "0, ");
		fprintf(o, "%s, 0", serve_enum[e->serve]);
		if (e->ctx)
			fprintf(o, " | SHIM_SYSF_CTX");
		if (e->paths)
			fprintf(o, " | SHIM_SYSF_PATHS");
		if (e->retptr)
			fprintf(o, " | SHIM_SYSF_RETPTR");
		fprintf(o, ", %d,\n\t    { ", e->nargs);
		for (i = 0; i < e->nargs; i++)
			fprintf(o, "%sSHIM_ARG_%s", i ? ", " : "",
			    kinds[e->kind[i]].enumname);
		fprintf(o, " }, { ");
		for (i = 0; i < e->nargs; i++)
			fprintf(o, "%s%d", i ? ", " : "", e->len[i]);
		fprintf(o, " }, { ");
		for (i = 0; i < e->nargs; i++)
			fprintf(o, "%s%u", i ? ", " : "", type[nr][i]);
		fprintf(o, " } }, /* %s */\n", e->name);
	}
	fprintf(o, "};\n");
}

static void
usage(void)
{
	fprintf(stderr, "usage: syscallgen -o OUT.c FILE\n"
	    "       syscallgen --check FILE\n"
	    "       syscallgen --header UNISTD_64.H FILE\n");
	exit(1);
}

int
main(int argc, char **argv)
{
	const char *out = NULL, *header = NULL, *in;
	FILE *o;

	if (argc == 4 && !strcmp(argv[1], "-o"))
		out = argv[2];
	else if (argc == 4 && !strcmp(argv[1], "--header"))
		header = argv[2];
	else if (argc != 3 || strcmp(argv[1], "--check"))
		usage();
	in = argv[argc - 1];
	if (read_file(in) < 0)
		return 1;
	if (header && !nerrors)
		check_header(header);
	if (nerrors)
		return 1;
	if (!out)
		return 0;
	if (!(o = fopen(out, "w"))) {
		fprintf(stderr, "syscallgen: %s: cannot write\n", out);
		return 1;
	}
	emit(o);
	if (fclose(o)) {
		fprintf(stderr, "syscallgen: %s: write error\n", out);
		remove(out);
		return 1;
	}
	return 0;
}
