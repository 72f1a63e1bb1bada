/*
 * The mail alias database /etc/aliases (glibc's "files" source, through
 * the reroot), which musl lacks: set/get/endaliasent, getaliasbyname and
 * their _r forms over glibc's struct aliasent. An entry is "name: member,
 * member", continued on lines that start with white space; '#' ends a
 * line; ":include:FILE" members are replaced by the members FILE lists.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx/dbs.h"
#include "shim/gnu.h"

/* One parsed entry: its name and members, each NUL-terminated, in TEXT. */
struct parsed {
	char *text;
	size_t len, cap;
	size_t members;
};

enum { FOUND, NONE, NOMEM };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *db;

static bool add_string(struct parsed *e, const char *s, size_t n)
{
	if (e->len + n + 1 > e->cap) {
		size_t cap = (e->len + n + 1) * 2;
		char *t = realloc(e->text, cap);

		if (!t)
			return false;
		e->text = t;
		e->cap = cap;
	}
	memcpy(e->text + e->len, s, n);
	e->text[e->len + n] = 0;
	e->len += n + 1;
	return true;
}

/* Cut LINE at the first '#' or newline. */
static void cut(char *line)
{
	line[strcspn(line, "#\n")] = 0;
}

/* Every member of the comma-separated lists in the lines of file PATH. */
static bool add_included(struct parsed *e, const char *path)
{
	FILE *f = LX_PATHCALL(fopen)(path, "re");
	char *line = NULL;
	size_t cap = 0;
	bool ok = true;

	if (!f)
		return true;
	while (ok && getline(&line, &cap, f) >= 0) {
		char *p = line;

		cut(line);
		do {
			size_t n;

			while (isspace((unsigned char)*p))
				p++;
			n = strcspn(p, ",");
			if (n && !(ok = add_string(e, p, n)))
				break;
			e->members += n != 0;
			p += n + (p[n] != 0);
		} while (*p);
	}
	free(line);
	fclose(f);
	return ok;
}

/* The members listed in P (the rest of a line): false when out of
 * memory. */
static bool add_members(struct parsed *e, char *p)
{
	for (;;) {
		size_t n;

		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			return true;
		n = strcspn(p, ",");
		if (n) {
			char save = p[n];

			p[n] = 0;
			if (!strncmp(p, ":include:", 9)) {
				if (!add_included(e, p + 9))
					return false;
			} else if (add_string(e, p, n)) {
				e->members++;
			} else {
				return false;
			}
			p[n] = save;
		}
		p += n + (p[n] != 0);
	}
}

/* Whether the next line continues the entry (starts with white space
 * other than a newline); the character is put back otherwise. */
static bool continued(FILE *f)
{
	int c = getc(f);

	if (c == EOF || c == '\n' || !isspace(c)) {
		if (c != EOF)
			ungetc(c, f);
		return false;
	}
	return true;
}

/*
 * The next entry of F with at least one member (named MATCH, ignoring
 * case, when MATCH is given) into E.
 */
static int next_alias(FILE *f, const char *match, struct parsed *e)
{
	bool skipping = false;
	char *line = NULL, *p;
	size_t cap = 0, n;
	int r = NONE;

	while (getline(&line, &cap, f) >= 0) {
		if (skipping && isspace((unsigned char)line[0]))
			continue;
		cut(line);
		for (p = line; isspace((unsigned char)*p); p++)
			;
		n = strcspn(p, ":");
		if (!p[n] || !n)
			continue;
		skipping = match && strncasecmp(p, match, n) | match[n];
		if (skipping)
			continue;
		e->len = e->members = 0;
		if (!add_string(e, p, n))
			goto nomem;
		for (p += n + 1;; p = line) {
			if (!add_members(e, p))
				goto nomem;
			if (!continued(f))
				break;
			if (getline(&line, &cap, f) < 0)
				line[0] = 0;
			cut(line);
		}
		if (e->members) {
			r = FOUND;
			break;
		}
		skipping = false;
	}
	free(line);
	return r;
nomem:
	free(line);
	return NOMEM;
}

