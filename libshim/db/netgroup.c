/*
 * Netgroups from /etc/netgroup (glibc's "files" source, through the
 * reroot), which musl lacks: setnetgrent/getnetgrent(_r)/endnetgrent and
 * innetgr. A line is "group member...", continued by a trailing
 * backslash; a member is a "(host,user,domain)" triple, whose empty
 * fields are wildcards (NULL), or the name of another group, visited once
 * (the last one named first, as glibc does).
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx/dbs.h"
#include "shim/gnu.h"

struct name {
	struct name *next;
	char text[];
};

/* A walk over a group and the groups it names. */
struct walk {
	char *data;		/* members of the current group */
	char *cursor;
	bool first;		/* nothing read from it yet */
	struct name *known, *needed;
};

enum member { M_END, M_TRIPLE, M_GROUP, M_ERANGE };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct walk cur;
static char *getnetgrent_buf;

/* Append N bytes of S to the malloc'd string *BUF of length *LEN. */
static bool append(char **buf, size_t *len, const char *s, size_t n)
{
	char *p = realloc(*buf, *len + n + 1);

	if (!p)
		return false;
	memcpy(p + *len, s, n);
	*len += n;
	p[*len] = 0;
	*buf = p;
	return true;
}

/* The members of GROUP as one string (continuations joined by a space),
 * or NULL when the file or the group is missing. */
static char *load_group(const char *group)
{
	size_t glen = strlen(group), cap = 0, len = 0;
	char *line = NULL, *out = NULL;
	bool found = false;
	ssize_t n;
	FILE *f;

	if (!glen || !(f = LX_PATHCALL(fopen)(LX_PATH_NETGROUP, "re")))
		return NULL;
	while (!found && (n = getline(&line, &cap, f)) >= 0) {
		found = (size_t)n > glen && !strncmp(line, group, glen) &&
			isspace((unsigned char)line[glen]);
		if (found && !append(&out, &len, line + glen + 1,
				     n - glen - 1))
			goto fail;
		while (n > 1 && line[n - 1] == '\n' && line[n - 2] == '\\') {
			if (found)
				out[len -= 2] = 0;
			if ((n = getline(&line, &cap, f)) <= 0)
				break;
			if (found && (!append(&out, &len, " ", 1) ||
				      !append(&out, &len, line, n)))
				goto fail;
		}
	}
	free(line);
	fclose(f);
	if (found && !out)
		out = strdup("");
	return found ? out : NULL;
fail:
	free(line);
	free(out);
	fclose(f);
	return NULL;
}

/* S without its leading and trailing white space, NULL when empty. */
static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return *s ? s : NULL;
}

/*
 * The next member at W's cursor: a group name (*VAL[0], pointing into
 * W's data) or a triple copied into BUF. An unterminated triple ends
 * the group.
 */
static enum member next_member(struct walk *w, char **val, char *buf,
	size_t len)
{
	char *p = w->cursor, *start, *comma1, *comma2;

	if (!p)
		return M_END;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '(') {
		start = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p == start)
			return M_END;
		if (*p)
			*p++ = 0;
		w->cursor = p;
		w->first = false;
		val[0] = start;
		return M_GROUP;
	}
	start = ++p;
	if (!(comma1 = strchr(p, ',')) || !(comma2 = strchr(comma1 + 1, ',')) ||
	    !(p = strchr(comma2 + 1, ')')))
		return M_END;
	if ((size_t)(p + 1 - start) > len)
		return M_ERANGE;
	memcpy(buf, start, p + 1 - start);
	buf[comma1 - start] = buf[comma2 - start] = buf[p - start] = 0;
	val[0] = trim(buf);
	val[1] = trim(buf + (comma1 + 1 - start));
	val[2] = trim(buf + (comma2 + 1 - start));
	w->cursor = p + 1;
	w->first = false;
	return M_TRIPLE;
}

static bool listed(const struct name *l, const char *s)
{
	for (; l; l = l->next)
		if (!strcmp(l->text, s))
			return true;
	return false;
}

