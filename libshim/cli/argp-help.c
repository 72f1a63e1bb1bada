/*
 * argp's help texts: the "Usage:" lines (short, or with every option
 * listed), the option list (options sorted by group, cluster and name,
 * short options in column 2, long ones in column 6, their doc in column
 * 29, groups and children's headers apart), the documentation before and
 * after \v and the bug report address, laid out as glibc does at 79
 * columns. ARGP_HELP_FMT is not read: glibc's defaults apply.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "argp-int.h"

#define SHORT_OPT_COL	2
#define LONG_OPT_COL	6
#define DOC_OPT_COL	2
#define OPT_DOC_COL	29
#define HEADER_COL	1
#define USAGE_INDENT	12
#define RMARGIN		79

struct cluster {
	const char *header;
	int index, group, depth;
	struct cluster *parent;
	const struct lx_argp *argp;
	struct cluster *next;
};

/* One option with its aliases. */
struct entry {
	const struct lx_argp_option *opt;
	unsigned num;
	char *shorts;		/* its unshadowed short options */
	int group;
	struct cluster *cluster;
	const struct lx_argp *argp;
	unsigned ord;
};

struct hol {
	struct entry *e;
	unsigned n, cap;
	char *shorts;		/* all short options, each once */
	size_t nshorts;
	struct cluster *clusters;
};

#define ovisible(o)	(!((o)->flags & LX_OPTION_HIDDEN))
#define oalias(o)	((o)->flags & LX_OPTION_ALIAS)
#define odoc(o)		((o)->flags & LX_OPTION_DOC)

static int
oend(const struct lx_argp_option *o)
{
	return !o->key && !o->name && !o->doc && !o->group;
}

static int
oshort(const struct lx_argp_option *o)
{
	return !odoc(o) && o->key > 0 && o->key <= 255 && isprint(o->key);
}

/* ---- building the list -------------------------------------------------- */

static void *
xrealloc(void *p, size_t n)
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
			h->e = xrealloc(h->e, h->cap * sizeof *h->e);
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
				h->shorts = xrealloc(h->shorts, h->nshorts + 2);
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

static void
make_hol(struct hol *h, const struct lx_argp *argp)
{
	unsigned i;

	memset(h, 0, sizeof *h);
	build(h, argp, NULL);
	h->shorts = xrealloc(h->shorts, h->nshorts + 1);
	h->shorts[h->nshorts] = '\0';
	for (i = 0; i < h->n; i++)
		h->e[i].shorts = h->shorts + (size_t)h->e[i].shorts;
}

static void
free_hol(struct hol *h)
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
typedef int (*opt_fn)(const struct lx_argp_option *opt,
	const struct lx_argp_option *real, void *cookie);

static int
each_short(const struct entry *e, opt_fn fn, void *cookie)
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

static int
each_long(const struct entry *e, opt_fn fn, void *cookie)
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
	return (char)each_short(e, until_short, NULL);
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

static void
set_group(struct hol *h, const char *name, int group)
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

static void
sort_hol(struct hol *h)
{
	struct entry *tmp;

	if (h->n == 0)
		return;
	tmp = xrealloc(NULL, h->n * sizeof *tmp);
	sort_entries(h->e, tmp, h->n);
	free(tmp);
}

/* ---- the option list ---------------------------------------------------- */

struct pstate {
	const struct entry *entry;
	struct argp_fmt *fs;
	const struct lx_argp_state *state;
	const struct entry **prev;
	int *sep_groups;
	int first;
};

static const char *
filter(const char *doc, int key, const struct lx_argp *argp,
    const struct lx_argp_state *state)
{
	if (argp == NULL || argp->help_filter == NULL)
		return doc;
	return argp->help_filter(key, doc, lx_argp_input(argp, state));
}

static void
indent_to(struct argp_fmt *fs, int col)
{
	int needed = col - lx_argp_fmt_point(fs);

	while (needed-- > 0)
		lx_argp_fmt_putc(fs, ' ');
}

