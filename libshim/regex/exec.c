/*
 * The matcher of the shim's GNU regex engine: a backtracking run of the
 * program from emit.c that explores paths in priority order and
 * keeps the first path reaching the longest end (POSIX leftmost-longest
 * overall match, glibc-like subexpression choice).  Without
 * back-references, (SPLIT, position) pairs already explored are not
 * explored again, which keeps a search polynomial; such pairs stay dead
 * across start positions because a start is only left after failing.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "regex-int.h"

enum { BT_BRANCH, BT_CAP, BT_MARK, BT_FIRST, BT_CFLAG };

struct bt {
	uint32_t kind;
	uint32_t idx;		/* pc, slot or loop */
	long val;		/* position or old value */
};

struct run {
	const struct rx_prog *p;
	const struct rx_subject *sub;
	long *caps;		/* 2 * (nsub + 1) */
	long *mark;		/* per loop: where its iteration began */
	long *first;		/* per loop: still in the first iteration */
	struct bt *stk;
	size_t nstk, capstk;
	uint8_t *memo;		/* visited (SPLIT pc, pos - base) */
	size_t base, span;
	long cflag;		/* an assertion since the last byte taken */
	long best;		/* end of the best match, -1 none */
	int bestc;		/* its cflag */
	long *bestcaps;
	int any;		/* any match will do: stop at the first */
};

static int
push(struct run *r, uint32_t kind, uint32_t idx, long val)
{
	struct bt *v = rx_grow(r->stk, &r->capstk, r->nstk, sizeof *v, 256);

	if (v == NULL)
		return -1;
	r->stk = v;
	r->stk[r->nstk].kind = kind;
	r->stk[r->nstk].idx = idx;
	r->stk[r->nstk].val = val;
	r->nstk++;
	return 0;
}

static int
mb_has(const struct rx_mbset *m, uint32_t wc)
{
	for (unsigned i = 0; i < m->nclass; i++)
		if (iswctype((wint_t)wc, (wctype_t)m->classes[i]))
			return 1;
	for (unsigned i = 0; i < m->nrange; i++)
		if (wc >= m->range[i][0] && wc <= m->range[i][1])
			return 1;
	return 0;
}

/* The bytes one character at S[0..N) takes if bracket M matches it. */
static size_t
mb_match(const struct rx_mbset *m, const unsigned char *s, size_t n)
{
	uint32_t wc;
	size_t len;
	int in;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return RX_TEST(&m->ascii, s[0]) ? 1 : 0;
	if ((len = rx_utf8_decode(s, n, &wc)) == 0)
		return 0;
	in = mb_has(m, wc) || (m->icase && (mb_has(m, towlower(wc)) ||
	    mb_has(m, towupper(wc))));
	return in != m->neg ? len : 0;
}

