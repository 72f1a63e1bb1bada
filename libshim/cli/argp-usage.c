/*
 * The "Usage:" lines of argp's help texts: short ("[OPTION...]") or with
 * every option listed (argumentless short options together, then those
 * with arguments, then the long ones), followed by the args_doc of the
 * argp tree, one line per line of a multi-line args_doc, wrapped at the
 * usage indent as glibc does.
 */
#include <stdlib.h>
#include <string.h>

#include "argp-int.h"
#include "argp-help.h"

#define USAGE_INDENT	12

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
	argless = end = lx_argp_xrealloc(NULL, h->nshorts + 1);
	for (i = 0; i < h->n; i++)
		lx_argp_each_short(&h->e[i], add_argless, &end);
	if (end > argless) {
		*end = '\0';
		lx_argp_fmt_printf(fs, " [-%s]", argless);
	}
	free(argless);
	for (i = 0; i < h->n; i++)
		lx_argp_each_short(&h->e[i], usage_argful_short, fs);
	for (i = 0; i < h->n; i++)
		lx_argp_each_long(&h->e[i], usage_long, fs);
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
	const char *f = lx_argp_filter(argp->args_doc,
	    LX_ARGP_KEY_HELP_ARGS_DOC, argp, state);
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

void
lx_argp_usage_lines(const struct lx_argp *argp,
    const struct lx_argp_state *state, const struct hol *h, unsigned *flags,
    const char *name, struct argp_fmt *fs)
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