static void
print_header(const char *str, const struct lx_argp *argp, struct pstate *ps)
{
	const char *f = filter(str, LX_ARGP_KEY_HELP_HEADER, argp, ps->state);

	if (f != NULL) {
		if (*f) {
			if (*ps->prev != NULL)
				lx_argp_fmt_putc(ps->fs, '\n');
			indent_to(ps->fs, HEADER_COL);
			lx_argp_fmt_set_lmargin(ps->fs, HEADER_COL);
			lx_argp_fmt_set_wmargin(ps->fs, HEADER_COL);
			lx_argp_fmt_puts(ps->fs, f);
			lx_argp_fmt_set_lmargin(ps->fs, 0);
			lx_argp_fmt_putc(ps->fs, '\n');
		}
		*ps->sep_groups = 1;
	}
	if (f != str)
		free((char *)f);
}

static int
cluster_within(const struct cluster *c1, const struct cluster *c2)
{
	while (c1 != NULL && c1 != c2)
		c1 = c1->parent;
	return c1 != NULL;
}

/* Before each option name: ", ", or for the first one the blank line
 * between groups and the header of a new cluster. */
static void
comma(int col, struct pstate *ps)
{
	const struct entry *pe = *ps->prev;
	const struct cluster *cl = ps->entry->cluster;
	int old_wm;

	if (!ps->first) {
		lx_argp_fmt_puts(ps->fs, ", ");
		indent_to(ps->fs, col);
		return;
	}
	if (*ps->sep_groups && pe != NULL && ps->entry->group != pe->group)
		lx_argp_fmt_putc(ps->fs, '\n');
	if (cl != NULL && cl->header != NULL && *cl->header &&
	    (pe == NULL || (pe->cluster != cl &&
	    !cluster_within(pe->cluster, cl)))) {
		old_wm = lx_argp_fmt_wmargin(ps->fs);
		print_header(cl->header, cl->argp, ps);
		lx_argp_fmt_set_wmargin(ps->fs, old_wm);
	}
	ps->first = 0;
	indent_to(ps->fs, col);
}

static void
arg(const struct lx_argp_option *real, const char *req, const char *opt,
    struct argp_fmt *fs)
{
	if (real->arg == NULL)
		return;
	lx_argp_fmt_printf(fs, (real->flags & LX_OPTION_ARG_OPTIONAL) ?
	    opt : req, real->arg);
}

static void
entry_doc(const struct entry *e, struct pstate *ps)
{
	const struct lx_argp_option *real = e->opt;
	const char *f = filter(real->doc, real->key, e->argp, ps->state);
	int col;

	if (f != NULL && *f) {
		col = lx_argp_fmt_point(ps->fs);
		lx_argp_fmt_set_lmargin(ps->fs, OPT_DOC_COL);
		lx_argp_fmt_set_wmargin(ps->fs, OPT_DOC_COL);
		if (col > OPT_DOC_COL + 3)
			lx_argp_fmt_putc(ps->fs, '\n');
		else if (col >= OPT_DOC_COL)
			lx_argp_fmt_puts(ps->fs, "   ");
		else
			indent_to(ps->fs, OPT_DOC_COL);
		lx_argp_fmt_puts(ps->fs, f);
	}
	if (f != NULL && f != real->doc)
		free((char *)f);
	lx_argp_fmt_set_lmargin(ps->fs, 0);
	lx_argp_fmt_putc(ps->fs, '\n');
}

static void
entry_names(const struct entry *e, struct pstate *ps, int *dup)
{
	const struct lx_argp_option *real = e->opt, *o;
	const char *so = e->shorts;
	int have_long = 0;
	unsigned n;

	for (o = real, n = e->num; !odoc(real) && n > 0; o++, n--)
		if (o->name != NULL && ovisible(o)) {
			have_long = 1;
			break;
		}
	lx_argp_fmt_set_wmargin(ps->fs, SHORT_OPT_COL);
	for (o = real, n = e->num; n > 0; o++, n--) {
		if (!oshort(o) || o->key != *so)
			continue;
		if (ovisible(o)) {
			comma(SHORT_OPT_COL, ps);
			lx_argp_fmt_putc(ps->fs, '-');
			lx_argp_fmt_putc(ps->fs, *so);
			if (!have_long)
				arg(real, " %s", "[%s]", ps->fs);
			else if (real->arg != NULL)
				*dup = 1;
		}
		so++;
	}
	if (odoc(real)) {
		lx_argp_fmt_set_wmargin(ps->fs, DOC_OPT_COL);
		for (o = real, n = e->num; n > 0; o++, n--)
			if (o->name != NULL && *o->name && ovisible(o)) {
				comma(DOC_OPT_COL, ps);
				lx_argp_fmt_puts(ps->fs, o->name);
			}
		return;
	}
	lx_argp_fmt_set_wmargin(ps->fs, LONG_OPT_COL);
	for (o = real, n = e->num; n > 0; o++, n--)
		if (o->name != NULL && ovisible(o)) {
			comma(LONG_OPT_COL, ps);
			lx_argp_fmt_printf(ps->fs, "--%s", o->name);
			arg(real, "=%s", "[=%s]", ps->fs);
		}
}

