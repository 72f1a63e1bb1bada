/*
 * Internals of the shim's own GNU regex engine (libshim/regex*.c): the
 * compiled program that hangs off regex_t.buffer, the parser entry point
 * (parse.c) and the backtracking matcher (exec.c).
 */
#ifndef LX_REGEX_INT_H
#define LX_REGEX_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <lx/regex.h>

enum rx_op {
	RX_SET,		/* x: set index; consumes one byte in the set */
	RX_SPLIT,	/* try x first, then y */
	RX_JMP,		/* goto x */
	RX_SAVE,	/* slot x := pos */
	RX_ASSERT,	/* x: enum rx_assert */
	RX_BREF,	/* x: group number */
	RX_LOOPINIT,	/* loop x: first iteration pending */
	RX_MARK,	/* loop x: iteration starts here */
	RX_LOOPCHK,	/* loop x ends; y: loop head */
	RX_MATCH,
	RX_MBSET,	/* x: mbset index; consumes one UTF-8 character */
};

enum rx_assert {
	RX_A_BOL, RX_A_EOL, RX_A_BUFBEG, RX_A_BUFEND,
	RX_A_WORDB, RX_A_NWORDB, RX_A_WBEG, RX_A_WEND,
};

struct rx_insn {
	uint8_t op;
	int32_t x;
	int32_t y;
};

struct rx_set {
	uint32_t bits[8];
};

#define RX_MB_CLASSES	12
#define RX_MB_RANGES	64

/* A bracket expression in a UTF-8 locale: ASCII bytes by the set (the
 * negation applied), other characters by class and range. */
struct rx_mbset {
	struct rx_set ascii;
	int neg, icase;
	unsigned nclass, nrange;
	unsigned long classes[RX_MB_CLASSES];	/* wctype_t */
	uint32_t range[RX_MB_RANGES][2];
};

/* The compiled pattern; regex_t.buffer points at one. */
struct rx_prog {
	uint32_t magic;
	uint32_t ninsn;
	uint32_t nsets;
	uint32_t nloops;
	size_t nsub;
	int has_bref;
	int utf8;		/* compiled in a UTF-8 locale */
	struct rx_insn *insn;
	struct rx_set *sets;
	struct rx_mbset *mbsets;
	uint32_t nmbsets;
	unsigned char fold[256];	/* translate + case folding */
};

#define RX_MAGIC 0x52784c78u

/*
 * Room for element N of the array V, which holds *CAP elements of SIZE
 * bytes: V itself while N < *CAP, else V reallocated to twice *CAP (FIRST
 * when empty) and *CAP updated; NULL when realloc fails, V then intact.
 */
static inline void *
rx_grow(void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t c;

	if (n < *cap)
		return v;
	c = *cap ? *cap * 2 : first;
	if ((v = realloc(v, c * size)) != NULL)
		*cap = c;
	return v;
}

/* Context of one match attempt. */
struct rx_subject {
	const unsigned char *s;
	size_t len;		/* context: where $ and \' look */
	size_t stop;		/* no byte at or past stop is consumed */
	int not_bol, not_eol, nl_anchor;
	int utf8;		/* bytes >= 0x80 belong to word characters */
};

/* Compiles PAT[0..LEN) under SYNTAX; returns an LX_REG_* code. */
int rx_compile(struct rx_prog **out, const char *pat, size_t len,
    lx_reg_syntax_t syntax, const unsigned char *translate);
void rx_free(struct rx_prog *p);
/* Decodes one UTF-8 character of S[0..N): its length, 0 if invalid. */
size_t rx_utf8_decode(const unsigned char *s, size_t n, uint32_t *wc);

/*
 * Tries start positions START, then towards LAST (inclusive, either
 * direction).  Returns the match start, -1 for no match, -2 out of
 * memory.  CAPS gets 2 * (nsub + 1) offsets (-1 if unset).
 */
long rx_search(const struct rx_prog *p, const struct rx_subject *sub,
    size_t start, size_t last, lx_regoff_t *caps);

/* First bytes a match can start with; returns 1 if it can be empty. */
int rx_fastmap(const struct rx_prog *p, char *map);

#define RX_TEST(set, c) (((set)->bits[(c) >> 5] >> ((c) & 31)) & 1)
#define RX_ADD(set, c) ((set)->bits[(c) >> 5] |= 1u << ((c) & 31))
#define RX_HAS(set, c) (((set)->bits[(c) >> 5] >> ((c) & 31)) & 1u)

#endif
