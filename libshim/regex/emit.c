/*
 * Syntax tree -> backtracking program for the shim's GNU regex engine,
 * plus rx_compile (the parser's driver) and the fastmap computation.
 * Alternatives and repetitions become SPLITs whose first target is the
 * preferred path; counted repetitions are unrolled.
 */
#include <stdlib.h>
#include <string.h>

#include "regex-tree.h"

struct emitter {
	const struct rx_tree *t;
	struct rx_insn *insn;
	size_t n, cap;
	uint32_t nloops;
	int oom;
};

#define RX_MAX_INSN (1u << 24)

static int
emit(struct emitter *em, int op, int32_t x, int32_t y)
{
	struct rx_insn *v;

	if (em->n >= RX_MAX_INSN || (v = rx_grow(em->insn, &em->cap, em->n,
	    sizeof *v, 64)) == NULL) {
		em->oom = 1;
		return (int)em->n;
	}
	em->insn = v;
	em->insn[em->n].op = (uint8_t)op;
	em->insn[em->n].x = x;
	em->insn[em->n].y = y;
	return (int)em->n++;
}

static void emit_node(struct emitter *em, int ni);

/* body* where body may match the empty string or contain groups. */
static void
emit_star(struct emitter *em, int body)
{
	const struct rx_node *b = &em->t->nodes[body];
	int k, head, split, chk;

	if (b->type == RX_N_SET || b->type == RX_N_MBSET) {
		head = emit(em, RX_SPLIT, 0, 0);
		emit_node(em, body);
		emit(em, RX_JMP, head, 0);
		if (!em->oom) {
			em->insn[head].x = head + 1;
			em->insn[head].y = (int32_t)em->n;
		}
		return;
	}
	k = (int)em->nloops++;
	emit(em, RX_LOOPINIT, k, 0);
	split = emit(em, RX_SPLIT, 0, 0);
	emit(em, RX_MARK, k, 0);
	emit_node(em, body);
	chk = emit(em, RX_LOOPCHK, k, split);
	if (!em->oom) {
		em->insn[split].x = split + 1;
		em->insn[split].y = chk + 1;
	}
}

static void
emit_rep(struct emitter *em, const struct rx_node *nd)
{
	int i, *fix, nfix = 0;

	for (i = 0; i < nd->lo && !em->oom; i++)
		emit_node(em, nd->a);
	if (nd->hi < 0) {
		emit_star(em, nd->a);
		return;
	}
	if (nd->hi == nd->lo)
		return;
	fix = malloc((size_t)(nd->hi - nd->lo) * sizeof *fix);
	if (fix == NULL) {
		em->oom = 1;
		return;
	}
	for (i = nd->lo; i < nd->hi && !em->oom; i++) {
		fix[nfix++] = emit(em, RX_SPLIT, 0, 0);
		if (!em->oom)
			em->insn[fix[nfix - 1]].x = (int32_t)em->n;
		emit_node(em, nd->a);
	}
	for (i = 0; i < nfix && !em->oom; i++)
		em->insn[fix[i]].y = (int32_t)em->n;
	free(fix);
}

static void
emit_node(struct emitter *em, int ni)
{
	const struct rx_node *nd = &em->t->nodes[ni];
	int split, jmp;

	if (em->oom)
		return;
	switch (nd->type) {
	case RX_N_EMPTY:
		break;
	case RX_N_SET:
		emit(em, RX_SET, nd->val, 0);
		break;
	case RX_N_MBSET:
		emit(em, RX_MBSET, nd->val, 0);
		break;
	case RX_N_CAT:
		emit_node(em, nd->a);
		emit_node(em, nd->b);
		break;
	case RX_N_ALT:
		split = emit(em, RX_SPLIT, 0, 0);
		emit_node(em, nd->a);
		jmp = emit(em, RX_JMP, 0, 0);
		if (em->oom)
			break;
		em->insn[split].x = split + 1;
		em->insn[split].y = jmp + 1;
		emit_node(em, nd->b);
		if (!em->oom)
			em->insn[jmp].x = (int32_t)em->n;
		break;
	case RX_N_REP:
		emit_rep(em, nd);
		break;
	case RX_N_GROUP:
		emit(em, RX_SAVE, 2 * nd->val, 0);
		emit_node(em, nd->a);
		emit(em, RX_SAVE, 2 * nd->val + 1, 0);
		break;
	case RX_N_BREF:
		emit(em, RX_BREF, nd->val, 0);
		break;
	case RX_N_ASSERT:
		emit(em, RX_ASSERT, nd->val, 0);
		break;
	}
}

