/*
 * glibc's fnmatch.  musl's flag values are glibc's, but musl lacks
 * FNM_EXTMATCH (ksh pattern lists: ?(..) *(..) +(..) @(..) !(..)) and
 * differs from glibc on FNM_CASEFOLD with bracket classes, on a trailing
 * backslash and on an unterminated range, so every pattern is matched
 * here by a backtracking matcher; single bracket expressions (classes,
 * ranges, collating elements) are handed to musl's fnmatch.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdbool.h>
#include <string.h>

#define LX_FNM_PATHNAME	(1 << 0)
#define LX_FNM_NOESCAPE	(1 << 1)
#define LX_FNM_PERIOD	(1 << 2)
#define LX_FNM_LEADING_DIR	(1 << 3)
#define LX_FNM_CASEFOLD	(1 << 4)
#define LX_FNM_EXTMATCH	(1 << 5)
#define LX_FNM_NOMATCH	1

_Static_assert(FNM_PATHNAME == LX_FNM_PATHNAME, "fnmatch flags");
_Static_assert(FNM_NOESCAPE == LX_FNM_NOESCAPE, "fnmatch flags");
_Static_assert(FNM_PERIOD == LX_FNM_PERIOD, "fnmatch flags");
_Static_assert(FNM_LEADING_DIR == LX_FNM_LEADING_DIR, "fnmatch flags");
_Static_assert(FNM_CASEFOLD == LX_FNM_CASEFOLD, "fnmatch flags");

int lx_fnmatch(const char *pattern, const char *string, int flags);

struct fnm {
	const char *base;	/* the whole string */
	int flags;
	int depth;
};

static bool match(struct fnm *m, const char *p, const char *pe,
    const char *s, const char *se, bool whole);

static bool
leading(const struct fnm *m, const char *s)
{
	if (!(m->flags & LX_FNM_PERIOD) || *s != '.')
		return false;
	return s == m->base ||
	    ((m->flags & LX_FNM_PATHNAME) && s[-1] == '/');
}

static const char *group_end(const struct fnm *m, const char *p,
    const char *pe);

static bool
is_ext(const struct fnm *m, const char *p, const char *pe)
{
	return (m->flags & LX_FNM_EXTMATCH) && p + 1 < pe && p[1] == '(' &&
	    strchr("?*+@!", *p) != NULL && group_end(m, p + 1, pe) != NULL;
}

/* An unterminated bracket cut in a range ("[a-"): glibc fails the match. */
static bool
range_cut(const char *p, const char *pe)
{
	const char *q = p + 1;

	if (q < pe && (*q == '!' || *q == '^'))
		q++;
	return pe - q >= 2 && pe[-1] == '-';
}

/* End of the bracket expression at p ('['), or NULL if it is not one. */
static const char *
bracket_end(const struct fnm *m, const char *p, const char *pe)
{
	const char *q = p + 1;

	if (q < pe && (*q == '!' || *q == '^'))
		q++;
	if (q < pe && *q == ']')
		q++;
	for (; q < pe && *q != ']'; q++) {
		if (*q == '\\' && !(m->flags & LX_FNM_NOESCAPE) && q + 1 < pe)
			q++;
		else if (*q == '[' && q + 1 < pe && strchr(":=.", q[1])) {
			const char *c = q + 2;
			while (c + 1 < pe && !(c[0] == q[1] && c[1] == ']'))
				c++;
			if (c + 1 >= pe)
				return NULL;
			q = c + 1;
		}
	}
	return q < pe ? q : NULL;
}

/* End of a pattern list starting at p ('(' ), or NULL when unbalanced. */
static const char *
group_end(const struct fnm *m, const char *p, const char *pe)
{
	int level = 0;
	const char *b;

	for (; p < pe; p++) {
		if (*p == '\\' && !(m->flags & LX_FNM_NOESCAPE) && p + 1 < pe)
			p++;
		else if (*p == '[' && (b = bracket_end(m, p, pe)) != NULL)
			p = b;
		else if (*p == '(')
			level++;
		else if (*p == ')' && --level == 0)
			return p;
	}
	return NULL;
}

/* Does one character at s match the bracket expression p..b? */
static bool
bracket(const struct fnm *m, const char *p, const char *b, const char *s)
{
	char pat[256], ch[2] = { *s, 0 };
	size_t n = (size_t)(b - p + 1);
	bool fold = m->flags & LX_FNM_CASEFOLD, cls = false;

	if (n >= sizeof pat)
		return false;
	if ((m->flags & LX_FNM_PATHNAME) && *s == '/')
		return false;
	if (leading(m, s))
		return false;
	/* CASEFOLD: glibc folds the character and the range ends, not the
	 * classes ([[:upper:]] never matches then). */
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '[' && i + 1 < n && p[i + 1] == ':')
			cls = true;
		else if (p[i] == ':' && i + 1 < n && p[i + 1] == ']')
			cls = false;
		pat[i] = fold && !cls ? (char)tolower((unsigned char)p[i]) :
		    p[i];
	}
	pat[n] = 0;
	if (fold)
		ch[0] = (char)tolower((unsigned char)ch[0]);
	return fnmatch(pat, ch, m->flags & LX_FNM_NOESCAPE) == 0;
}

