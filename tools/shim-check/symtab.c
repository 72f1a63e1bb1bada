/*
 * The symmap table as shim-check sees it: the output of
 * `symmapgen --list` ("soname name@version kind" per line) in a hash set
 * keyed by "name@version", and the set of glibc-family sonames.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim-check.h"

struct entry {
	char *key;		/* name@version */
	enum sc_kind kind;
};

static struct entry *tab;
static size_t tab_cap, tab_n;

/* Sonames the shim builds in even when no symmap entry names them. */
static const char *const family_fixed[] = {
	"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2",
	"librt.so.1", "libutil.so.1", "libanl.so.1", "libresolv.so.2",
	"ld-linux-x86-64.so.2",
};
static struct sc_strlist family;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static struct entry *slot(struct entry *t, size_t cap, const char *key)
{
	size_t i = hash(key) & (cap - 1);

	while (t[i].key && strcmp(t[i].key, key))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

static void grow(void)
{
	size_t ncap = tab_cap ? tab_cap * 2 : 4096;
	struct entry *nt = calloc(ncap, sizeof *nt);

	if (!nt) {
		perror("shim-check");
		exit(2);
	}
	for (size_t i = 0; i < tab_cap; i++)
		if (tab[i].key)
			*slot(nt, ncap, tab[i].key) = tab[i];
	free(tab);
	tab = nt;
	tab_cap = ncap;
}

static enum sc_kind parse_kind(const char *k)
{
	if (!strncmp(k, "host", 4))
		return SC_KIND_HOST;
	if (!strncmp(k, "wrap", 4))
		return SC_KIND_WRAP;
	if (!strncmp(k, "impl", 4))
		return SC_KIND_IMPL;
	if (!strcmp(k, "unsupported"))
		return SC_KIND_UNSUPPORTED;
	return SC_KIND_NONE;
}

static void add(const char *soname, const char *key, const char *kind)
{
	struct entry *e;

	if (!symtab_family(soname))
		strlist_add(&family, soname);
	if (2 * (tab_n + 1) > tab_cap)
		grow();
	e = slot(tab, tab_cap, key);
	if (!e->key) {
		e->key = xstrdup(key);
		tab_n++;
	}
	e->kind = parse_kind(kind);
}

int symtab_load(const char *file)
{
	char line[1024], so[256], key[512], kind[64];
	unsigned ln = 0;
	FILE *f = fopen(file, "r");

	if (!f) {
		fprintf(stderr, "shim-check: %s: %s\n", file, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		ln++;
		if (line[strspn(line, " \t\n")] == 0)
			continue;
		if (sscanf(line, "%255s %511s %63s", so, key, kind) != 3 ||
		    !strchr(key, '@') || parse_kind(kind) == SC_KIND_NONE) {
			fprintf(stderr, "shim-check: %s:%u: malformed line\n",
				file, ln);
			fclose(f);
			return -1;
		}
		add(so, key, kind);
	}
	fclose(f);
	if (!tab_n) {
		fprintf(stderr, "shim-check: %s: no symmap entries\n", file);
		return -1;
	}
	return 0;
}

enum sc_kind symtab_kind(const char *name, const char *version)
{
	char key[1024];

	if (!tab_cap ||
	    (size_t)snprintf(key, sizeof key, "%s@%s", name, version) >=
	    sizeof key)
		return SC_KIND_NONE;
	return slot(tab, tab_cap, key)->kind;
}

int symtab_family(const char *soname)
{
	for (size_t i = 0; i < sizeof family_fixed / sizeof *family_fixed; i++)
		if (!strcmp(family_fixed[i], soname))
			return 1;
	for (size_t i = 0; i < family.n; i++)
		if (!strcmp(family.v[i], soname))
			return 1;
	return 0;
}
