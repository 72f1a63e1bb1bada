/*
 * glob(3) with glibc's flags over musl's glob. glob_t has glibc's size on
 * both sides (the callbacks of GLOB_ALTDIRFUNC are glibc-only). musl does
 * the POSIX flags, GLOB_TILDE and GLOB_TILDE_CHECK; GLOB_BRACE is expanded
 * here into several calls with GLOB_APPEND, GLOB_NOMAGIC and GLOB_MAGCHAR
 * are computed here, GLOB_ONLYDIR is a hint glibc allows to ignore, and
 * GLOB_PERIOD is refused by name. Also glob_pattern_p.
 * XXX: GLOB_ALTDIRFUNC's callbacks are not called; the real file system
 * is read instead (GNU make's callbacks are a cache of it).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/loader.h"

#define LX_GLOB_POSIX		0x7f	/* ERR..NOESCAPE: same bits in musl */
#define LX_GLOB_PERIOD		0x80
#define LX_GLOB_MAGCHAR		0x100
#define LX_GLOB_ALTDIRFUNC	0x200
#define LX_GLOB_BRACE		0x400
#define LX_GLOB_NOMAGIC		0x800
#define LX_GLOB_TILDE		0x1000
#define LX_GLOB_ONLYDIR		0x2000
#define LX_GLOB_TILDE_CHECK	0x4000
#define LX_GLOB_NOSPACE		1
#define LX_GLOB_NOMATCH		3

struct lx_glob {
	size_t gl_pathc;
	char **gl_pathv;
	size_t gl_offs;
	int gl_flags;
	void (*gl_closedir)(void *);
	void *(*gl_readdir)(void *);
	void *(*gl_opendir)(const char *);
	int (*gl_lstat)(const char *, void *);
	int (*gl_stat)(const char *, void *);
};
_Static_assert(sizeof(struct lx_glob) == 72, "glibc glob_t");
_Static_assert(sizeof(glob_t) <= sizeof(struct lx_glob), "musl glob_t fits");

typedef int (*errfn)(const char *, int);

static bool has_magic(const char *p, bool noescape)
{
	for (; *p; p++) {
		if (*p == '\\' && !noescape && p[1])
			p++;
		else if (*p == '*' || *p == '?' || *p == '[')
			return true;
	}
	return false;
}

/* The first top-level {a,b} of P: *open and *close, false if none. */
static bool find_brace(const char *p, const char **open, const char **close)
{
	int depth = 0;

	*open = NULL;
	for (const char *s = p; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
		} else if (*s == '{') {
			if (!depth++)
				*open = s;
		} else if (*s == '}' && depth && !--depth) {
			*close = s;
			return true;
		}
	}
	return false;
}

static int one(const char *pat, int flags, errfn err, struct lx_glob *g,
	bool *any);

/* Expand the first brace of PAT into each alternative, in order. */
static int brace(const char *pat, int flags, errfn err, struct lx_glob *g,
	bool *any)
{
	const char *open, *close, *alt;
	size_t pre, post;
	int r = 0;

	if (!find_brace(pat, &open, &close))
		return one(pat, flags, err, g, any);
	pre = open - pat;
	post = strlen(close + 1);
	for (alt = open + 1; alt <= close && (!r || r == LX_GLOB_NOMATCH);) {
		const char *end = alt;
		int depth = 0;

		for (; end < close && (depth || *end != ','); end++) {
			if (*end == '\\' && end + 1 < close)
				end++;
			else if (*end == '{')
				depth++;
			else if (*end == '}')
				depth--;
		}
		char *sub = malloc(pre + (end - alt) + post + 1);

		if (!sub)
			return LX_GLOB_NOSPACE;
		memcpy(sub, pat, pre);
		memcpy(sub + pre, alt, end - alt);
		memcpy(sub + pre + (end - alt), close + 1, post + 1);
		r = brace(sub, flags, err, g, any);
		free(sub);
		flags |= GLOB_APPEND;
		alt = end + 1;
	}
	return r == LX_GLOB_NOMATCH ? 0 : r;
}

static int one(const char *pat, int flags, errfn err, struct lx_glob *g,
	bool *any)
{
	int mflags = (flags & (LX_GLOB_POSIX | LX_GLOB_TILDE |
		LX_GLOB_TILDE_CHECK)) & ~GLOB_NOCHECK;
	size_t before = (flags & GLOB_APPEND) ? g->gl_pathc : 0;
	int r;

	if (has_magic(pat, flags & GLOB_NOESCAPE))
		g->gl_flags |= LX_GLOB_MAGCHAR;
	r = glob(pat, mflags, err, (glob_t *)g);
	if (r == GLOB_NOMATCH)
		r = LX_GLOB_NOMATCH;
	if (!r && g->gl_pathc > before)
		*any = true;
	return r;
}

int lx_glob(const char *pat, int flags, errfn err, struct lx_glob *g)
{
	bool any = false;
	int r;

	if (flags & LX_GLOB_PERIOD) {
		shim_msg("glob: unsupported flag GLOB_PERIOD");
		return LX_GLOB_NOSPACE;
	}
	if (!(flags & GLOB_APPEND)) {
		g->gl_pathc = 0;
		g->gl_pathv = NULL;
	}
	g->gl_flags = flags & ~LX_GLOB_MAGCHAR;
	flags &= ~LX_GLOB_ALTDIRFUNC;
	r = (flags & LX_GLOB_BRACE) ? brace(pat, flags, err, g, &any) :
		one(pat, flags, err, g, &any);
	if (r == LX_GLOB_NOMATCH || (!r && !any)) {
		bool nomagic = (flags & LX_GLOB_NOMAGIC) &&
			!(g->gl_flags & LX_GLOB_MAGCHAR);

		if (!(flags & GLOB_NOCHECK) && !nomagic)
			return LX_GLOB_NOMATCH;
		/* Return the pattern itself, as glibc does. */
		r = glob(pat, (flags & (LX_GLOB_POSIX & ~GLOB_ERR)) |
			GLOB_NOCHECK | GLOB_APPEND | GLOB_NOESCAPE, NULL,
			(glob_t *)g);
		if (r == GLOB_NOMATCH)
			r = LX_GLOB_NOMATCH;
	}
	return r;
}

void lx_globfree(struct lx_glob *g)
{
	globfree((glob_t *)g);
}

/*
 * glob_pattern_p: 1 when PAT has a wildcard glob would expand: an
 * unquoted '*' or '?', or a ']' somewhere after a '['. With QUOTE, a
 * backslash takes the next character literally (and is itself literal
 * at the end).
 */
int lx_glob_pattern_p(const char *pat, int quote)
{
	bool open = false;

	for (; *pat; pat++) {
		switch (*pat) {
		case '*':
		case '?':
			return 1;
		case '\\':
			if (quote && pat[1])
				pat++;
			break;
		case '[':
			open = true;
			break;
		case ']':
			if (open)
				return 1;
			break;
		}
	}
	return 0;
}