/* Lay E out in BUF as glibc does: the strings, then the member array. */
static int pack(const struct parsed *e, struct lx_aliasent *res, char *buf,
	size_t len)
{
	size_t at = (e->len + alignof(char *) - 1) & ~(alignof(char *) - 1);
	char *s;

	if (at + e->members * sizeof(char *) > len)
		return ERANGE;
	memcpy(buf, e->text, e->len);
	res->alias_name = buf;
	res->alias_members_len = e->members;
	res->alias_members = (char **)(buf + at);
	res->alias_local = 1;
	s = buf;
	for (size_t i = 0; i < e->members; i++)
		res->alias_members[i] = s = s + strlen(s) + 1;
	return 0;
}

void lx_setaliasent(void)
{
	pthread_mutex_lock(&lock);
	if (db)
		rewind(db);
	else
		db = LX_PATHCALL(fopen)(LX_PATH_ALIASES, "re");
	pthread_mutex_unlock(&lock);
}

void lx_endaliasent(void)
{
	pthread_mutex_lock(&lock);
	if (db)
		fclose(db);
	db = NULL;
	pthread_mutex_unlock(&lock);
}

int lx_getaliasent_r(struct lx_aliasent *res, char *buf, size_t len,
	struct lx_aliasent **out)
{
	struct parsed e = { 0 };
	int r = ENOENT;
	long at;

	*out = NULL;
	pthread_mutex_lock(&lock);
	if (!db && !(db = LX_PATHCALL(fopen)(LX_PATH_ALIASES, "re"))) {
		r = errno;
		goto out;
	}
	at = ftell(db);
	switch (next_alias(db, NULL, &e)) {
	case FOUND:
		if ((r = pack(&e, res, buf, len)) == 0)
			*out = res;
		else
			fseek(db, at, SEEK_SET);
		break;
	case NOMEM:
		r = ENOMEM;
		break;
	}
out:
	pthread_mutex_unlock(&lock);
	free(e.text);
	errno = r;
	return r;
}

int lx_getaliasbyname_r(const char *name, struct lx_aliasent *res,
	char *buf, size_t len, struct lx_aliasent **out)
{
	struct parsed e = { 0 };
	int r = 0;
	FILE *f;

	*out = NULL;
	if (!(f = LX_PATHCALL(fopen)(LX_PATH_ALIASES, "re")))
		return errno;
	switch (next_alias(f, name, &e)) {
	case FOUND:
		if ((r = pack(&e, res, buf, len)) == 0)
			*out = res;
		break;
	case NOMEM:
		r = ENOMEM;
		break;
	}
	fclose(f);
	free(e.text);
	errno = r;
	return r;
}

/* The non-reentrant forms: a static buffer grown until the entry fits. */
static struct lx_aliasent *grow_call(const char *name, char **buf,
	size_t *len, struct lx_aliasent *res)
{
	struct lx_aliasent *out = NULL;
	int r;

	for (;;) {
		if (*len == 0 || !*buf) {
			*len = 1024;
			if (!(*buf = malloc(*len)))
				return NULL;
		}
		r = name ? lx_getaliasbyname_r(name, res, *buf, *len, &out) :
			lx_getaliasent_r(res, *buf, *len, &out);
		if (r != ERANGE)
			return out;
		char *b = realloc(*buf, *len * 2);
		if (!b)
			return NULL;
		*buf = b;
		*len *= 2;
	}
}

struct lx_aliasent *lx_getaliasent(void)
{
	static struct lx_aliasent res;
	static char *buf;
	static size_t len;

	return grow_call(NULL, &buf, &len, &res);
}

struct lx_aliasent *lx_getaliasbyname(const char *name)
{
	static struct lx_aliasent res;
	static char *buf;
	static size_t len;

	return grow_call(name, &buf, &len, &res);
}
