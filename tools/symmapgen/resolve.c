/*
 * symmapgen, resolve room: once every file is read, binds version names
 * to indexes, orders the entries, finds duplicates and defaults, and
 * collects the targets.
 */
#include <stdlib.h>
#include <string.h>

#include "symmapgen.h"

struct target *tgts;
unsigned ntgts;

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
		tgts[ntgts].proto = -1;
		ntgts++;
	}
	if (e->kind == LX_KIND_HOST)
		tgts[i].host = 1;
	if (e->data)
		tgts[i].data = 1;
	return (int)i;
}

/* Does E's name give T's name (NAME for CNAME NAME or lx_NAME)? */
static int
names_target(const struct entry *e, const struct target *t)
{
	const char *c = t->cname;

	if (strncmp(c, "lx_", 3) == 0 && strcmp(c + 3, e->name) == 0)
		return 1;
	return strcmp(c, e->name) == 0;
}

/*
 * The signature of a target is that of the entries named after it
 * (open for lx_open, also when open64 shares it with its own spelling);
 * they must agree. A target no entry names takes its first entry's.
 */
static void
pick_protos(void)
{
	unsigned i;

	for (i = 0; i < nents; i++) {
		struct entry *e = &ents[i];
		struct target *t;
		const struct entry *p;

		if (e->target < 0)
			continue;
		t = &tgts[e->target];
		if (t->proto < 0 || (!names_target(&ents[t->proto], t) &&
		    names_target(e, t))) {
			t->proto = (int)i;
			continue;
		}
		p = &ents[t->proto];
		if (t->host || !names_target(e, t) ||
		    strcmp(e->sig, p->sig) == 0)
			continue;
		err(e->file, e->line, "%s@%s: signature differs from %s@%s "
		    "at %s:%u (both bind %s)", e->name, e->vername, p->name,
		    p->vername, p->file, p->line, t->cname);
	}
}

/* Resolves versions, sorts, finds duplicates and defaults, collects
 * targets. */
void
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
	pick_protos();
	/* Names are unique per soname only; across sonames flag duplicates
	 * of the same soname only, as above. */
}
