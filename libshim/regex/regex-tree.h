/*
 * The syntax tree shared by the regex parser (parse.c,
 * bracket.c) and the program emitter (emit.c).
 */
#ifndef LX_REGEX_TREE_H
#define LX_REGEX_TREE_H

#include "regex-int.h"

enum rx_ntype {
	RX_N_EMPTY, RX_N_SET, RX_N_CAT, RX_N_ALT, RX_N_REP, RX_N_GROUP,
	RX_N_BREF, RX_N_ASSERT, RX_N_MBSET,
};

struct rx_node {
	int type;
	int a, b;	/* children (-1: none) */
	int lo, hi;	/* RX_N_REP: bounds, hi -1 for no limit */
	int val;	/* set index, group number, back-reference, assert */
};

struct rx_tree {
	struct rx_node *nodes;
	size_t nnodes, cap;
	struct rx_set *sets;
	size_t nsets, setcap;
	struct rx_mbset *mbsets;
	size_t nmbsets;
	size_t nsub;
	int root;
	int has_bref;
};

#define RX_MAXREF 10

struct rx_parser {
	const unsigned char *pat;
	size_t len, i;
	lx_reg_syntax_t syntax;
	const unsigned char *fold;
	int caret_here;
	size_t brace_lit;	/* a '{' to take literally; else -1 */
	int utf8;		/* the locale's characters are UTF-8 */
	struct rx_mbset mb;	/* the last bracket's characters (utf8) */
	int mb_used;		/* it needs them: classes, non-ASCII, [^ */
	unsigned char closed[RX_MAXREF];	/* groups closed so far */
};

int rx_parse(struct rx_parser *ps, struct rx_tree *t);
int rx_parse_bracket(struct rx_parser *ps, struct rx_set *out);


#endif