static void
entry_help(const struct entry *e, struct pstate *ps, int *dup)
{
	const struct lx_argp_option *real = e->opt;
	int old_lm = lx_argp_fmt_set_lmargin(ps->fs, 0);
	int old_wm = lx_argp_fmt_wmargin(ps->fs);

	ps->entry = e;
	ps->first = 1;
	entry_names(e, ps, dup);
	lx_argp_fmt_set_lmargin(ps->fs, 0);
	if (!ps->first) {
		entry_doc(e, ps);
		*ps->prev = e;
	} else if (!oshort(real) && real->name == NULL) {
		print_header(real->doc, e->argp, ps);
		*ps->prev = e;
	}
	lx_argp_fmt_set_lmargin(ps->fs, old_lm);
	lx_argp_fmt_set_wmargin(ps->fs, old_wm);
}

static void
hol_help(const struct hol *h, const struct lx_argp_state *state,
    struct argp_fmt *fs)
{
	static const char note[] = "Mandatory or optional arguments to long "
	    "options are also mandatory or optional for any corresponding "
	    "short options.";
	const struct entry *prev = NULL;
	int sep_groups = 0, dup = 0;
	struct pstate ps = { NULL, fs, state, &prev, &sep_groups, 1 };
	const char *f;
	unsigned i;

	for (i = 0; i < h->n; i++)
		entry_help(&h->e[i], &ps, &dup);
	if (!dup)
		return;
	f = filter(note, LX_ARGP_KEY_HELP_DUP_ARGS_NOTE,
	    state ? state->root_argp : NULL, state);
	if (f != NULL && *f) {
		lx_argp_fmt_putc(fs, '\n');
		lx_argp_fmt_puts(fs, f);
		lx_argp_fmt_putc(fs, '\n');
	}
	if (f != NULL && f != note)
		free((char *)f);
}

/* ---- usage -------------------------------------------------------- */

static int
add_argless(const struct lx_argp_option *o, const struct lx_argp_option *real,
    void *cookie)
{
	char **end = cookie;

	if (!(o->arg || real->arg) &&
	    !((o->flags | real->flags) & LX_OPTION_NO_USAGE))
		*(*end)++ = (char)o->key;
	return 0;
}

/* A line break instead of a blank where the next N columns do not fit. */
static void
space(struct argp_fmt *fs, size_t n)
{
	if (lx_argp_fmt_point(fs) + n >= (size_t)lx_argp_fmt_rmargin(fs))
		lx_argp_fmt_putc(fs, '\n');
	else
		lx_argp_fmt_putc(fs, ' ');
}

static int
usage_argful_short(const struct lx_argp_option *o,
    const struct lx_argp_option *real, void *cookie)
{
	struct argp_fmt *fs = cookie;
	const char *a = o->arg ? o->arg : real->arg;
	int flags = o->flags | real->flags;

	if (a == NULL || (flags & LX_OPTION_NO_USAGE))
		return 0;
	if (flags & LX_OPTION_ARG_OPTIONAL) {
		lx_argp_fmt_printf(fs, " [-%c[%s]]", o->key, a);
	} else {
		space(fs, 6 + strlen(a));
		lx_argp_fmt_printf(fs, "[-%c %s]", o->key, a);
	}
	return 0;
}

