/*
 * Internals of argp's help printer, shared by argp-help.c (the option
 * list, the documentation and the whole text), argp-list.c (the list of
 * options, built and sorted) and argp-usage.c (the "Usage:" lines).
 */
#ifndef LX_ARGP_HELP_H
#define LX_ARGP_HELP_H

#include <ctype.h>
#include <stddef.h>

#include "argp-int.h"

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

static inline int
oshort(const struct lx_argp_option *o)
{
	return !odoc(o) && o->key > 0 && o->key <= 255 && isprint(o->key);
}

/* argp-list.c: the option list. */
/* realloc that aborts when out of memory. */
void *lx_argp_xrealloc(void *p, size_t n);
void lx_argp_hol_make(struct hol *h, const struct lx_argp *argp);
void lx_argp_hol_free(struct hol *h);
/* Moves the entry of the visible long option NAME to GROUP. */
void lx_argp_hol_set_group(struct hol *h, const char *name, int group);
void lx_argp_hol_sort(struct hol *h);

/* Calls FN on each visible unshadowed short option of E until it returns
 * non-zero. */
typedef int (*opt_fn)(const struct lx_argp_option *opt,
	const struct lx_argp_option *real, void *cookie);
int lx_argp_each_short(const struct entry *e, opt_fn fn, void *cookie);
/* The same over E's visible long options. */
int lx_argp_each_long(const struct entry *e, opt_fn fn, void *cookie);

/* argp-help.c: DOC as ARGP's help_filter has it for KEY (DOC itself
 * without a filter); the caller frees a result other than DOC. */
const char *lx_argp_filter(const char *doc, int key,
	const struct lx_argp *argp, const struct lx_argp_state *state);

/* argp-usage.c: the "Usage:" lines; sets LX_ARGP_HELP_SHORT_USAGE in
 * *FLAGS once the options have been listed. */
void lx_argp_usage_lines(const struct lx_argp *argp,
	const struct lx_argp_state *state, const struct hol *h,
	unsigned *flags, const char *name, struct argp_fmt *fs);

#endif
