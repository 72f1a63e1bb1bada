/*
 * ld.so.conf: one directory per line, "#" starts a comment, and
 * "include PATTERN" reads the files a glob pattern names (relative to the
 * including file's directory unless absolute). Compiled into the
 * interpreter (musl, static-pie) and into shim-check (glibc), so it uses
 * the C library alone, and the caller's open function for the reroot.
 *
 * The contents are not trusted: lines are read into a fixed buffer (a
 * longer line is read as several, see XXX below), includes nest at most
 * LDCONF_MAX_DEPTH deep, which also ends an include loop, and whatever is
 * not understood is skipped.
 */
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/ldconf.h"

/* Append the directory DIR to C->dirs; on no memory, nothing. */
static void add_dir(struct ldconf *c, const char *dir)
{
	size_t n = strlen(dir);
	char *p = realloc(c->dirs, c->len + n + 2);

	if (!p)
		return;
	c->dirs = p;
	if (c->len)
		c->dirs[c->len++] = ':';
	memcpy(c->dirs + c->len, dir, n);
	c->len += n;
	c->dirs[c->len] = 0;
}

static void read_file(struct ldconf *c, const char *path, int depth);

/*
 * "include ARG" of the file FOUND (the prefix's copy if IN_PREFIX): an
 * absolute ARG is looked up where FOUND came from, a relative one beside
 * FOUND. The files the glob finds are read as the guest names them.
 */
static void include(struct ldconf *c, const char *arg, const char *found,
	bool in_prefix, int depth)
{
	char pat[PATH_MAX];
	size_t skip = in_prefix && c->prefix ? strlen(c->prefix) : 0;
	glob_t g;

	if (arg[0] == '/') {
		snprintf(pat, sizeof pat, "%s%s", skip ? c->prefix : "", arg);
	} else {
		const char *sl = strrchr(found, '/');
		int dl = sl ? (int)(sl - found + 1) : 0;

		snprintf(pat, sizeof pat, "%.*s%s", dl, found, arg);
	}
	if (glob(pat, 0, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc; i++)
		if (strlen(g.gl_pathv[i]) >= skip)
			read_file(c, g.gl_pathv[i] + skip, depth + 1);
	globfree(&g);
}

static void read_file(struct ldconf *c, const char *path, int depth)
{
	char found[PATH_MAX], line[PATH_MAX];
	bool in_prefix = false;
	FILE *f;
	int fd;

	if (depth > LDCONF_MAX_DEPTH ||
	    (fd = c->open(path, found, sizeof found, &in_prefix)) < 0)
		return;
	if (!(f = fdopen(fd, "r"))) {
		close(fd);
		return;
	}
	/* XXX: a line longer than the buffer is read as several lines, the
	   first PATH_MAX - 1 bytes and then the rest. */
	while (fgets(line, sizeof line, f)) {
		char *s = line, *e;

		line[strcspn(line, "#\n")] = 0;
		s += strspn(s, " \t");
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = 0;
		if (!strncmp(s, "include", 7) && (s[7] == ' ' || s[7] == '\t'))
			include(c, s + 8 + strspn(s + 8, " \t"), found,
				in_prefix, depth);
		else if (s[0] == '/')
			add_dir(c, s);
	}
	fclose(f);
}

void ldconf_read(struct ldconf *c, const char *path)
{
	read_file(c, path, 0);
}
