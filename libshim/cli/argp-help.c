/*
 * argp's help texts: the option list (short options in column 2, long
 * ones in column 6, their doc in column 29, groups and children's headers
 * apart), the documentation before and after \v and the bug report
 * address, laid out as glibc does at 79 columns, around the "Usage:" lines
 * of argp-usage.c; the options come sorted from argp-list.c.
 * ARGP_HELP_FMT is not read: glibc's defaults apply.
 */
#include <stdlib.h>
#include <string.h>

#include "argp-int.h"
#include "argp-help.h"

#define SHORT_OPT_COL	2
#define LONG_OPT_COL	6
#define DOC_OPT_COL	2
#define OPT_DOC_COL	29
#define HEADER_COL	1
#define RMARGIN		79

/* ---- the option list ---------------------------------------------------- */

struct pstate {
	const struct entry *entry;
	struct argp_fmt *fs;
	const struct lx_argp_state *state;
	const struct entry **prev;
	int *sep_groups;
	int first;
};

const char *
lx_argp_filter(const char *doc, int key, const struct lx_argp *argp,
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
	const char *f = lx_argp_filter(str, LX_ARGP_KEY_HELP_HEADER, argp,
	    ps->state);

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
	const char *f = lx_argp_filter(real->doc, real->key, e->argp,
	    ps->state);
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
	f = lx_argp_filter(note, LX_ARGP_KEY_HELP_DUP_ARGS_NOTE,
	    state ? state->root_argp : NULL, state);
	if (f != NULL && *f) {
		lx_argp_fmt_putc(fs, '\n');
		lx_argp_fmt_puts(fs, f);
		lx_argp_fmt_putc(fs, '\n');
	}
	if (f != NULL && f != note)
		free((char *)f);
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
		lx_argp_hol_make(&h, argp);
		lx_argp_hol_set_group(&h, "help", -1);
		lx_argp_hol_set_group(&h, "version", -1);
		lx_argp_hol_sort(&h);
	}
	if (flags & (LX_ARGP_HELP_USAGE | LX_ARGP_HELP_SHORT_USAGE)) {
		lx_argp_usage_lines(argp, state, &h, &flags, name, fs);
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
	lx_argp_hol_free(&h);
	lx_argp_fmt_close(fs);
out:
	funlockfile(stream);
}