static bool push(struct name **l, const char *s)
{
	size_t n = strlen(s) + 1;
	struct name *e = malloc(sizeof *e + n);

	if (!e)
		return false;
	memcpy(e->text, s, n);
	e->next = *l;
	*l = e;
	return true;
}

static void free_names(struct name *l)
{
	while (l) {
		struct name *next = l->next;

		free(l);
		l = next;
	}
}

static void walk_end(struct walk *w)
{
	free(w->data);
	free_names(w->known);
	free_names(w->needed);
	memset(w, 0, sizeof *w);
}

/* Make GROUP W's current group. */
static bool walk_open(struct walk *w, const char *group)
{
	char *data = load_group(group);

	if (!data)
		return false;
	free(w->data);
	w->data = w->cursor = data;
	w->first = true;
	return push(&w->known, group);
}

/* Move on to the next group named but not yet visited. */
static bool walk_next_group(struct walk *w)
{
	while (w->needed) {
		struct name *e = w->needed;

		w->needed = e->next;
		e->next = w->known;
		w->known = e;
		if (walk_open(w, e->text))
			return true;
	}
	return false;
}

/*
 * The next triple of the walk into VAL, or M_END / M_ERANGE; a group
 * named is queued once (SKIP: a name never to queue).
 */
static enum member walk_triple(struct walk *w, char **val, char *buf,
	size_t len, const char *skip)
{
	enum member m;

	for (;;) {
		m = w->data ? next_member(w, val, buf, len) : M_END;
		if (m == M_TRIPLE || m == M_ERANGE)
			return m;
		if (m == M_GROUP) {
			if (!listed(w->known, val[0]) &&
			    !listed(w->needed, val[0]) &&
			    (!skip || strcmp(skip, val[0])) &&
			    !push(&w->needed, val[0]))
				return M_END;
			continue;
		}
		if (!walk_next_group(w))
			return M_END;
	}
}

int lx_setnetgrent(const char *group)
{
	int r;

	pthread_mutex_lock(&lock);
	walk_end(&cur);
	r = walk_open(&cur, group);
	pthread_mutex_unlock(&lock);
	return r;
}

void lx_endnetgrent(void)
{
	pthread_mutex_lock(&lock);
	walk_end(&cur);
	pthread_mutex_unlock(&lock);
}

int lx_getnetgrent_r(char **host, char **user, char **domain, char *buf,
	size_t len)
{
	char *val[3];
	enum member m;

	pthread_mutex_lock(&lock);
	m = walk_triple(&cur, val, buf, len, NULL);
	pthread_mutex_unlock(&lock);
	if (m == M_ERANGE)
		errno = ERANGE;
	if (m != M_TRIPLE)
		return 0;
	*host = val[0];
	*user = val[1];
	*domain = val[2];
	return 1;
}

int lx_getnetgrent(char **host, char **user, char **domain)
{
	if (!getnetgrent_buf && !(getnetgrent_buf = malloc(1024)))
		return 0;
	return lx_getnetgrent_r(host, user, domain, getnetgrent_buf, 1024);
}

/* A triple field matches the wanted value: either one missing, or equal
 * (ignoring case for host and domain names). */
static bool field_ok(const char *have, const char *want, bool icase)
{
	if (!have || !want)
		return true;
	return icase ? !strcasecmp(have, want) : !strcmp(have, want);
}

int lx_innetgr(const char *group, const char *host, const char *user,
	const char *domain)
{
	struct walk w = { 0 };
	char buf[1024], *val[3];
	int r = 0;

	if (!walk_open(&w, group) && !walk_next_group(&w))
		goto out;
	while (walk_triple(&w, val, buf, sizeof buf, group) == M_TRIPLE)
		if (field_ok(val[0], host, true) &&
		    field_ok(val[1], user, false) &&
		    field_ok(val[2], domain, true)) {
			r = 1;
			break;
		}
out:
	walk_end(&w);
	return r;
}