static int
usage_long(const struct lx_argp_option *o, const struct lx_argp_option *real,
    void *cookie)
{
	struct argp_fmt *fs = cookie;
	const char *a = o->arg;
	int flags = o->flags | real->flags;

	if (flags & LX_OPTION_NO_USAGE)
		return 0;
	if (a == NULL)
		a = real->arg;
	if (a == NULL)
		lx_argp_fmt_printf(fs, " [--%s]", o->name);
	else if (flags & LX_OPTION_ARG_OPTIONAL)
		lx_argp_fmt_printf(fs, " [--%s[=%s]]", o->name, a);
	else
		lx_argp_fmt_printf(fs, " [--%s=%s]", o->name, a);
	return 0;
}

static void
hol_usage(const struct hol *h, struct argp_fmt *fs)
{
	char *argless, *end;
	unsigned i;

	if (h->n == 0)
		return;
	argless = end = xrealloc(NULL, h->nshorts + 1);
	for (i = 0; i < h->n; i++)
		each_short(&h->e[i], add_argless, &end);
	if (end > argless) {
		*end = '\0';
		lx_argp_fmt_printf(fs, " [-%s]", argless);
	}
	free(argless);
	for (i = 0; i < h->n; i++)
		each_short(&h->e[i], usage_argful_short, fs);
	for (i = 0; i < h->n; i++)
		each_long(&h->e[i], usage_long, fs);
}

static size_t
args_levels(const struct lx_argp *argp)
{
	const struct lx_argp_child *c = argp->children;
	size_t n = argp->args_doc && strchr(argp->args_doc, '\n') ? 1 : 0;

	for (; c != NULL && c->argp != NULL; c++)
		n += args_levels(c->argp);
	return n;
}

/* The argument part of one "Usage:" line; LEVELS say which line of each
 * multi-line args_doc is due. Returns whether more lines follow. */
static int
args_usage(const struct lx_argp *argp, const struct lx_argp_state *state,
    char **levels, int advance, struct argp_fmt *fs)
{
	const struct lx_argp_child *c = argp->children;
	const char *f = filter(argp->args_doc, LX_ARGP_KEY_HELP_ARGS_DOC, argp,
	    state);
	const char *cp = f, *nl = NULL;
	char *level = *levels;
	int multiple = 0, i;

	if (f != NULL) {
		nl = strchrnul(cp, '\n');
		if (*nl) {
			multiple = 1;
			for (i = 0; i < *level; i++) {
				cp = nl + 1;
				nl = strchrnul(cp, '\n');
			}
			(*levels)++;
		}
		space(fs, 1 + nl - cp);
		lx_argp_fmt_write(fs, cp, nl - cp);
	}
	for (; c != NULL && c->argp != NULL; c++)
		advance = !args_usage(c->argp, state, levels, advance, fs);
	if (advance && multiple) {
		if (*nl) {
			(*level)++;
			advance = 0;
		} else if (*level > 0) {
			*level = 0;
		}
	}
	if (f != NULL && f != argp->args_doc)
		free((char *)f);
	return !advance;
}

/* ---- documentation and the whole text ------------------------------ */

static void
doc_text(const char *text, int blank, struct argp_fmt *fs)
{
	if (blank)
		lx_argp_fmt_putc(fs, '\n');
	lx_argp_fmt_puts(fs, text);
	if (lx_argp_fmt_point(fs) > lx_argp_fmt_lmargin(fs))
		lx_argp_fmt_putc(fs, '\n');
}

/* The doc before (POST 0) or after \v (POST 1) of ARGP and its children:
 * only the first one found when FIRST_ONLY. Returns whether it printed. */
static int
argp_doc(const struct lx_argp *argp, const struct lx_argp_state *state,
    int post, int pre_blank, int first_only, struct argp_fmt *fs)
{
	const struct lx_argp_child *c = argp->children;
	const char *vt, *in = NULL, *text;
	char *copy = NULL;
	void *input = NULL;
	int anything = 0;

	if (argp->doc != NULL) {
		vt = strchr(argp->doc, '\v');
		if (vt != NULL && post)
			in = vt + 1;
		else if (vt != NULL)
			in = copy = strndup(argp->doc, vt - argp->doc);
		else if (!post)
			in = argp->doc;
	}
	text = in;
	if (argp->help_filter != NULL) {
		input = lx_argp_input(argp, state);
		text = argp->help_filter(post ? LX_ARGP_KEY_HELP_POST_DOC :
		    LX_ARGP_KEY_HELP_PRE_DOC, in, input);
	}
	if (text != NULL) {
		doc_text(text, pre_blank, fs);
		anything = 1;
	}
	if (text != NULL && text != in)
		free((char *)text);
	free(copy);
	if (post && argp->help_filter != NULL) {
		text = argp->help_filter(LX_ARGP_KEY_HELP_EXTRA, NULL, input);
		if (text != NULL) {
			doc_text(text, anything || pre_blank, fs);
			free((char *)text);
			anything = 1;
		}
	}
	for (; c != NULL && c->argp != NULL && !(first_only && anything); c++)
		anything |= argp_doc(c->argp, state, post,
		    anything || pre_blank, first_only, fs);
	return anything;
}

