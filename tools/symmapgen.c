/*
 * symmapgen: host tool that turns symmaps/NAME.symmap into the C tables
 * declared in include/lx/builtin.h (format: symmaps/README.md).
 *
 *   symmapgen -o OUT.c FILE.symmap...   generate the tables
 *   symmapgen --targets FILE...         "KIND CNAME" per wrap/impl target
 *   symmapgen --list FILE...            "soname name@version kind" per entry
 *
 * Input is validated strictly; every defect is reported as
 * "file:line: message" on stderr and the exit status is 1.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* builtin.h's header comment names "symmaps/ *.symmap" without the space. */
#pragma GCC diagnostic ignored "-Wcomment"
#include "lx/builtin.h"

#define MAXTOK 256

struct lib {
	char *soname;
	char **versions;	/* NULL until an @versions line is seen */
	unsigned nversions;
	const char *vfile;	/* where @versions was first given */
	unsigned vline;
	const char *sfile;	/* where the soname was first named */
	unsigned sline;
};

struct entry {
	unsigned lib;
	char *name;
	char *vername;		/* resolved to ver after all files */
	unsigned ver;
	int kind;		/* enum lx_kind */
	int errs;		/* enum lx_errs */
	char *cname;		/* target C name; NULL for unsupported */
	char *sig;
	char *reason;
	unsigned long size;	/* data objects */
	int data;
	int deflt;
	int target;		/* index into targets, -1 if none */
	const char *file;
	unsigned line;
};

struct target {
	char *cname;
	int strong;		/* some host entry uses it */
	int data;		/* some obj: entry uses it */
	int kind;		/* kind of its first use */
};

static struct lib *libs;
static unsigned nlibs;
static struct entry *ents;
static unsigned nents;
static struct target *tgts;
static unsigned ntgts;
static int nerrors;

static const char *const kind_names[] = {
	[LX_KIND_HOST] = "host", [LX_KIND_WRAP] = "wrap",
	[LX_KIND_IMPL] = "impl", [LX_KIND_UNSUPPORTED] = "unsupported",
};

static const struct {
	const char *word;
	int errs;
} errs_words[] = {
	{ "none", LX_ERRS_NONE }, { "errno", LX_ERRS_NEG1_ERRNO },
	{ "null-errno", LX_ERRS_NULL_ERRNO },
	{ "ret-errno", LX_ERRS_RET_ERRNO }, { "eof-errno", LX_ERRS_EOF_ERRNO },
	{ "noreturn", LX_ERRS_NORETURN }, { "other", LX_ERRS_OTHER },
	{ "-", -1 },
};

static const char *const errs_enum[] = {
	"LX_ERRS_NONE", "LX_ERRS_NEG1_ERRNO", "LX_ERRS_NULL_ERRNO",
	"LX_ERRS_RET_ERRNO", "LX_ERRS_EOF_ERRNO", "LX_ERRS_NORETURN",
	"LX_ERRS_OTHER",
};

static const char *const kind_enum[] = {
	"LX_KIND_HOST", "LX_KIND_WRAP", "LX_KIND_IMPL", "LX_KIND_UNSUPPORTED",
};

static void
die_oom(void)
{
	fprintf(stderr, "symmapgen: out of memory\n");
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

static char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		die_oom();
	return d;
}

static void
err(const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%u: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nerrors++;
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

static int
is_soname(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isgraph((unsigned char)*s) || *s == '"' || *s == '#')
			return 0;
	return 1;
}

static int
is_vername(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.')
			return 0;
	return 1;
}

/*
 * Split LINE in place into at most MAXTOK tokens; quoted tokens keep their
 * quote in quoted[] and have the quotes and escapes removed. '#' outside
 * quotes ends the line. Returns the token count, -1 after an error.
 */