static int
word_at(const struct rx_subject *s, long pos)
{
	int c;

	if (pos < 0 || (size_t)pos >= s->len)
		return 0;
	c = s->s[pos];
	if (s->utf8 && c >= 0x80) {
		/* the character this byte belongs to: alphanumeric? */
		uint32_t wc;
		long lead = pos;

		while (lead > 0 && pos - lead < 3 && (s->s[lead] & 0xc0) == 0x80)
			lead--;
		if (rx_utf8_decode(s->s + lead, s->len - (size_t)lead, &wc) >
		    (size_t)(pos - lead))
			return iswalnum((wint_t)wc) != 0;
		return 0;
	}
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

static int
check_assert(const struct rx_subject *s, int kind, long pos)
{
	int before = word_at(s, pos - 1), after = word_at(s, pos);

	switch (kind) {
	case RX_A_BOL:
		return pos == 0 ? !s->not_bol :
		    s->nl_anchor && s->s[pos - 1] == '\n';
	case RX_A_EOL:
		return (size_t)pos == s->len ? !s->not_eol :
		    s->nl_anchor && s->s[pos] == '\n';
	case RX_A_BUFBEG:
		return pos == 0;
	case RX_A_BUFEND:
		return (size_t)pos == s->len;
	case RX_A_WORDB:
		return before != after;
	case RX_A_NWORDB:
		return before == after;
	case RX_A_WBEG:
		return !before && after;
	case RX_A_WEND:
		return before && !after;
	}
	return 0;
}

static int
bref(const struct run *r, int g, long *pos)
{
	long so = r->caps[2 * g], eo = r->caps[2 * g + 1], n = eo - so, i;
	const unsigned char *s = r->sub->s, *f = r->p->fold;

	if (so < 0 || eo < so)
		return 0;
	if ((size_t)(*pos + n) > r->sub->stop)
		return 0;
	for (i = 0; i < n; i++)
		if (f[s[so + i]] != f[s[*pos + i]])
			return 0;
	*pos += n;
	return 1;
}

/* Returns 1 if this (SPLIT, pos) was seen before (and marks it). */
static int
seen(struct run *r, uint32_t pc, long pos)
{
	size_t bit;

	if (r->memo == NULL)
		return 0;
	bit = ((size_t)pc * r->span + ((size_t)pos - r->base)) * 2 +
	    (size_t)r->cflag;
	if (r->memo[bit >> 3] & (1u << (bit & 7)))
		return 1;
	r->memo[bit >> 3] |= (uint8_t)(1u << (bit & 7));
	return 0;
}

static int
set_reg(struct run *r, int kind, long *reg, uint32_t i, long v)
{
	if (push(r, (uint32_t)kind, i, reg[i]) < 0)
		return -1;
	reg[i] = v;
	return 0;
}

static int
set_cflag(struct run *r, long v)
{
	if (push(r, BT_CFLAG, 0, r->cflag) < 0)
		return -1;
	r->cflag = v;
	return 0;
}

/* One step; returns 1 to go on, 0 to backtrack, -1 out of memory. */
static int
step(struct run *r, uint32_t *pcp, long *posp)
{
	const struct rx_insn *in = &r->p->insn[*pcp];
	const struct rx_subject *s = r->sub;
	long pos = *posp;

	switch (in->op) {
	case RX_SET:
		if ((size_t)pos >= s->stop ||
		    !RX_TEST(&r->p->sets[in->x], s->s[pos]))
			return 0;
		*posp = pos + 1;
		if (r->cflag && set_cflag(r, 0) < 0)
			return -1;
		break;
	case RX_MBSET: {
		size_t n = (size_t)pos < s->stop ? mb_match(
		    &r->p->mbsets[in->x], s->s + pos, s->stop - pos) : 0;

		if (n == 0)
			return 0;
		*posp = pos + (long)n;
		if (r->cflag && set_cflag(r, 0) < 0)
			return -1;
		break;
	}
	case RX_SPLIT:
		if (seen(r, *pcp, pos))
			return 0;
		if (push(r, BT_BRANCH, (uint32_t)in->y, pos) < 0)
			return -1;
		*pcp = (uint32_t)in->x;
		return 1;
	case RX_JMP:
		*pcp = (uint32_t)in->x;
		return 1;
	case RX_SAVE:
		if (set_reg(r, BT_CAP, r->caps, (uint32_t)in->x, pos) < 0)
			return -1;
		break;
	case RX_ASSERT:
		if (!check_assert(s, in->x, pos))
			return 0;
		if (!r->cflag && set_cflag(r, 1) < 0)
			return -1;
		break;
	case RX_BREF:
		if (!bref(r, in->x, posp))
			return 0;
		if (*posp != pos && r->cflag && set_cflag(r, 0) < 0)
			return -1;
		break;
	case RX_LOOPINIT:
		if (set_reg(r, BT_FIRST, r->first, (uint32_t)in->x, 1) < 0)
			return -1;
		break;
	case RX_MARK:
		if (set_reg(r, BT_MARK, r->mark, (uint32_t)in->x, pos) < 0)
			return -1;
		break;
	case RX_LOOPCHK:
		if (pos == r->mark[in->x])
			/* an empty iteration ends the loop, and is only
			   allowed as its first one */
			return r->first[in->x] ? (++*pcp, 1) : 0;
		if (r->first[in->x] &&
		    set_reg(r, BT_FIRST, r->first, (uint32_t)in->x, 0) < 0)
			return -1;
		*pcp = (uint32_t)in->y;
		return 1;
	case RX_MATCH:
		/* Longest first; at the same end, glibc settles on a path
		   whose tail passed no assertion if there is one. */
		if (r->best < 0 || pos > r->best ||
		    (pos == r->best && r->bestc && !r->cflag)) {
			r->best = pos;
			r->bestc = (int)r->cflag;
			memcpy(r->bestcaps, r->caps, 2 * (r->p->nsub + 1) *
			    sizeof *r->caps);
		}
		return 0;
	}
	++*pcp;
	return 1;
}

/* Backtracks; returns 0 when nothing is left to try. */
static int
backtrack(struct run *r, uint32_t *pcp, long *posp)
{
	while (r->nstk > 0) {
		struct bt *b = &r->stk[--r->nstk];

		switch (b->kind) {
		case BT_BRANCH:
			*pcp = b->idx;
			*posp = b->val;
			return 1;
		case BT_CAP:
			r->caps[b->idx] = b->val;
			break;
		case BT_MARK:
			r->mark[b->idx] = b->val;
			break;
		case BT_FIRST:
			r->first[b->idx] = b->val;
			break;
		case BT_CFLAG:
			r->cflag = b->val;
			break;
		}
	}
	return 0;
}

/* All paths from START; 1 if a match was found, -1 out of memory. */
static int
try_at(struct run *r, size_t start)
{
	uint32_t pc = 0;
	long pos = (long)start;
	size_t i;
	int st;

	for (i = 0; i < 2 * (r->p->nsub + 1); i++)
		r->caps[i] = -1;
	r->caps[0] = pos;
	r->best = -1;
	r->cflag = 0;
	r->nstk = 0;
	for (;;) {
		st = step(r, &pc, &pos);
		if (st < 0)
			return -1;
		if (st > 0)
			continue;
		if (r->best >= 0 && (r->any || ((size_t)r->best ==
		    r->sub->stop && !r->bestc)))
			break;
		if (!backtrack(r, &pc, &pos))
			break;
	}
	return r->best >= 0;
}

/* XXX: the memo is skipped above this many bits (back-references never
   use it); such searches may take exponential time. */
#define RX_MEMO_MAX ((size_t)1 << 28)

static int
run_init(struct run *r, const struct rx_prog *p, const struct rx_subject *sub,
    size_t lo)
{
	size_t ncap = 2 * (p->nsub + 1), nl = p->nloops ? p->nloops : 1;

	memset(r, 0, sizeof *r);
	r->p = p;
	r->sub = sub;
	r->caps = malloc(ncap * sizeof *r->caps);
	r->bestcaps = malloc(ncap * sizeof *r->bestcaps);
	r->mark = calloc(nl, sizeof *r->mark);
	r->first = calloc(nl, sizeof *r->first);
	if (!r->caps || !r->bestcaps || !r->mark || !r->first)
		return -1;
	r->base = lo;
	r->span = sub->stop - lo + 1;
	if (!p->has_bref && p->ninsn <= RX_MEMO_MAX / 2 / r->span) {
		r->memo = calloc((p->ninsn * r->span * 2 + 7) / 8, 1);
		if (r->memo == NULL)
			return -1;
	}
	return 0;
}

static void
run_fini(struct run *r)
{
	free(r->caps);
	free(r->bestcaps);
	free(r->mark);
	free(r->first);
	free(r->stk);
	free(r->memo);
}

long
rx_search(const struct rx_prog *p, const struct rx_subject *sub,
    size_t start, size_t last, lx_regoff_t *caps)
{
	struct run r;
	long ret = -1;
	size_t pos, i;
	int st;

	if (run_init(&r, p, sub, start < last ? start : last) < 0) {
		ret = -2;
		goto out;
	}
	r.any = caps == NULL;
	for (pos = start;; pos = start <= last ? pos + 1 : pos - 1) {
		st = try_at(&r, pos);
		if (st != 0) {
			ret = st < 0 ? -2 : (long)pos;
			break;
		}
		if (pos == last)
			break;
	}
	if (ret >= 0 && caps != NULL) {
		r.bestcaps[1] = r.best;
		for (i = 0; i < 2 * (p->nsub + 1); i++)
			caps[i] = (lx_regoff_t)r.bestcaps[i];
	}
out:
	run_fini(&r);
	return ret;
}