static void
usage_lines(const struct lx_argp *argp, const struct lx_argp_state *state,
    const struct hol *h, unsigned *flags, const char *name,
    struct argp_fmt *fs)
{
	size_t nlevels = args_levels(argp);
	char *pattern = calloc(1, nlevels + 1), *levels;
	int first = 1, more, old_lm, old_wm;

	if (pattern == NULL)
		return;
	do {
		levels = pattern;
		old_wm = lx_argp_fmt_set_wmargin(fs, USAGE_INDENT);
		lx_argp_fmt_printf(fs, "%s %s", first ? "Usage:" : "  or: ",
		    name);
		old_lm = lx_argp_fmt_set_lmargin(fs, USAGE_INDENT);
		if (*flags & LX_ARGP_HELP_SHORT_USAGE) {
			if (h->n > 0)
				lx_argp_fmt_puts(fs, " [OPTION...]");
		} else {
			hol_usage(h, fs);
			*flags |= LX_ARGP_HELP_SHORT_USAGE;
		}
		more = args_usage(argp, state, &levels, 1, fs);
		lx_argp_fmt_set_wmargin(fs, old_wm);
		lx_argp_fmt_set_lmargin(fs, old_lm);
		lx_argp_fmt_putc(fs, '\n');
		first = 0;
	} while (more);
	free(pattern);
}

void
lx_argp_do_help(const struct lx_argp *argp,
    const struct lx_argp_state *state, FILE *stream, unsigned flags,
    char *name)
{
	struct hol h = { 0 };
	struct argp_fmt *fs;
	int anything = 0;

	if (stream == NULL)
		return;
	flockfile(stream);
	fs = lx_argp_fmt_open(stream, 0, RMARGIN, 0);
	if (fs == NULL)
		goto out;
	if (flags & (LX_ARGP_HELP_USAGE | LX_ARGP_HELP_SHORT_USAGE |
	    LX_ARGP_HELP_LONG)) {
		make_hol(&h, argp);
		set_group(&h, "help", -1);
		set_group(&h, "version", -1);
		sort_hol(&h);
	}
	if (flags & (LX_ARGP_HELP_USAGE | LX_ARGP_HELP_SHORT_USAGE)) {
		usage_lines(argp, state, &h, &flags, name, fs);
		anything = 1;
	}
	if (flags & LX_ARGP_HELP_PRE_DOC)
		anything |= argp_doc(argp, state, 0, 0, 1, fs);
	if (flags & LX_ARGP_HELP_SEE) {
		lx_argp_fmt_printf(fs, "Try `%s --help' or `%s --usage' for "
		    "more information.\n", name, name);
		anything = 1;
	}
	if ((flags & LX_ARGP_HELP_LONG) && h.n > 0) {
		if (anything)
			lx_argp_fmt_putc(fs, '\n');
		hol_help(&h, state, fs);
		anything = 1;
	}
	if (flags & LX_ARGP_HELP_POST_DOC)
		anything |= argp_doc(argp, state, 1, anything, 0, fs);
	if ((flags & LX_ARGP_HELP_BUG_ADDR) && ARGP_BUG_ADDRESS != NULL) {
		if (anything)
			lx_argp_fmt_putc(fs, '\n');
		lx_argp_fmt_printf(fs, "Report bugs to %s.\n",
		    ARGP_BUG_ADDRESS);
	}
	free_hol(&h);
	lx_argp_fmt_close(fs);
out:
	funlockfile(stream);
}