static int
tokenize(char *line, char **tok, int *quoted, const char *file, unsigned ln)
{
	int n = 0;
	char *p = line, *w;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0' || *p == '#')
			return n;
		if (n == MAXTOK) {
			err(file, ln, "too many fields");
			return -1;
		}
		quoted[n] = *p == '"';
		if (quoted[n]) {
			tok[n] = w = ++p;
			while (*p != '"') {
				if (*p == '\0' || *p == '\n') {
					err(file, ln, "unterminated string");
					return -1;
				}
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				*w++ = *p++;
			}
			p++;
			if (*p != '\0' && !isspace((unsigned char)*p)) {
				err(file, ln, "junk after closing quote");
				return -1;
			}
		} else {
			tok[n] = w = p;
			while (*p && !isspace((unsigned char)*p) && *p != '#') {
				if (*p == '"') {
					err(file, ln, "stray quote");
					return -1;
				}
				w++, p++;
			}
		}
		n++;
		if (*p == '\0')
			return *w = '\0', n;
		if (*p == '#') {
			*w = '\0';
			return n;
		}
		p++;
		*w = '\0';
	}
}

static unsigned
find_lib(const char *soname, const char *file, unsigned line)
{
	unsigned i;

	for (i = 0; i < nlibs; i++)
		if (strcmp(libs[i].soname, soname) == 0)
			return i;
	libs = xrealloc(libs, (nlibs + 1) * sizeof *libs);
	memset(&libs[nlibs], 0, sizeof *libs);
	libs[nlibs].soname = xstrdup(soname);
	libs[nlibs].sfile = file;
	libs[nlibs].sline = line;
	return nlibs++;
}

static void
do_versions(struct lib *l, char **tok, int n, const char *file, unsigned ln)
{
	int i, j;

	if (n < 2) {
		err(file, ln, "@versions needs at least one version");
		return;
	}
	for (i = 1; i < n; i++) {
		if (!is_vername(tok[i]))
			err(file, ln, "bad version name '%s'", tok[i]);
		for (j = 1; j < i; j++)
			if (strcmp(tok[i], tok[j]) == 0)
				err(file, ln, "version %s listed twice",
				    tok[i]);
	}
	if (l->versions != NULL) {
		int same = l->nversions == (unsigned)(n - 1);

		for (i = 1; same && i < n; i++)
			same = strcmp(l->versions[i - 1], tok[i]) == 0;
		if (!same)
			err(file, ln, "@versions of %s conflicts with %s:%u",
			    l->soname, l->vfile, l->vline);
		return;
	}
	l->versions = xrealloc(NULL, (n - 1) * sizeof *l->versions);
	for (i = 1; i < n; i++)
		l->versions[i - 1] = xstrdup(tok[i]);
	l->nversions = n - 1;
	l->vfile = file;
	l->vline = ln;
}

static int
parse_kind(const char *s, struct entry *e, const char *file, unsigned ln)
{
	const char *eq = strchr(s, '=');
	size_t len = eq ? (size_t)(eq - s) : strlen(s);
	int k;

	for (k = 0; k <= LX_KIND_UNSUPPORTED; k++)
		if (strlen(kind_names[k]) == len &&
		    strncmp(s, kind_names[k], len) == 0)
			break;
	if (k > LX_KIND_UNSUPPORTED || (eq && k == LX_KIND_UNSUPPORTED)) {
		err(file, ln, "bad KIND '%s'", s);
		return -1;
	}
	e->kind = k;
	if (eq && !is_ident(eq + 1)) {
		err(file, ln, "bad target name '%s'", eq + 1);
		return -1;
	}
	if (eq)
		e->cname = xstrdup(eq + 1);
	else if (k == LX_KIND_HOST)
		e->cname = xstrdup(e->name);
	else if (k != LX_KIND_UNSUPPORTED) {
		e->cname = xrealloc(NULL, strlen(e->name) + 4);
		sprintf(e->cname, "lx_%s", e->name);
	}
	return 0;
}

