/*
 * Bracket expressions ([...]) of the shim's GNU regex parser: ranges,
 * character classes, equivalence classes and collating symbols in the
 * C locale, with glibc's error codes.  The set is built in the folded
 * (translated, case-folded) byte space, then mapped back to raw bytes.
 */
#include <string.h>

#include "regex-tree.h"

enum { E_CHAR, E_CLASS, E_EQUIV, E_COLL };

struct elem {
	int kind;
	int c;			/* E_CHAR, E_EQUIV, E_COLL */
	const unsigned char *name;	/* E_CLASS */
	size_t nlen;
};

static int
class_has(const char *name, int c)
{
	int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
	int dig = c >= '0' && c <= '9';
	int graph = c > ' ' && c < 0x7f;

	if (!strcmp(name, "alpha"))
		return up || lo;
	if (!strcmp(name, "upper"))
		return up;
	if (!strcmp(name, "lower"))
		return lo;
	if (!strcmp(name, "digit"))
		return dig;
	if (!strcmp(name, "alnum"))
		return up || lo || dig;
	if (!strcmp(name, "xdigit"))
		return dig || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	if (!strcmp(name, "space"))
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (!strcmp(name, "blank"))
		return c == ' ' || c == '\t';
	if (!strcmp(name, "print"))
		return graph || c == ' ';
	if (!strcmp(name, "graph"))
		return graph;
	if (!strcmp(name, "punct"))
		return graph && !(up || lo || dig);
	if (!strcmp(name, "cntrl"))
		return c < ' ' || c == 0x7f;
	return -1;
}

static int
add_class(const struct rx_parser *ps, struct rx_set *r,
    const struct elem *e)
{
	char name[16];
	int c;

	if (e->nlen >= sizeof name)
		return LX_REG_ECTYPE;
	memcpy(name, e->name, e->nlen);
	name[e->nlen] = '\0';
	if ((ps->syntax & LX_RE_ICASE) &&
	    (!strcmp(name, "upper") || !strcmp(name, "lower")))
		strcpy(name, "alpha");
	if (class_has(name, 'a') < 0)
		return LX_REG_ECTYPE;
	for (c = 0; c < 256; c++)
		if (class_has(name, c) > 0)
			RX_ADD(r, c);
	return 0;
}

/* Reads one element at ps->i; ACCEPT_HYPHEN: a bare '-' is fine here. */
static int
get_elem(struct rx_parser *ps, struct elem *e, int accept_hyphen)
{
	const unsigned char *p = ps->pat;
	size_t i = ps->i, j;
	int d;

	if (i >= ps->len)
		return LX_REG_EBRACK;
	e->kind = E_CHAR;
	e->c = p[i];
	if (p[i] == '[' && i + 1 < ps->len && (p[i + 1] == '.' ||
	    p[i + 1] == '=' || (p[i + 1] == ':' &&
	    (ps->syntax & LX_RE_CHAR_CLASSES)))) {
		d = p[i + 1];
		for (j = i + 2; j + 1 < ps->len; j++)
			if (p[j] == d && p[j + 1] == ']')
				break;
		if (j + 1 >= ps->len)
			return LX_REG_EBRACK;
		e->name = p + i + 2;
		e->nlen = j - (i + 2);
		ps->i = j + 2;
		if (d == ':') {
			e->kind = E_CLASS;
			return 0;
		}
		if (e->nlen != 1)
			return LX_REG_ECOLLATE;
		e->kind = d == '=' ? E_EQUIV : E_COLL;
		e->c = e->name[0];
		return 0;
	}
	if (p[i] == '\\' && (ps->syntax & LX_RE_BACKSLASH_ESCAPE_IN_LISTS) &&
	    i + 1 < ps->len) {
		e->c = p[i + 1];
		ps->i = i + 2;
		return 0;
	}
	if (p[i] == '-' && !accept_hyphen &&
	    (i + 1 >= ps->len || p[i + 1] != ']'))
		return i + 1 >= ps->len ? LX_REG_EBRACK : LX_REG_ERANGE;
	ps->i = i + 1;
	return 0;
}

static int
add_range(const struct rx_parser *ps, struct rx_set *r,
    const struct elem *lo, const struct elem *hi)
{
	int a, b, c;

	if (lo->kind == E_CLASS || lo->kind == E_EQUIV ||
	    hi->kind == E_CLASS || hi->kind == E_EQUIV)
		return LX_REG_ERANGE;
	a = ps->fold[lo->c];
	b = ps->fold[hi->c];
	if (a > b && (ps->syntax & LX_RE_NO_EMPTY_RANGES))
		return LX_REG_ERANGE;
	for (c = a; c <= b; c++)
		RX_ADD(r, c);
	return 0;
}

static int
add_elems(struct rx_parser *ps, struct rx_set *r)
{
	struct elem e, hi;
	int first = 1, err;

	for (;;) {
		if (ps->i >= ps->len)
			return LX_REG_EBRACK;
		if (ps->pat[ps->i] == ']' && !first) {
			ps->i++;
			return 0;
		}
		if ((err = get_elem(ps, &e, first)) != 0)
			return err;
		first = 0;
		if (ps->i + 1 < ps->len && ps->pat[ps->i] == '-' &&
		    ps->pat[ps->i + 1] != ']') {
			ps->i++;
			if ((err = get_elem(ps, &hi, 1)) != 0)
				return err;
			if ((err = add_range(ps, r, &e, &hi)) != 0)
				return err;
			continue;
		}
		if (e.kind == E_CLASS) {
			if ((err = add_class(ps, r, &e)) != 0)
				return err;
		} else
			RX_ADD(r, ps->fold[e.c]);
	}
}

/* Parses a bracket expression whose '[' has been read. */
int
rx_parse_bracket(struct rx_parser *ps, struct rx_set *out)
{
	struct rx_set r;
	int neg = 0, err, b;

	memset(&r, 0, sizeof r);
	if (ps->i < ps->len && ps->pat[ps->i] == '^') {
		neg = 1;
		ps->i++;
	}
	if (ps->i >= ps->len)
		return LX_REG_BADPAT;	/* "[" or "[^" ends the pattern */
	if ((err = add_elems(ps, &r)) != 0)
		return err;
	memset(out, 0, sizeof *out);
	for (b = 0; b < 256; b++)
		if ((int)RX_TEST(&r, ps->fold[b]) != neg)
			RX_ADD(out, b);
	if (neg && (ps->syntax & LX_RE_HAT_LISTS_NOT_NEWLINE))
		out->bits['\n' >> 5] &= ~(1u << ('\n' & 31));
	return 0;
}
