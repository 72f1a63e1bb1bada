/*
 * GNU regex syntax -> syntax tree, for the shim's own regex engine.
 * Every RE_* syntax bit of glibc is honoured here; the tree is turned
 * into a program for exec.c by emit.c.  Behaviour (which
 * construct is an operator, literal or error, and which REG_* code an
 * error gets) follows glibc 2.36 as observed on tests/regex.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "regex-tree.h"

enum tok {
	T_END, T_CHAR, T_ANY, T_BRACKET, T_STAR, T_PLUS, T_QMARK,
	T_OPEN_DUP, T_CLOSE_DUP, T_OPEN, T_CLOSE, T_ALT, T_BREF,
	T_ASSERT, T_WSET,
};

struct token {
	enum tok type;
	int val;	/* T_CHAR: byte; T_BREF: n; T_ASSERT: kind;
			   T_WSET: 'w', 'W', 's' or 'S' */
	size_t len;	/* bytes of pattern it takes */
};

static int
new_node(struct rx_tree *t, int type, int a, int b)
{
	struct rx_node *n;

	n = rx_grow(t->nodes, &t->cap, t->nnodes, sizeof *n, 32);
	if (n == NULL)
		return -1;
	t->nodes = n;
	n = &t->nodes[t->nnodes];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->a = a;
	n->b = b;
	return (int)t->nnodes++;
}

static int
new_set(struct rx_tree *t, const struct rx_set *s)
{
	struct rx_set *v;

	v = rx_grow(t->sets, &t->setcap, t->nsets, sizeof *v, 16);
	if (v == NULL)
		return -1;
	t->sets = v;
	t->sets[t->nsets] = *s;
	return (int)t->nsets++;
}

static int
peek_byte(const struct rx_parser *ps, size_t at)
{
	return at < ps->len ? ps->pat[at] : -1;
}

/* The token after a backslash at ps->i (the backslash is not last). */
static void
escape_token(const struct rx_parser *ps, struct token *tk)
{
	lx_reg_syntax_t sy = ps->syntax;
	int c = ps->pat[ps->i + 1];

	tk->len = 2;
	tk->type = T_CHAR;
	tk->val = c;
	switch (c) {
	case '|':
		if (!(sy & (LX_RE_LIMITED_OPS | LX_RE_NO_BK_VBAR)))
			tk->type = T_ALT;
		break;
	case '1': case '2': case '3': case '4': case '5':
	case '6': case '7': case '8': case '9':
		if (!(sy & LX_RE_NO_BK_REFS)) {
			tk->type = T_BREF;
			tk->val = c - '0';
		}
		break;
	case '<': case '>': case 'b': case 'B': case '`': case '\'':
		if (sy & LX_RE_NO_GNU_OPS)
			break;
		tk->type = T_ASSERT;
		tk->val = c == '<' ? RX_A_WBEG : c == '>' ? RX_A_WEND :
		    c == 'b' ? RX_A_WORDB : c == 'B' ? RX_A_NWORDB :
		    c == '`' ? RX_A_BUFBEG : RX_A_BUFEND;
		break;
	case 'w': case 'W': case 's': case 'S':
		if (!(sy & LX_RE_NO_GNU_OPS))
			tk->type = T_WSET;
		break;
	case '(':
		if (!(sy & LX_RE_NO_BK_PARENS))
			tk->type = T_OPEN;
		break;
	case ')':
		if (!(sy & LX_RE_NO_BK_PARENS))
			tk->type = T_CLOSE;
		break;
	case '+': case '?':
		if (!(sy & LX_RE_LIMITED_OPS) && (sy & LX_RE_BK_PLUS_QM))
			tk->type = c == '+' ? T_PLUS : T_QMARK;
		break;
	case '{': case '}':
		if ((sy & LX_RE_INTERVALS) && !(sy & LX_RE_NO_BK_BRACES))
			tk->type = c == '{' ? T_OPEN_DUP : T_CLOSE_DUP;
		break;
	}
}