/* Checks "obj:SIZE:TYPE" or a C function type; fills size/data. */
static int
parse_sig(const char *s, struct entry *e, const char *file, unsigned ln)
{
	const char *p;
	char *end;
	size_t len = strlen(s);

	if (strncmp(s, "obj:", 4) == 0) {
		errno = 0;
		e->size = strtoul(s + 4, &end, 10);
		if (!isdigit((unsigned char)s[4]) || *end != ':' ||
		    errno != 0 || e->size == 0 || e->size > 0xffffffffUL ||
		    end[1] == '\0' || isspace((unsigned char)end[1])) {
			err(file, ln, "bad object signature \"%s\" "
			    "(want obj:SIZE:TYPE)", s);
			return -1;
		}
		e->data = 1;
		return 0;
	}
	p = strchr(s, '(');
	if (p == NULL || p == s || len < 3 || s[len - 1] != ')' ||
	    isspace((unsigned char)s[0])) {
		err(file, ln, "bad function signature \"%s\"", s);
		return -1;
	}
	return 0;
}

static int
parse_errs(const char *s, struct entry *e, const char *file, unsigned ln)
{
	size_t i;

	for (i = 0; i < sizeof errs_words / sizeof errs_words[0]; i++)
		if (strcmp(s, errs_words[i].word) == 0)
			break;
	if (i == sizeof errs_words / sizeof errs_words[0]) {
		err(file, ln, "bad ERRORS '%s'", s);
		return -1;
	}
	e->errs = errs_words[i].errs;
	if (e->data && e->errs != -1) {
		err(file, ln, "ERRORS of a data object must be '-'");
		return -1;
	}
	if (!e->data && e->errs == -1) {
		err(file, ln, "ERRORS '-' is only for data objects");
		return -1;
	}
	if (e->errs == -1)
		e->errs = LX_ERRS_NONE;
	return 0;
}

static void
do_entry(unsigned lib, char **tok, int *quoted, int n, const char *file,
    unsigned ln)
{
	struct entry e;
	char *v, *save = NULL;
	int k;

	memset(&e, 0, sizeof e);
	e.lib = lib;
	e.file = file;
	e.line = ln;
	e.target = -1;
	if (n < 5) {
		err(file, ln, "too few fields "
		    "(want NAME VERSIONS KIND \"SIGNATURE\" ERRORS)");
		return;
	}
	if (n > 6) {
		err(file, ln, "too many fields");
		return;
	}
	for (k = 0; k < n; k++)
		if (quoted[k] != (k == 3 || k == 5)) {
			if (k == 3)
				err(file, ln, "signature must be quoted");
			else if (k == 5)
				err(file, ln, "reason must be quoted");
			else
				err(file, ln, "unexpected quoted field %d",
				    k + 1);
			return;
		}
	if (!is_ident(tok[0])) {
		err(file, ln, "bad symbol name '%s'", tok[0]);
		return;
	}
	e.name = tok[0];
	if (parse_kind(tok[2], &e, file, ln) < 0 ||
	    parse_sig(tok[3], &e, file, ln) < 0 ||
	    parse_errs(tok[4], &e, file, ln) < 0)
		return;
	if (e.kind == LX_KIND_UNSUPPORTED && (n < 6 || tok[5][0] == '\0')) {
		err(file, ln, "unsupported %s needs a \"REASON\"", e.name);
		return;
	}
	if (e.kind != LX_KIND_UNSUPPORTED && n > 5) {
		err(file, ln, "a REASON is only for unsupported entries");
		return;
	}
	e.name = xstrdup(tok[0]);
	e.sig = xstrdup(tok[3]);
	e.reason = n > 5 ? xstrdup(tok[5]) : NULL;
	if (tok[1][0] == '\0' || tok[1][strlen(tok[1]) - 1] == ',')
		err(file, ln, "bad VERSIONS '%s'", tok[1]);
	for (v = strtok_r(tok[1], ",", &save); v;
	    v = strtok_r(NULL, ",", &save)) {
		if (!is_vername(v)) {
			err(file, ln, "bad version name '%s'", v);
			continue;
		}
		e.vername = xstrdup(v);
		ents = xrealloc(ents, (nents + 1) * sizeof *ents);
		ents[nents++] = e;
	}
}

