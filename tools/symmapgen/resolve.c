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
	/* Names are unique per soname only; across sonames flag duplicates
	 * of the same soname only, as above. */
}
