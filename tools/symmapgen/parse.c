/*
 * symmapgen, parse room: reads the symmap files into libs[] and ents[],
 * checking every directive and entry line by line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symmapgen.h"

struct lib *libs;
unsigned nlibs;
struct entry *ents;
unsigned nents;
int nerrors;

const char *const kind_names[] = {
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

void
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
