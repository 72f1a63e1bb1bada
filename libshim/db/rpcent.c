/*
 * The ONC RPC program-number database (/etc/rpc, through the reroot),
 * which musl lacks: getrpcent/getrpcbyname/getrpcbynumber with glibc's
 * struct rpcent, as ss and lsof use it. Lines are "name number aliases...",
 * '#' starts a comment. Results live in a static entry, as glibc's do.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/gnu.h"

struct lx_rpcent {
	char *r_name;
	char **r_aliases;
	int r_number;
};

#define MAX_ALIASES 35

static FILE *db;
static bool keep_open;
static char line[1024];
static char *aliases[MAX_ALIASES + 1];
static struct lx_rpcent ent;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static bool open_db(void)
{
	if (!db)
		db = LX_PATHCALL(fopen)("/etc/rpc", "re");
	return db != NULL;
}

/* The next well-formed entry of the file, or NULL. */
static struct lx_rpcent *next_entry(void)
{
	while (fgets(line, sizeof line, db)) {
		char *save, *name, *num, *end, *a;
		size_t n = 0;
		long v;

		line[strcspn(line, "#\n")] = 0;
		if (!(name = strtok_r(line, " \t", &save)) ||
		    !(num = strtok_r(NULL, " \t", &save)))
			continue;
		v = strtol(num, &end, 10);
		if (*end || end == num)
			continue;
		while (n < MAX_ALIASES && (a = strtok_r(NULL, " \t", &save)))
			aliases[n++] = a;
		aliases[n] = NULL;
		ent.r_name = name;
		ent.r_aliases = aliases;
		ent.r_number = (int)v;
		return &ent;
	}
	return NULL;
}

void lx_setrpcent(int stayopen)
{
	pthread_mutex_lock(&lock);
	if (db)
		rewind(db);
	keep_open |= stayopen != 0;
	pthread_mutex_unlock(&lock);
}

void lx_endrpcent(void)
{
	pthread_mutex_lock(&lock);
	if (db)
		fclose(db);
	db = NULL;
	keep_open = false;
	pthread_mutex_unlock(&lock);
}

struct lx_rpcent *lx_getrpcent(void)
{
	struct lx_rpcent *e;

	pthread_mutex_lock(&lock);
	e = open_db() ? next_entry() : NULL;
	pthread_mutex_unlock(&lock);
	return e;
}

/* Search the whole file for the first entry MATCH accepts. */
static struct lx_rpcent *search(bool (*match)(const struct lx_rpcent *,
	const void *), const void *key)
{
	struct lx_rpcent *e = NULL;

	pthread_mutex_lock(&lock);
	if (open_db()) {
		rewind(db);
		while ((e = next_entry()) && !match(e, key))
			;
		if (!keep_open) {
			fclose(db);
			db = NULL;
		}
	}
	pthread_mutex_unlock(&lock);
	return e;
}

static bool by_name(const struct lx_rpcent *e, const void *key)
{
	if (!strcmp(e->r_name, key))
		return true;
	for (char **a = e->r_aliases; *a; a++)
		if (!strcmp(*a, key))
			return true;
	return false;
}

static bool by_number(const struct lx_rpcent *e, const void *key)
{
	return e->r_number == *(const int *)key;
}

struct lx_rpcent *lx_getrpcbyname(const char *name)
{
	return search(by_name, name);
}

struct lx_rpcent *lx_getrpcbynumber(int number)
{
	return search(by_number, &number);
}