/* Is the token at AT an alternation or a close-group (for '$')? */
static int
alt_or_close_at(const struct rx_parser *ps, size_t at)
{
	lx_reg_syntax_t sy = ps->syntax;
	int c = peek_byte(ps, at), d = peek_byte(ps, at + 1);

	if (c == '\n')
		return (sy & LX_RE_NEWLINE_ALT) != 0;
	if (c == '|')
		return !(sy & LX_RE_LIMITED_OPS) && (sy & LX_RE_NO_BK_VBAR);
	if (c == ')')
		return (sy & LX_RE_NO_BK_PARENS) != 0;
	if (c != '\\')
		return 0;
	if (d == '|')
		return !(sy & (LX_RE_LIMITED_OPS | LX_RE_NO_BK_VBAR));
	if (d == ')')
		return !(sy & LX_RE_NO_BK_PARENS);
	return 0;
}

/*
 * Reads the token at ps->i into tk without consuming it.  CARET_HERE:
 * the token starts a group or an alternative, where '^' anchors.
 */
static int
peek_token(const struct rx_parser *ps, struct token *tk, int caret_here)
{
	lx_reg_syntax_t sy = ps->syntax;
	int c;

	tk->len = 1;
	if (ps->i >= ps->len) {
		tk->type = T_END;
		tk->len = 0;
		return 0;
	}
	c = ps->pat[ps->i];
	tk->type = T_CHAR;
	tk->val = c;
	if (ps->i == ps->brace_lit) {
		/* an invalid interval: its brace is an ordinary char */
		tk->len = c == '\\' ? 2 : 1;
		tk->val = '{';
		return 0;
	}
	switch (c) {
	case '\\':
		if (ps->i + 1 >= ps->len)
			return LX_REG_EESCAPE;
		escape_token(ps, tk);
		break;
	case '\n':
		if (sy & LX_RE_NEWLINE_ALT)
			tk->type = T_ALT;
		break;
	case '|':
		if (!(sy & LX_RE_LIMITED_OPS) && (sy & LX_RE_NO_BK_VBAR))
			tk->type = T_ALT;
		break;
	case '*':
		tk->type = T_STAR;
		break;
	case '+': case '?':
		if (!(sy & (LX_RE_LIMITED_OPS | LX_RE_BK_PLUS_QM)))
			tk->type = c == '+' ? T_PLUS : T_QMARK;
		break;
	case '{': case '}':
		if ((sy & LX_RE_INTERVALS) && (sy & LX_RE_NO_BK_BRACES))
			tk->type = c == '{' ? T_OPEN_DUP : T_CLOSE_DUP;
		break;
	case '(': case ')':
		if (sy & LX_RE_NO_BK_PARENS)
			tk->type = c == '(' ? T_OPEN : T_CLOSE;
		break;
	case '[':
		tk->type = T_BRACKET;
		break;
	case '.':
		tk->type = T_ANY;
		break;
	case '^':
		if (!(sy & LX_RE_CONTEXT_INDEP_ANCHORS) && ps->i != 0 &&
		    !caret_here && !((sy & LX_RE_NEWLINE_ALT) &&
		    ps->pat[ps->i - 1] == '\n'))
			break;
		tk->type = T_ASSERT;
		tk->val = RX_A_BOL;
		break;
	case '$':
		if (!(sy & LX_RE_CONTEXT_INDEP_ANCHORS) &&
		    ps->i + 1 != ps->len && !alt_or_close_at(ps, ps->i + 1))
			break;
		tk->type = T_ASSERT;
		tk->val = RX_A_EOL;
		break;
	}
	return 0;
}

/* A set of one pattern byte C, under translation and case folding. */
static void
char_set(const struct rx_parser *ps, struct rx_set *s, int c)
{
	int b;

	memset(s, 0, sizeof *s);
	for (b = 0; b < 256; b++)
		if (ps->fold[b] == ps->fold[c])
			RX_ADD(s, b);
}

