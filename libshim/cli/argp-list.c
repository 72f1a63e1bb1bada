/*
 * The option list of argp's help texts, built from a tree of argp
 * structures: one entry per option with its aliases, its unshadowed short
 * options, its group and the cluster of the child argp it came from;
 * sorted as glibc sorts it (by group and cluster, then by first short
 * option or long name, documentation options apart).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "argp-help.h"

static int
oend(const struct lx_argp_option *o)
{
	return !o->key && !o->name && !o->doc && !o->group;
}

/* ---- building the list -------------------------------------------------- */

void *
lx_argp_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		abort();
	return p;
}

/* Short options are kept as offsets while the list grows. */
static void
add_entries(struct hol *h, const struct lx_argp *argp, struct cluster *cl)
{
	const struct lx_argp_option *o = argp->options;
	struct entry *e;
	int cur_group = 0;

	while (o != NULL && !oend(o)) {
		if (h->n == h->cap) {
			h->cap = h->cap ? 2 * h->cap : 16;
			h->e = lx_argp_xrealloc(h->e, h->cap * sizeof *h->e);
		}
		e = &h->e[h->n++];
		e->opt = o;
		e->num = 0;
		e->shorts = (char *)h->nshorts;
		cur_group = o->group ? o->group :
		    (!o->name && !o->key) ? cur_group + 1 : cur_group;
		e->group = cur_group;
		e->cluster = cl;
		e->argp = argp;
		do {
			e->num++;
			if (oshort(o) && (h->shorts == NULL || memchr(h->shorts,
			    o->key, h->nshorts) == NULL)) {
				h->shorts = lx_argp_xrealloc(h->shorts,
				    h->nshorts + 2);
				h->shorts[h->nshorts++] = (char)o->key;
			}
			o++;
		} while (!oend(o) && oalias(o));
	}
}

static struct cluster *
add_cluster(struct hol *h, const struct lx_argp_child *c, int index,
    struct cluster *parent, const struct lx_argp *argp)
{
	struct cluster *cl = calloc(1, sizeof *cl);

	if (cl == NULL)
		abort();
	cl->header = c->header;
	cl->index = index;
	cl->group = c->group;
	cl->parent = parent;
	cl->argp = argp;
	cl->depth = parent ? parent->depth + 1 : 0;
	cl->next = h->clusters;
	h->clusters = cl;
	return cl;
}

static void
build(struct hol *h, const struct lx_argp *argp, struct cluster *cl)
{
	const struct lx_argp_child *c = argp->children;

	add_entries(h, argp, cl);
	for (; c != NULL && c->argp != NULL; c++)
		build(h, c->argp, (c->group || c->header) ?
		    add_cluster(h, c, (int)(c - argp->children), cl, argp) :
		    cl);
}

void
lx_argp_hol_make(struct hol *h, const struct lx_argp *argp)
{
	unsigned i;

	memset(h, 0, sizeof *h);
	build(h, argp, NULL);
	h->shorts = lx_argp_xrealloc(h->shorts, h->nshorts + 1);
	h->shorts[h->nshorts] = '\0';
	for (i = 0; i < h->n; i++)
		h->e[i].shorts = h->shorts + (size_t)h->e[i].shorts;
}

void
lx_argp_hol_free(struct hol *h)
{
	struct cluster *cl, *next;

	for (cl = h->clusters; cl != NULL; cl = next) {
		next = cl->next;
		free(cl);
	}
	free(h->e);
	free(h->shorts);
}

/* Calls FN on each visible unshadowed short option of E until it returns
 * non-zero. */
int
lx_argp_each_short(const struct entry *e, opt_fn fn, void *cookie)
{
	const struct lx_argp_option *o = e->opt, *real = e->opt;
	const char *so = e->shorts;
	unsigned n;
	int val = 0;

	for (n = e->num; n > 0 && !val; o++, n--)
		if (oshort(o) && *so == o->key) {
			if (!oalias(o))
				real = o;
			if (ovisible(o))
				val = fn(o, real, cookie);
			so++;
		}
	return val;
}

int
lx_argp_each_long(const struct entry *e, opt_fn fn, void *cookie)
{
	const struct lx_argp_option *o = e->opt, *real = e->opt;
	unsigned n;
	int val = 0;

	for (n = e->num; n > 0 && !val; o++, n--)
		if (o->name != NULL) {
			if (!oalias(o))
				real = o;
			if (ovisible(o))
				val = fn(o, real, cookie);
		}
	return val;
}