/* The alternatives of the pattern list p..e ('(' .. ')'), at most 32. */
static int
split(const struct fnm *m, const char *p, const char *e, const char **alt)
{
	int n = 0, level = 0;
	const char *b;

	/* glibc does not honour backslashes here: "@(\\|)" has two
	 * alternatives. */
	alt[n++] = p + 1;
	for (p++; p < e; p++) {
		if (*p == '[' && (b = bracket_end(m, p, e)) != NULL)
			p = b;
		else if (*p == '(')
			level++;
		else if (*p == ')')
			level--;
		else if (*p == '|' && level == 0 && n < 32)
			alt[n++] = p + 1;
	}
	alt[n] = e + 1;
	return n;
}

static bool
any_alt(struct fnm *m, const char **alt, int n, const char *s,
    const char *se)
{
	for (int i = 0; i < n; i++)
		if (match(m, alt[i], alt[i + 1] - 1, s, se, true))
			return true;
	return false;
}

/* s..se is a sequence of at least one (plus) or zero or more matches. */
static bool
repeat(struct fnm *m, const char **alt, int n, const char *s,
    const char *se, bool plus)
{
	if (!plus && s == se)
		return true;
	for (const char *j = plus ? s : s + 1; j <= se; j++)
		if (any_alt(m, alt, n, s, j) &&
		    repeat(m, alt, n, j, se, false))
			return true;
	return false;
}

static bool
ext(struct fnm *m, const char *p, const char *pe, const char *s,
    const char *se, bool whole)
{
	const char *alt[34], *e = group_end(m, p + 1, pe);
	char op = *p;
	int n;

	if (e == NULL)
		return false;
	n = split(m, p + 1, e, alt);
	for (const char *k = s; k <= se; k++) {
		bool ok;

		if (op == '@')
			ok = any_alt(m, alt, n, s, k);
		else if (op == '?')
			ok = k == s || any_alt(m, alt, n, s, k);
		else if (op == '!')
			ok = !any_alt(m, alt, n, s, k) &&
			    !((m->flags & LX_FNM_PATHNAME) &&
			    memchr(s, '/', (size_t)(k - s)));
		else
			ok = repeat(m, alt, n, s, k, op == '+');
		if (ok && match(m, e + 1, pe, k, se, whole))
			return true;
	}
	return false;
}

static bool
star(struct fnm *m, const char *p, const char *pe, const char *s,
    const char *se, bool whole)
{
	while (p < pe && *p == '*' && !is_ext(m, p, pe))
		p++;
	if (s < se && leading(m, s))
		return false;
	for (const char *k = s; k <= se; k++) {
		if (match(m, p, pe, k, se, whole))
			return true;
		if (k < se && *k == '/' && (m->flags & LX_FNM_PATHNAME))
			break;
	}
	return false;
}

static bool
same(const struct fnm *m, char a, char b)
{
	if (m->flags & LX_FNM_CASEFOLD)
		return tolower((unsigned char)a) == tolower((unsigned char)b);
	return a == b;
}

static bool
rest_ok(const struct fnm *m, const char *s, const char *se, bool whole)
{
	if (s == se)
		return true;
	return whole && (m->flags & LX_FNM_LEADING_DIR) && *s == '/';
}

/* Does p..pe match s..se?  whole: the outermost level (LEADING_DIR). */
static bool
match(struct fnm *m, const char *p, const char *pe, const char *s,
    const char *se, bool whole)
{
	const char *b;

	if (++m->depth > 10000) {
		m->depth--;
		return false;
	}
	for (; p < pe; p++) {
		if (is_ext(m, p, pe)) {
			bool r = ext(m, p, pe, s, se, whole);
			m->depth--;
			return r;
		}
		if (*p == '*') {
			bool r = star(m, p, pe, s, se, whole);
			m->depth--;
			return r;
		}
		if (s == se)
			goto fail;
		if (*p == '?') {
			if (((m->flags & LX_FNM_PATHNAME) && *s == '/') ||
			    leading(m, s))
				goto fail;
		} else if (*p == '[' && (b = bracket_end(m, p, pe))) {
			if (!bracket(m, p, b, s))
				goto fail;
			p = b;
		} else if (*p == '[' && range_cut(p, pe)) {
			goto fail;
		} else {
			if (*p == '\\' && !(m->flags & LX_FNM_NOESCAPE) &&
			    ++p == pe)
				goto fail;
			if (!same(m, *p, *s))
				goto fail;
		}
		s++;
	}
	m->depth--;
	return rest_ok(m, s, se, whole);
fail:
	m->depth--;
	return false;
}

int
lx_fnmatch(const char *pattern, const char *string, int flags)
{
	struct fnm m = { string, flags, 0 };

	return match(&m, pattern, pattern + strlen(pattern), string,
	    string + strlen(string), true) ? 0 : LX_FNM_NOMATCH;
}