static int
is_word(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

static int
is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static void
wset(const struct rx_parser *ps, struct rx_set *s, int kind)
{
	int b, in;

	memset(s, 0, sizeof *s);
	for (b = 0; b < 256; b++) {
		int f = ps->fold[b];

		in = kind == 'w' || kind == 'W' ? is_word(f) : is_space(f);
		if (in == (kind == 'w' || kind == 's'))
			RX_ADD(s, b);
	}
}

static void
any_set(const struct rx_parser *ps, struct rx_set *s)
{
	memset(s, 0xff, sizeof *s);
	if (!(ps->syntax & LX_RE_DOT_NEWLINE))
		s->bits['\n' >> 5] &= ~(1u << ('\n' & 31));
	if (ps->syntax & LX_RE_DOT_NOT_NULL)
		s->bits[0] &= ~1u;
}

static int
set_node(struct rx_tree *t, const struct rx_set *s)
{
	int si = new_set(t, s), n;

	if (si < 0 || (n = new_node(t, RX_N_SET, -1, -1)) < 0)
		return -1;
	t->nodes[n].val = si;
	return n;
}

/* Parses an interval after its opening token; fills *lo, *hi (-1: inf).
 * Returns 0, an error, or -1: "not an interval, take '{' literally". */
static int
parse_interval(struct rx_parser *ps, int *lo, int *hi)
{
	struct token tk;
	long v[2] = { -1, -1 };
	int k = 0, err, bad = 0;

	for (;;) {
		if ((err = peek_token(ps, &tk, 0)) != 0)
			return err;
		if (tk.type == T_END)
			return (ps->syntax & LX_RE_INVALID_INTERVAL_ORD) ?
			    -1 : LX_REG_EBRACE;
		ps->i += tk.len;
		if (tk.type == T_CLOSE_DUP)
			break;
		if (tk.type == T_CHAR && tk.val == ',' && k == 0) {
			k = 1;
			continue;
		}
		if (tk.type != T_CHAR || tk.val < '0' || tk.val > '9') {
			bad = 1;
			continue;
		}
		if (v[k] < 0)
			v[k] = 0;
		if (v[k] <= LX_RE_DUP_MAX)
			v[k] = v[k] * 10 + tk.val - '0';
	}
	if (k == 0)
		v[1] = v[0];
	if (v[0] < 0 && k == 0)
		bad = 1;
	if (v[0] < 0)
		v[0] = 0;
	if (bad || (v[1] >= 0 && v[0] > v[1]))
		return (ps->syntax & LX_RE_INVALID_INTERVAL_ORD) ?
		    -1 : LX_REG_BADBR;
	if ((v[1] < 0 ? v[0] : v[1]) > LX_RE_DUP_MAX)
		return LX_REG_ESIZE;
	*lo = (int)v[0];
	*hi = (int)v[1];
	return 0;
}

/* Applies one repetition operator TK to node *np. */
static int
parse_dup(struct rx_parser *ps, struct rx_tree *t, int *np,
    const struct token *tk)
{
	size_t save = ps->i;
	int lo = 0, hi = -1, n, err;

	ps->i += tk->len;
	if (tk->type == T_PLUS)
		lo = 1;
	else if (tk->type == T_QMARK)
		hi = 1;
	else if (tk->type == T_OPEN_DUP) {
		err = parse_interval(ps, &lo, &hi);
		if (err == -1) {
			/* RE_INVALID_INTERVAL_ORD: "a{1" is "a\\{1" */
			ps->i = save;
			ps->brace_lit = save;
			return -1;
		}
		if (err)
			return err;
	}
	if ((n = new_node(t, RX_N_REP, *np, -1)) < 0)
		return LX_REG_ESPACE;
	t->nodes[n].lo = lo;
	t->nodes[n].hi = hi;
	*np = n;
	return 0;
}


static int parse_regexp(struct rx_parser *ps, struct rx_tree *t, int nest,
    int *np);

static int
parse_group(struct rx_parser *ps, struct rx_tree *t, int nest, int *np)
{
	struct token tk;
	int idx = (int)++t->nsub, body = -1, err;

	if ((err = peek_token(ps, &tk, 1)) != 0)
		return err;
	if (tk.type == T_CLOSE) {
		if ((body = new_node(t, RX_N_EMPTY, -1, -1)) < 0)
			return LX_REG_ESPACE;
	} else if ((err = parse_regexp(ps, t, nest + 1, &body)) != 0)
		return err;
	if ((err = peek_token(ps, &tk, 0)) != 0)
		return err;
	if (tk.type != T_CLOSE)
		return LX_REG_EPAREN;
	ps->i += tk.len;
	if (idx < RX_MAXREF)
		ps->closed[idx] = 1;
	if ((*np = new_node(t, RX_N_GROUP, body, -1)) < 0)
		return LX_REG_ESPACE;
	t->nodes[*np].val = idx;
	return 0;
}

/* An atom; *is_anchor says that no repetition may follow it. */
/* A bracket of characters (UTF-8 locales). */
static int
mbset_node(struct rx_tree *t, const struct rx_mbset *m)
{
	struct rx_mbset *v;
	int n;

	if (t->nmbsets % 8 == 0) {
		v = realloc(t->mbsets, (t->nmbsets + 8) * sizeof *v);
		if (v == NULL)
			return -1;
		t->mbsets = v;
	}
	t->mbsets[t->nmbsets] = *m;
	if ((n = new_node(t, RX_N_MBSET, -1, -1)) < 0)
		return -1;
	t->nodes[n].val = (int)t->nmbsets++;
	return n;
}

/* A character beyond ASCII in the pattern (UTF-8 locales): one atom,
 * so that "é*" repeats é; REG_ICASE matches its other case too. */
static int
utf8_literal(struct rx_parser *ps, struct rx_tree *t, int *np)
{
	struct rx_mbset m;
	uint32_t wc;
	size_t n = rx_utf8_decode(ps->pat + ps->i, ps->len - ps->i, &wc);

	if (n == 0) {		/* not UTF-8: the byte itself */
		struct rx_set s;

		char_set(ps, &s, ps->pat[ps->i++]);
		return (*np = set_node(t, &s)) < 0 ? LX_REG_ESPACE : 0;
	}
	ps->i += n;
	memset(&m, 0, sizeof m);
	m.icase = (ps->syntax & LX_RE_ICASE) != 0;
	m.nrange = 1;
	m.range[0][0] = m.range[0][1] = wc;
	return (*np = mbset_node(t, &m)) < 0 ? LX_REG_ESPACE : 0;
}

/* A set of the bytes LO..HI. */
static int
range_node(struct rx_tree *t, int lo, int hi)
{
	struct rx_set s;

	memset(&s, 0, sizeof s);
	for (int b = lo; b <= hi; b++)
		RX_ADD(&s, b);
	return set_node(t, &s);
}

/* LEAD followed by N continuation bytes. */
static int
utf8_seq(struct rx_tree *t, int lo, int hi, int n)
{
	int node = range_node(t, lo, hi);

	while (node >= 0 && n-- > 0) {
		int c = range_node(t, 0x80, 0xbf);

		node = c < 0 ? -1 : new_node(t, RX_N_CAT, node, c);
	}
	return node;
}

/*
 * In a UTF-8 locale a set that takes every non-ASCII byte ('.', [^...],
 * \W) stands for characters, as in glibc: its ASCII bytes, or one whole
 * two-, three- or four-byte sequence (a stray continuation byte is no
 * character and does not match).
 * XXX: brackets naming non-ASCII characters are still sets of bytes.
 */
static int
char_node(struct rx_parser *ps, struct rx_tree *t, struct rx_set *s)
{
	static const int lead[3][2] = { { 0xc2, 0xdf }, { 0xe0, 0xef },
	    { 0xf0, 0xf4 } };
	int node;

	for (int b = 0x80; b < 0x100; b++)
		if (!ps->utf8 || !RX_HAS(s, b))
			return set_node(t, s);
	for (int b = 0x80; b < 0x100; b++)
		s->bits[b >> 5] &= ~(1u << (b & 31));
	node = set_node(t, s);
	for (int k = 0; k < 3 && node >= 0; k++) {
		int seq = utf8_seq(t, lead[k][0], lead[k][1], k + 1);

		node = seq < 0 ? -1 : new_node(t, RX_N_ALT, node, seq);
	}
	return node;
}

static int
parse_atom(struct rx_parser *ps, struct rx_tree *t, int nest,
    struct token *tk, int *np, int *is_anchor)
{
	lx_reg_syntax_t sy = ps->syntax;
	struct rx_set s;
	int err;

	*is_anchor = 0;
	switch (tk->type) {
	case T_OPEN:
		ps->i += tk->len;
		return parse_group(ps, t, nest, np);
	case T_BRACKET:
		ps->i += tk->len;
		if ((err = rx_parse_bracket(ps, &s)) != 0)
			return err;
		if (ps->utf8 && ps->mb_used)
			return (*np = mbset_node(t, &ps->mb)) < 0 ?
			    LX_REG_ESPACE : 0;
		break;
	case T_ANY:
		ps->i += tk->len;
		any_set(ps, &s);
		break;
	case T_WSET:
		ps->i += tk->len;
		wset(ps, &s, tk->val);
		/* UTF-8: other characters count as word characters (glibc
		 * asks iswalnum; XXX: non-ASCII symbols are words here) */
		if (ps->utf8 && (tk->val == 'w' || tk->val == 'W')) {
			/* [[:alnum:]_] and its complement, per character */
			struct rx_mbset m;

			memset(&m, 0, sizeof m);
			wset(ps, &m.ascii, tk->val);
			for (int b = 0x80; b < 0x100; b++)
				m.ascii.bits[b >> 5] &= ~(1u << (b & 31));
			m.neg = tk->val == 'W';
			m.nclass = 1;
			m.classes[0] = wctype("alnum");
			return (*np = mbset_node(t, &m)) < 0 ?
			    LX_REG_ESPACE : 0;
		}
		break;
	case T_BREF:
		if (tk->val >= RX_MAXREF || !ps->closed[tk->val])
			return LX_REG_ESUBREG;
		ps->i += tk->len;
		if ((*np = new_node(t, RX_N_BREF, -1, -1)) < 0)
			return LX_REG_ESPACE;
		t->nodes[*np].val = tk->val;
		t->has_bref = 1;
		return 0;
	case T_ASSERT:
		ps->i += tk->len;
		*is_anchor = 1;
		if ((*np = new_node(t, RX_N_ASSERT, -1, -1)) < 0)
			return LX_REG_ESPACE;
		t->nodes[*np].val = tk->val;
		return 0;
	case T_CLOSE:
		if (!(sy & LX_RE_UNMATCHED_RIGHT_PAREN_ORD))
			return LX_REG_ERPAREN;
		/* fall through */
	default:		/* T_CHAR, T_CLOSE_DUP, literal operators */
		if (ps->utf8 && tk->type == T_CHAR && tk->val >= 0x80 &&
		    tk->len == 1)
			return utf8_literal(ps, t, np);
		ps->i += tk->len;
		char_set(ps, &s, tk->type == T_CLOSE ? ')' :
		    tk->type == T_CLOSE_DUP ? '}' : tk->val);
		break;
	}
	return (*np = char_node(ps, t, &s)) < 0 ? LX_REG_ESPACE : 0;
}

static int
is_dup(enum tok ty)
{
	return ty == T_STAR || ty == T_PLUS || ty == T_QMARK ||
	    ty == T_OPEN_DUP;
}

/*
 * One expression: an atom and its repetitions.  A repetition operator
 * with nothing before it is an error, skipped or a literal, per syntax.
 */
static int
parse_expression(struct rx_parser *ps, struct rx_tree *t, int nest, int *np)
{
	lx_reg_syntax_t sy = ps->syntax;
	struct token tk;
	int err, anchor;

	if ((err = peek_token(ps, &tk, ps->caret_here)) != 0)
		return err;
	ps->caret_here = 0;
	while (is_dup(tk.type)) {
		if (tk.type == T_OPEN_DUP && (sy & LX_RE_CONTEXT_INVALID_DUP))
			return LX_REG_BADRPT;
		if (sy & LX_RE_CONTEXT_INVALID_OPS)
			return LX_REG_BADRPT;
		if (!(sy & LX_RE_CONTEXT_INDEP_OPS)) {
			tk.type = T_CHAR;
			tk.val = ps->pat[ps->i + tk.len - 1];
			break;
		}
		ps->i += tk.len;
		if ((err = peek_token(ps, &tk, 0)) != 0)
			return err;
		if (tk.type == T_END || tk.type == T_ALT ||
		    (tk.type == T_CLOSE && nest > 0))
			return (*np = new_node(t, RX_N_EMPTY, -1, -1)) < 0 ?
			    LX_REG_ESPACE : 0;
	}
	if ((err = parse_atom(ps, t, nest, &tk, np, &anchor)) != 0)
		return err;
	if (anchor)
		return 0;
	for (;;) {
		if ((err = peek_token(ps, &tk, 0)) != 0)
			return err;
		if (!is_dup(tk.type))
			return 0;
		err = parse_dup(ps, t, np, &tk);
		if (err == -1)
			return 0;	/* literal '{': next expression */
		if (err)
			return err;
		if ((err = peek_token(ps, &tk, 0)) != 0)
			return err;
		if ((sy & LX_RE_CONTEXT_INVALID_DUP) &&
		    (tk.type == T_STAR || tk.type == T_OPEN_DUP))
			return LX_REG_BADRPT;
	}
}

static int
parse_branch(struct rx_parser *ps, struct rx_tree *t, int nest, int *np)
{
	struct token tk;
	int err, e;

	*np = -1;
	for (;;) {
		if ((err = peek_token(ps, &tk, ps->caret_here)) != 0)
			return err;
		if (tk.type == T_END || tk.type == T_ALT ||
		    (tk.type == T_CLOSE && nest > 0))
			break;
		if ((err = parse_expression(ps, t, nest, &e)) != 0)
			return err;
		if (*np < 0)
			*np = e;
		else if ((*np = new_node(t, RX_N_CAT, *np, e)) < 0)
			return LX_REG_ESPACE;
	}
	if (*np < 0 && (*np = new_node(t, RX_N_EMPTY, -1, -1)) < 0)
		return LX_REG_ESPACE;
	return 0;
}

static int
parse_regexp(struct rx_parser *ps, struct rx_tree *t, int nest, int *np)
{
	unsigned char initial[RX_MAXREF], all[RX_MAXREF];
	struct token tk;
	int err, b, k;

	/* A back-reference sees only groups closed before it in its own
	   alternative (or before the alternation). */
	memcpy(initial, ps->closed, sizeof initial);
	ps->caret_here = 1;
	if ((err = parse_branch(ps, t, nest, np)) != 0)
		return err;
	for (;;) {
		if ((err = peek_token(ps, &tk, 0)) != 0)
			return err;
		if (tk.type != T_ALT)
			return 0;
		ps->i += tk.len;
		ps->caret_here = 1;
		memcpy(all, ps->closed, sizeof all);
		memcpy(ps->closed, initial, sizeof initial);
		err = parse_branch(ps, t, nest, &b);
		for (k = 0; k < RX_MAXREF; k++)
			ps->closed[k] |= all[k];
		if (err != 0)
			return err;
		if ((*np = new_node(t, RX_N_ALT, *np, b)) < 0)
			return LX_REG_ESPACE;
	}
}

int
rx_parse(struct rx_parser *ps, struct rx_tree *t)
{
	struct token tk;
	int err;

	if ((err = parse_regexp(ps, t, 0, &t->root)) != 0)
		return err;
	if ((err = peek_token(ps, &tk, 0)) != 0)
		return err;
	if (tk.type == T_CLOSE)
		return LX_REG_ERPAREN;
	return tk.type == T_END ? 0 : LX_REG_BADPAT;
}
