/*
 * The GNU regex search API for guests: re_search, re_search_2, re_match,
 * re_match_2 (strings with explicit lengths, start/range, stop) and
 * struct re_registers with the REGS_UNALLOCATED/REALLOCATE/FIXED
 * protocol of glibc, plus re_set_registers.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "regex-int.h"

static unsigned
regs_state(const struct lx_re_pattern_buffer *b)
{
	return (b->flags & LX_REPB_REGS_MASK) >> LX_REPB_REGS_SHIFT;
}

static void
set_regs_state(struct lx_re_pattern_buffer *b, unsigned st)
{
	b->flags = (unsigned char)((b->flags & ~LX_REPB_REGS_MASK) |
	    (st << LX_REPB_REGS_SHIFT));
}

/* Copies NREGS pairs of CAPS into REGS; returns the new REGS_* state. */
static unsigned
copy_regs(struct lx_re_registers *regs, const lx_regoff_t *caps,
    unsigned nregs, unsigned state)
{
	unsigned need = nregs + 1, i, n;
	lx_regoff_t *s, *e;

	if (state == LX_REGS_UNALLOCATED) {
		regs->start = malloc(need * sizeof *regs->start);
		regs->end = malloc(need * sizeof *regs->end);
		if (regs->start == NULL || regs->end == NULL) {
			free(regs->start);
			free(regs->end);
			return LX_REGS_UNALLOCATED;
		}
		regs->num_regs = need;
		state = LX_REGS_REALLOCATE;
	} else if (state == LX_REGS_REALLOCATE && need > regs->num_regs) {
		s = realloc(regs->start, need * sizeof *s);
		if (s == NULL)
			return LX_REGS_UNALLOCATED;
		regs->start = s;
		e = realloc(regs->end, need * sizeof *e);
		if (e == NULL)
			return LX_REGS_UNALLOCATED;
		regs->end = e;
		regs->num_regs = need;
	}
	/* REGS_FIXED: glibc asserts num_regs >= nregs; we clip. */
	n = nregs < regs->num_regs ? nregs : regs->num_regs;
	for (i = 0; i < n; i++) {
		regs->start[i] = caps[2 * i];
		regs->end[i] = caps[2 * i + 1];
	}
	for (; i < regs->num_regs; i++)
		regs->start[i] = regs->end[i] = -1;
	return state;
}

static long
clamp_last(long length, long start, long range)
{
	long last = start + range;

	if (length < last || (range >= 0 && last < start))
		return length;
	if (last < 0 || (range < 0 && start <= last))
		return 0;
	return last;
}

/* The common part of re_search/re_match and their _2 forms. */
static int
search_stub(struct lx_re_pattern_buffer *b, const char *str, long length,
    long start, long range, long stop, struct lx_re_registers *regs,
    int ret_len)
{
	const struct rx_prog *p = b->buffer;
	struct rx_subject sub;
	lx_regoff_t *caps;
	unsigned nregs, st;
	long last, r;

	if (p == NULL || p->magic != RX_MAGIC)
		return -2;
	memset(&sub, 0, sizeof sub);
	sub.utf8 = p->utf8;
	if (start < 0 || start > length)
		return -1;
	last = clamp_last(length, start, range);
	if (stop > length)
		stop = length;
	if (stop < start)
		return -1;	/* XXX: glibc's answer not checked */
	if (start < last && b->fastmap != NULL &&
	    !(b->flags & LX_REPB_FASTMAP_ACCURATE))
		lx_re_compile_fastmap(b);
	if (b->flags & LX_REPB_NO_SUB)
		regs = NULL;	/* glibc leaves them alone */
	nregs = regs == NULL ? 1 : (unsigned)p->nsub + 1;
	caps = malloc(2 * (p->nsub + 1) * sizeof *caps);
	if (caps == NULL)
		return -2;
	sub.s = (const unsigned char *)str;
	sub.len = (size_t)length;
	sub.stop = (size_t)stop;
	sub.not_bol = (b->flags & LX_REPB_NOT_BOL) != 0;
	sub.not_eol = (b->flags & LX_REPB_NOT_EOL) != 0;
	sub.nl_anchor = (b->flags & LX_REPB_NEWLINE_ANCHOR) != 0;
	if (last > stop)
		last = stop;
	r = rx_search(p, &sub, (size_t)start, (size_t)last, caps);
	if (r >= 0 && regs != NULL) {
		st = copy_regs(regs, caps, nregs, regs_state(b));
		set_regs_state(b, st);
		if (st == LX_REGS_UNALLOCATED)
			r = -2;
	}
	if (r >= 0 && ret_len)
		r = caps[1] - start;
	free(caps);
	return (int)r;
}

int
lx_re_search(struct lx_re_pattern_buffer *b, const char *string, int length,
    int start, int range, struct lx_re_registers *regs)
{
	return search_stub(b, string, length, start, range, length, regs, 0);
}

int
lx_re_match(struct lx_re_pattern_buffer *b, const char *string, int length,
    int start, struct lx_re_registers *regs)
{
	return search_stub(b, string, length, start, 0, length, regs, 1);
}

static int
search_2(struct lx_re_pattern_buffer *b, const char *s1, int len1,
    const char *s2, int len2, int start, int range,
    struct lx_re_registers *regs, int stop, int ret_len)
{
	const char *str;
	char *cat = NULL;
	int r;

	if (len1 < 0 || len2 < 0 || stop < 0 || len1 > INT_MAX - len2)
		return -2;
	if (len2 > 0 && len1 > 0) {
		if ((cat = malloc((size_t)len1 + (size_t)len2)) == NULL)
			return -2;
		memcpy(cat, s1, (size_t)len1);
		memcpy(cat + len1, s2, (size_t)len2);
		str = cat;
	} else
		str = len2 > 0 ? s2 : s1;
	r = search_stub(b, str, (long)len1 + len2, start, range, stop, regs,
	    ret_len);
	free(cat);
	return r;
}

int
lx_re_search_2(struct lx_re_pattern_buffer *b, const char *string1,
    int length1, const char *string2, int length2, int start, int range,
    struct lx_re_registers *regs, int stop)
{
	return search_2(b, string1, length1, string2, length2, start, range,
	    regs, stop, 0);
}

int
lx_re_match_2(struct lx_re_pattern_buffer *b, const char *string1,
    int length1, const char *string2, int length2, int start,
    struct lx_re_registers *regs, int stop)
{
	return search_2(b, string1, length1, string2, length2, start, 0,
	    regs, stop, 1);
}

void
lx_re_set_registers(struct lx_re_pattern_buffer *b,
    struct lx_re_registers *regs, unsigned num_regs, lx_regoff_t *starts,
    lx_regoff_t *ends)
{
	if (num_regs > 0) {
		set_regs_state(b, LX_REGS_REALLOCATE);
		regs->num_regs = num_regs;
		regs->start = starts;
		regs->end = ends;
	} else {
		set_regs_state(b, LX_REGS_UNALLOCATED);
		regs->num_regs = 0;
		regs->start = regs->end = NULL;
	}
}