static void
parse_file(const char *file)
{
	FILE *f = fopen(file, "r");
	char *line = NULL, *tok[MAXTOK];
	int quoted[MAXTOK], n, lib = -1, seen_versions = 0;
	size_t cap = 0;
	unsigned ln = 0;

	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", file, strerror(errno));
		nerrors++;
		return;
	}
	while (getline(&line, &cap, f) != -1) {
		ln++;
		n = tokenize(line, tok, quoted, file, ln);
		if (n <= 0)
			continue;
		if (tok[0][0] != '@') {
			if (lib < 0) {
				err(file, ln, "missing @soname before the "
				    "first entry");
				lib = -2;	/* report once */
			}
			if (lib >= 0)
				do_entry(lib, tok, quoted, n, file, ln);
			continue;
		}
		for (int i = 1; i < n; i++)
			if (quoted[i]) {
				err(file, ln, "quoted field in %s", tok[0]);
				n = -1;
			}
		if (n < 0)
			continue;
		if (strcmp(tok[0], "@soname") == 0) {
			if (n != 2 || !is_soname(tok[1]))
				err(file, ln, "@soname needs one soname");
			else if (lib != -1)
				err(file, ln, "@soname must be the first "
				    "directive, and given once");
			else
				lib = find_lib(tok[1], file, ln);
			if (lib == -1)
				lib = -2;
		} else if (strcmp(tok[0], "@versions") == 0) {
			if (lib == -1) {
				err(file, ln, "missing @soname before "
				    "@versions");
				lib = -2;
			} else if (seen_versions++)
				err(file, ln, "@versions given twice");
			else if (lib >= 0)
				do_versions(&libs[lib], tok, n, file, ln);
		} else {
			err(file, ln, "unknown directive '%s'", tok[0]);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", file);
		nerrors++;
	}
	if (ln == 0 || lib == -1)
		err(file, ln ? ln : 1, "missing @soname");
	free(line);
	fclose(f);
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c;

	if (x->lib != y->lib)
		return x->lib < y->lib ? -1 : 1;
	c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	if (x->ver != y->ver)
		return x->ver < y->ver ? -1 : 1;
	c = strcmp(x->file, y->file);
	if (c != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
add_target(struct entry *e)
{
	unsigned i;

	for (i = 0; i < ntgts; i++)
		if (strcmp(tgts[i].cname, e->cname) == 0)
			break;
	if (i == ntgts) {
		tgts = xrealloc(tgts, (ntgts + 1) * sizeof *tgts);
		memset(&tgts[ntgts], 0, sizeof *tgts);
		tgts[ntgts].cname = e->cname;
		tgts[ntgts].kind = e->kind;
		ntgts++;
	}
	if (e->kind == LX_KIND_HOST)
		tgts[i].strong = 1;
	if (e->data)
		tgts[i].data = 1;
	return (int)i;
}

/* Resolves versions, sorts, finds duplicates and defaults, collects
 * targets. */
static void
resolve(void)
{
	unsigned i, j;

	for (i = 0; i < nlibs; i++)
		if (libs[i].versions == NULL)
			err(libs[i].sfile, libs[i].sline,
			    "no @versions for %s in any file", libs[i].soname);
	for (i = 0; i < nents; i++) {
		struct lib *l = &libs[ents[i].lib];

		if (l->versions == NULL)
			continue;
		for (j = 0; j < l->nversions; j++)
			if (strcmp(l->versions[j], ents[i].vername) == 0)
				break;
		if (j == l->nversions)
			err(ents[i].file, ents[i].line,
			    "version %s not declared in @versions of %s",
			    ents[i].vername, l->soname);
		ents[i].ver = j;
	}
	if (nerrors)
		return;
	qsort(ents, nents, sizeof *ents, cmp_entry);
	for (i = 0; i < nents; i++) {
		struct entry *e = &ents[i];

		if (i > 0 && e->lib == e[-1].lib &&
		    strcmp(e->name, e[-1].name) == 0) {
			if (e->ver == e[-1].ver)
				err(e->file, e->line, "duplicate %s@%s "
				    "(first at %s:%u)", e->name, e->vername,
				    e[-1].file, e[-1].line);
		}
		if (i + 1 == nents || e->lib != e[1].lib ||
		    strcmp(e->name, e[1].name) != 0)
			e->deflt = 1;
		if (e->cname != NULL)
			e->target = add_target(e);
	}
	/* Names are unique per soname only; across sonames flag duplicates
	 * of the same soname only, as above. */
}

static void
put_str(FILE *out, const char *s)
{
	if (s == NULL) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void
gen_targets(FILE *out)
{
	unsigned i;

	for (i = 0; i < ntgts; i++) {
		fprintf(out, "extern char lx_t%u[] __asm__(", i);
		put_str(out, tgts[i].cname);
		fprintf(out, ")%s;\n",
		    tgts[i].strong ? "" : " __attribute__((weak))");
	}
	fputc('\n', out);
	for (i = 0; i < ntgts; i++)
		if (tgts[i].data)
			fprintf(out, "void *lx_live_%s = (void *)lx_t%u;\n",
			    tgts[i].cname, i);
	fputc('\n', out);
}

/* The string table: every name, target, signature and reason once per
 * entry, at the offsets STROFF assigns (0 is the empty string). Offsets
 * instead of pointers keep the tables free of relocations. */
static unsigned long strsize = 1;

static unsigned long
str_off(const char *s)
{
	unsigned long off = strsize;

	if (s == NULL || *s == '\0')
		return 0;
	strsize += strlen(s) + 1;
	return off;
}

static void
gen_strs(FILE *out)
{
	unsigned k;

	fputs("const char lx_builtin_strs[] =\n\t\"\\0\"", out);
	for (k = 0; k < nents; k++) {
		const char *v[4] = { ents[k].name, ents[k].cname, ents[k].sig,
		    ents[k].reason };

		for (int i = 0; i < 4; i++) {
			if (v[i] == NULL || *v[i] == '\0')
				continue;
			fputs("\n\t", out);
			put_str(out, v[i]);
			fputs(" \"\\0\"", out);
		}
	}
	fputs(";\n\n", out);
}

static void
gen_sym(FILE *out, const struct entry *e, unsigned id, unsigned *nlive)
{
	unsigned long name = str_off(e->name), target = str_off(e->cname);
	unsigned long sig = str_off(e->sig), reason = str_off(e->reason);
	unsigned live = 0;

	if (e->data && e->cname != NULL)
		live = ++*nlive;
	fprintf(out, "\t{ %lu, %lu, %lu, %lu, %u, %lu, %u, %u, %s, %s, %s },"
	    " /* %s */\n", name, target, sig, reason, id,
	    e->data ? e->size : 0, e->ver, live, kind_enum[e->kind],
	    errs_enum[e->errs],
	    e->deflt && e->data ? "LX_SYM_DEFAULT | LX_SYM_DATA" :
	    e->deflt ? "LX_SYM_DEFAULT" : e->data ? "LX_SYM_DATA" : "0",
	    e->name);
}

static void
gen_lib(FILE *out, unsigned li, unsigned *first, unsigned *nlive)
{
	const struct lib *l = &libs[li];
	unsigned i;

	fprintf(out, "/* %s */\nstatic const char *const lx_v%u[] = {\n",
	    l->soname, li);
	for (i = 0; i < l->nversions; i++) {
		fputc('\t', out);
		put_str(out, l->versions[i]);
		fputs(",\n", out);
	}
	fputs("};\n\n", out);
	if (*first < nents && ents[*first].lib == li) {
		fprintf(out, "static const struct lx_symdef lx_s%u[] = {\n",
		    li);
		for (; *first < nents && ents[*first].lib == li; (*first)++)
			gen_sym(out, &ents[*first], *first, nlive);
		fputs("};\n\n", out);
	}
}

/* The addresses (by entry) and live pointers (by live index - 1): the
 * only relocated words of the tables. */
static void
gen_addrs(FILE *out)
{
	unsigned k;

	fputs("void *const lx_builtin_addr[] = {\n", out);
	for (k = 0; k < nents; k++) {
		if (ents[k].target >= 0)
			fprintf(out, "\t(void *)lx_t%d,\n", ents[k].target);
		else
			fputs("\tNULL,\n", out);
	}
	fputs("\tNULL\n};\n\nvoid **const lx_builtin_live[] = {\n", out);
	for (k = 0; k < nents; k++)
		if (ents[k].data && ents[k].cname != NULL)
			fprintf(out, "\t&lx_live_%s,\n", ents[k].cname);
	fputs("\tNULL\n};\n\n", out);
}

static int
generate(const char *path)
{
	FILE *out = fopen(path, "w");
	unsigned i, k = 0, n, nlive = 0;

	if (out == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	fputs("/* Generated by tools/symmapgen from the symmaps: do not edit. "
	    "*/\n#pragma GCC diagnostic ignored \"-Wcomment\"\n"
	    "#include \"lx/builtin.h\"\n\n", out);
	gen_targets(out);
	gen_strs(out);
	gen_addrs(out);
	for (i = 0; i < nlibs; i++)
		gen_lib(out, i, &k, &nlive);
	fputs("const struct lx_builtin_lib lx_builtin_libs[] = {\n", out);
	for (i = 0, k = 0; i < nlibs; i++) {
		for (n = 0; k < nents && ents[k].lib == i; k++)
			n++;
		fputs("\t{ ", out);
		put_str(out, libs[i].soname);
		fprintf(out, ", lx_v%u, %u, ", i, libs[i].nversions);
		if (n)
			fprintf(out, "lx_s%u, %u },\n", i, n);
		else
			fputs("NULL, 0 },\n", out);
	}
	fprintf(out, "};\n\nconst unsigned lx_nbuiltin_libs = %u;\n", nlibs);
	if (fclose(out) != 0) {
		fprintf(stderr, "%s: write error\n", path);
		remove(path);
		return 1;
	}
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: symmapgen -o OUT.c FILE.symmap...\n"
	    "       symmapgen --targets FILE.symmap...\n"
	    "       symmapgen --list FILE.symmap...\n");
	exit(1);
}

int
main(int argc, char **argv)
{
	const char *out = NULL;
	int mode = 0, i = 1;	/* 0 generate, 1 targets, 2 list */
	unsigned k;

	if (argc > 1 && strcmp(argv[1], "--targets") == 0)
		mode = 1, i = 2;
	else if (argc > 1 && strcmp(argv[1], "--list") == 0)
		mode = 2, i = 2;
	else if (argc > 2 && strcmp(argv[1], "-o") == 0)
		out = argv[2], i = 3;
	else
		usage();
	if (i >= argc)
		usage();
	for (; i < argc; i++)
		parse_file(argv[i]);
	if (nerrors == 0)
		resolve();
	if (nerrors)
		return 1;
	if (mode == 1) {
		for (k = 0; k < ntgts; k++)
			if (!tgts[k].strong)
				printf("%s %s\n", kind_names[tgts[k].kind],
				    tgts[k].cname);
	} else if (mode == 2) {
		for (k = 0; k < nents; k++)
			printf("%s %s@%s %s\n", libs[ents[k].lib].soname,
			    ents[k].name, ents[k].vername,
			    kind_names[ents[k].kind]);
	} else {
		return generate(out);
	}
	return fflush(stdout) != 0;
}
