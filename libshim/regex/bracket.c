/*
 * Bracket expressions ([...]) of the shim's GNU regex parser: ranges,
 * character classes, equivalence classes and collating symbols in the
 * C locale, with glibc's error codes.  The set is built in the folded
 * (translated, case-folded) byte space, then mapped back to raw bytes.
 * In a UTF-8 locale the characters beyond ASCII a bracket names (by
 * class or literally) go to ps->mb, matched per character; a range with
 * a non-ASCII end is an error there, as in glibc's C.UTF-8.
 */
#include <string.h>
#include <wctype.h>

#include "regex-tree.h"

enum { E_CHAR, E_CLASS, E_EQUIV, E_COLL, E_WCHAR };

struct elem {
	int kind;
	int c;			/* E_CHAR, E_EQUIV, E_COLL; E_WCHAR: the
				   character (UTF-8 locales) */
	const unsigned char *name;	/* E_CLASS */
	size_t nlen;
};

size_t
rx_utf8_decode(const unsigned char *s, size_t n, uint32_t *wc)
{
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*wc = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*wc = c;
	return len;
}

static int
mb_range(struct rx_parser *ps, uint32_t lo, uint32_t hi)
{
	if (ps->mb.nrange == RX_MB_RANGES)
		return LX_REG_ESPACE;
	ps->mb.range[ps->mb.nrange][0] = lo;
	ps->mb.range[ps->mb.nrange][1] = hi;
	ps->mb.nrange++;
	ps->mb_used = 1;
	return 0;
}

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
add_class(struct rx_parser *ps, struct rx_set *r,
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
	if (ps->utf8 && ps->mb.nclass < RX_MB_CLASSES) {
		ps->mb.classes[ps->mb.nclass++] = wctype(name);
		ps->mb_used = 1;
	}
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
	if (ps->utf8 && p[i] >= 0x80) {
		uint32_t wc;
		size_t n = rx_utf8_decode(p + i, ps->len - i, &wc);

		if (n > 0) {
			e->kind = E_WCHAR;
			e->c = (int)wc;
			ps->i = i + n;
			return 0;
		}
	}
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
	/* glibc's C.UTF-8 collates no range beyond ASCII */
	if (lo->kind == E_WCHAR || hi->kind == E_WCHAR)
		return LX_REG_ECOLLATE;
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
		} else if (e.kind == E_WCHAR) {
			if ((err = mb_range(ps, (uint32_t)e.c,
			    (uint32_t)e.c)) != 0)
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
	memset(&ps->mb, 0, sizeof ps->mb);
	ps->mb_used = 0;
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
	if (ps->utf8 && ps->mb_used) {
		ps->mb.ascii = *out;
		for (b = 0x80; b < 0x100; b++)
			ps->mb.ascii.bits[b >> 5] &= ~(1u << (b & 31));
		ps->mb.neg = neg;
		ps->mb.icase = (ps->syntax & LX_RE_ICASE) != 0;
	}
	return 0;
}