static void
make_fold(unsigned char *fold, lx_reg_syntax_t syntax,
    const unsigned char *translate)
{
	int c;

	for (c = 0; c < 256; c++) {
		int f = translate != NULL ? translate[c] : c;
		if ((syntax & LX_RE_ICASE) && f >= 'a' && f <= 'z')
			f -= 'a' - 'A';
		fold[c] = (unsigned char)f;
	}
}

int
rx_compile(struct rx_prog **out, const char *pat, size_t len,
    lx_reg_syntax_t syntax, const unsigned char *translate)
{
	struct rx_tree t;
	struct rx_parser ps;
	struct emitter em;
	struct rx_prog *p;
	int err;

	memset(&t, 0, sizeof t);
	memset(&ps, 0, sizeof ps);
	memset(&em, 0, sizeof em);
	if ((p = calloc(1, sizeof *p)) == NULL)
		return LX_REG_ESPACE;
	make_fold(p->fold, syntax, translate);
	ps.pat = (const unsigned char *)pat;
	ps.len = len;
	ps.syntax = syntax;
	ps.fold = p->fold;
	ps.brace_lit = (size_t)-1;
	ps.utf8 = MB_CUR_MAX > 1;	/* musl: every multibyte locale */
	if ((err = rx_parse(&ps, &t)) != 0)
		goto fail;
	em.t = &t;
	emit_node(&em, t.root);
	emit(&em, RX_MATCH, 0, 0);
	err = LX_REG_ESPACE;
	if (em.oom)
		goto fail;
	p->magic = RX_MAGIC;
	p->insn = em.insn;
	p->ninsn = (uint32_t)em.n;
	p->sets = t.sets;
	p->mbsets = t.mbsets;
	p->nmbsets = (uint32_t)t.nmbsets;
	p->nsets = (uint32_t)t.nsets;
	p->nloops = em.nloops;
	p->nsub = t.nsub;
	p->has_bref = t.has_bref;
	p->utf8 = ps.utf8;
	free(t.nodes);
	*out = p;
	return 0;
fail:
	free(em.insn);
	free(t.nodes);
	free(t.sets);
	free(t.mbsets);
	free(p);
	return err;
}

void
rx_free(struct rx_prog *p)
{
	if (p == NULL || p->magic != RX_MAGIC)
		return;
	p->magic = 0;
	free(p->insn);
	free(p->sets);
	free(p->mbsets);
	free(p);
}

/* Marks in MAP every byte a match can begin with; 1 if it can be empty. */
int
rx_fastmap(const struct rx_prog *p, char *map)
{
	unsigned char *seen;
	uint32_t *work, nw = 0, pc;
	int empty = 0, c;

	seen = calloc(p->ninsn, 1);
	work = malloc(p->ninsn * sizeof *work);
	if (seen == NULL || work == NULL) {
		empty = 1;
		goto out;
	}
	memset(map, 0, 256);
	work[nw++] = 0;
	seen[0] = 1;
	while (nw > 0 && !empty) {
		const struct rx_insn *in = &p->insn[pc = work[--nw]];
		uint32_t next[2] = { pc + 1, UINT32_MAX };

		switch (in->op) {
		case RX_SET:
			for (c = 0; c < 256; c++)
				if (RX_TEST(&p->sets[in->x], c))
					map[c] = 1;
			continue;
		case RX_MBSET:	/* its ASCII bytes, any lead byte */
			for (c = 0; c < 256; c++)
				if (c >= 0xc2 ? c <= 0xf4 :
				    RX_TEST(&p->mbsets[in->x].ascii, c))
					map[c] = 1;
			continue;
		case RX_MATCH:
		case RX_BREF:	/* may be empty: give up */
			empty = 1;
			continue;
		case RX_SPLIT:
			next[0] = (uint32_t)in->x;
			next[1] = (uint32_t)in->y;
			break;
		case RX_JMP:
			next[0] = (uint32_t)in->x;
			break;
		case RX_LOOPCHK:
			next[1] = (uint32_t)in->y;
			break;
		}
		for (c = 0; c < 2; c++)
			if (next[c] != UINT32_MAX && !seen[next[c]]) {
				seen[next[c]] = 1;
				work[nw++] = next[c];
			}
	}
out:
	if (empty)
		memset(map, 1, 256);
	free(seen);
	free(work);
	return empty;
}