/* ---- sorting ------------------------------------------------------------ */

static int
until_short(const struct lx_argp_option *o, const struct lx_argp_option *r,
    void *cookie)
{
	(void)r;
	(void)cookie;
	return oshort(o) ? o->key : 0;
}

static char
first_short(const struct entry *e)
{
	return (char)lx_argp_each_short(e, until_short, NULL);
}

static const char *
first_long(const struct entry *e)
{
	const struct lx_argp_option *o = e->opt;
	unsigned n;

	for (n = e->num; n > 0; o++, n--)
		if (o->name != NULL && ovisible(o))
			return o->name;
	return NULL;
}

/* Groups 0, 1, 2, ..., then -n, ..., -2, -1. */
static int
group_cmp(int g1, int g2, int eq)
{
	if (g1 == g2)
		return eq;
	if ((g1 < 0) == (g2 < 0))
		return g1 - g2;
	return g2 - g1;
}

static int
cluster_cmp(const struct cluster *c1, const struct cluster *c2)
{
	while (c1->depth > c2->depth)
		c1 = c1->parent;
	while (c2->depth > c1->depth)
		c2 = c2->parent;
	while (c1->parent != c2->parent) {
		c1 = c1->parent;
		c2 = c2->parent;
	}
	return group_cmp(c1->group, c2->group, c2->index - c1->index);
}

static const struct cluster *
cluster_base(const struct cluster *c)
{
	while (c->parent != NULL)
		c = c->parent;
	return c;
}

/* For a documentation option's NAME: whether it reads as a non-option;
 * *NAME moves to the part that is sorted on. */
static int
canon_doc(const char **name)
{
	int non_opt;

	while (isspace((unsigned char)**name))
		(*name)++;
	non_opt = **name != '-';
	while (**name && !isalnum((unsigned char)**name))
		(*name)++;
	return non_opt;
}

static int
entry_cmp(const struct entry *e1, const struct entry *e2)
{
	const char *l1, *l2;
	int s1, s2, d1, d2, lower;
	unsigned char f1, f2;

	if (e1->cluster != e2->cluster) {
		if (e1->cluster == NULL)
			return group_cmp(e1->group,
			    cluster_base(e2->cluster)->group, -1);
		if (e2->cluster == NULL)
			return group_cmp(cluster_base(e1->cluster)->group,
			    e2->group, 1);
		return cluster_cmp(e1->cluster, e2->cluster);
	}
	if (e1->group != e2->group)
		return group_cmp(e1->group, e2->group, 0);
	s1 = first_short(e1);
	s2 = first_short(e2);
	l1 = first_long(e1);
	l2 = first_long(e2);
	d1 = odoc(e1->opt) ? l1 != NULL && canon_doc(&l1) : 0;
	d2 = odoc(e2->opt) ? l2 != NULL && canon_doc(&l2) : 0;
	if (d1 != d2)
		return d1 - d2;
	if (!s1 && !s2 && l1 && l2)
		return strcasecmp(l1, l2);
	f1 = s1 ? s1 : l1 ? *l1 : 0;
	f2 = s2 ? s2 : l2 ? *l2 : 0;
	lower = tolower(f1) - tolower(f2);
	return lower ? lower : f2 - f1;
}

/* A stable merge sort, as glibc's qsort is for lists this short. */
static void
sort_entries(struct entry *a, struct entry *tmp, unsigned n)
{
	unsigned h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_entries(a, tmp, h);
	sort_entries(a + h, tmp, n - h);
	while (i < h && j < n)
		tmp[k++] = entry_cmp(&a[i], &a[j]) <= 0 ? a[i++] : a[j++];
	while (i < h)
		tmp[k++] = a[i++];
	memcpy(a, tmp, k * sizeof *a);
}

void
lx_argp_hol_set_group(struct hol *h, const char *name, int group)
{
	const struct lx_argp_option *o;
	unsigned i, n;

	for (i = 0; i < h->n; i++)
		for (o = h->e[i].opt, n = h->e[i].num; n > 0; o++, n--)
			if (o->name != NULL && ovisible(o) &&
			    strcmp(o->name, name) == 0) {
				h->e[i].group = group;
				return;
			}
}

void
lx_argp_hol_sort(struct hol *h)
{
	struct entry *tmp;

	if (h->n == 0)
		return;
	tmp = lx_argp_xrealloc(NULL, h->n * sizeof *tmp);
	sort_entries(h->e, tmp, h->n);
	free(tmp);
}
