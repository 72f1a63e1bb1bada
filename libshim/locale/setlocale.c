/*
 * glibc's setlocale over musl's. musl accepts any locale name (and makes
 * every one but C a UTF-8 locale) and names categories its own way; glibc
 * accepts a name only when that locale is installed (LOCPATH, the
 * directories under /usr/lib/locale, or the locale archive), returns NULL
 * with ENOENT otherwise and leaves the locale alone, and reports back the
 * names it was given: per category, with its composite
 * "LC_CTYPE=...;LC_NUMERIC=..." form for LC_ALL when they differ. Programs
 * test those names (coreutils' hard_locale(), Perl's and Python's locale
 * set-up), so the names kept here are glibc's, and musl only gets the
 * categories it has.
 * XXX: a non-UTF-8 codeset (en_US.ISO-8859-1) is still UTF-8 in musl.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shim/gnu.h"

#define NCAT		13	/* glibc's categories: 0..12, LC_ALL is 6 */
#define CAT_ALL		6
#define NAME_MAX_LEN	256

static const char *const catnames[NCAT] = {
	"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
	"LC_MESSAGES", "LC_ALL", "LC_PAPER", "LC_NAME", "LC_ADDRESS",
	"LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION",
};

static char names[NCAT][NAME_MAX_LEN] = {
	"C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C",
};
static char composite[NCAT * (NAME_MAX_LEN + 20)];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int lx_open(const char *path, int flags, ...);

/* glibc's form of a codeset in file names: "UTF-8" is "utf8". */
static void normalize(const char *name, char *out, size_t n)
{
	const char *dot = strchr(name, '.'), *at;
	size_t k;

	snprintf(out, n, "%s", name);
	if (!dot)
		return;
	at = strchr(dot, '@');
	k = dot + 1 - name;
	for (const char *p = dot + 1; *p && p != at && k + 1 < n; p++)
		if ((*p >= '0' && *p <= '9') ||
		    ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
			out[k++] = (*p >= 'A' && *p <= 'Z') ? *p | 32 : *p;
	snprintf(out + k, n - k, "%s", at ? at : "");
}

/* Whether the locale archive holds NAME (its name hash table, read as
 * glibc's locarchive.h lays it out: header words 2..4 give the table's
 * offset and size, each entry is {hash, name offset, record offset}). */
static int in_archive(const char *name)
{
	int fd = lx_open("/usr/lib/locale/locale-archive", O_RDONLY |
		O_CLOEXEC);
	struct stat st;
	const uint32_t *h, *ent;
	const char *base;
	int found = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) || st.st_size < 64 ||
	    (base = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) ==
	    MAP_FAILED) {
		close(fd);
		return 0;
	}
	close(fd);
	h = (const uint32_t *)base;
	if (h[0] == 0xde020109 && h[2] < (uint64_t)st.st_size &&
	    (uint64_t)h[2] + 12ull * h[4] <= (uint64_t)st.st_size) {
		ent = (const uint32_t *)(base + h[2]);
		for (uint32_t i = 0; i < h[4] && !found; i++, ent += 3)
			found = ent[2] != 0 && ent[1] < st.st_size &&
			    !strncmp(base + ent[1], name,
			    st.st_size - ent[1]);
	}
	munmap((void *)base, st.st_size);
	return found;
}

/* DIR/NAME is a directory (through the reroot). */
static int in_dir(const char *dir, size_t dlen, const char *name)
{
	char path[4096];
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%.*s/%s", (int)dlen, dir,
	    name) >= sizeof path)
		return 0;
	fd = lx_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* Whether glibc would find locale NAME. */
int lx_locale_exists(const char *name)
{
	char norm[NAME_MAX_LEN];
	const char *lp = getenv("LOCPATH");

	if (!strcmp(name, "C") || !strcmp(name, "POSIX") ||
	    !strcmp(name, "C.UTF-8") || !strcmp(name, "C.utf8"))
		return 1;
	if (!*name || strlen(name) >= NAME_MAX_LEN || strchr(name, '/') ||
	    !strcmp(name, ".") || !strcmp(name, ".."))
		return 0;
	normalize(name, norm, sizeof norm);
	for (const char *p = lp; p && *p; p += strcspn(p, ":") +
	    (p[strcspn(p, ":")] == ':')) {
		size_t n = strcspn(p, ":");

		if (in_dir(p, n, name) || in_dir(p, n, norm))
			return 1;
	}
	if (lp && *lp)
		return 0;
	return in_dir("/usr/lib/locale", 15, name) ||
	    in_dir("/usr/lib/locale", 15, norm) || in_archive(name) ||
	    in_archive(norm);
}

/* The name "" stands for in category CAT: LC_ALL, LC_<CAT>, LANG, "C". */
static const char *from_env(int cat)
{
	const char *v = getenv("LC_ALL");

	if (!v || !*v)
		v = getenv(catnames[cat]);
	if (!v || !*v)
		v = getenv("LANG");
	return v && *v ? v : "C";
}

/* "LC_CTYPE=a;LC_NUMERIC=b;..." into WANT; 0 if NAME is not one. */
static int parse_composite(const char *name, const char **want,
	char store[][NAME_MAX_LEN])
{
	const char *p = name;

	if (!strchr(name, '='))
		return 0;
	while (*p) {
		size_t k = strcspn(p, "="), v;
		int cat = -1;

		for (int i = 0; i < NCAT; i++)
			if (i != CAT_ALL && strlen(catnames[i]) == k &&
			    !strncmp(p, catnames[i], k))
				cat = i;
		if (cat < 0 || p[k] != '=')
			return -1;
		p += k + 1;
		v = strcspn(p, ";");
		if (v >= NAME_MAX_LEN)
			return -1;
		memcpy(store[cat], p, v);
		store[cat][v] = 0;
		want[cat] = store[cat];
		p += v + (p[v] == ';');
	}
	return 1;
}

/* What setlocale(LC_ALL, NULL) says: the name, or the composite. */
static const char *all_name(void)
{
	size_t k = 0;
	int same = 1;

	for (int i = 1; i < NCAT; i++)
		if (i != CAT_ALL && strcmp(names[i], names[0]))
			same = 0;
	if (same)
		return names[0];
	for (int i = 0; i < NCAT; i++)
		if (i != CAT_ALL)
			k += snprintf(composite + k, sizeof composite - k,
			    "%s%s=%s", k ? ";" : "", catnames[i], names[i]);
	return composite;
}

static const char *apply(int cat, const char *name)
{
	const char *want[NCAT] = { 0 }, *checked = NULL;
	static char store[NCAT][NAME_MAX_LEN];
	int c = parse_composite(name, want, store);

	if (c < 0 || (c > 0 && cat != CAT_ALL))
		return errno = EINVAL, NULL;
	for (int i = 0; i < NCAT; i++) {
		if (i == CAT_ALL || (cat != CAT_ALL && i != cat))
			continue;
		if (!want[i])
			want[i] = *name ? name : from_env(i);
		if (!c && !want[i][0])
			want[i] = "C";
		if (checked && !strcmp(want[i], checked))
			continue;	/* LC_ALL: one name, looked up once */
		if (strlen(want[i]) >= NAME_MAX_LEN ||
		    !lx_locale_exists(want[i]))
			return errno = ENOENT, NULL;
		checked = want[i];
	}
	for (int i = 0; i < NCAT; i++) {
		if (!want[i])
			continue;
		if (!strcmp(want[i], "POSIX"))
			want[i] = "C";		/* glibc's name for both */
		if (i < CAT_ALL)
			setlocale(i, want[i]);
		snprintf(names[i], NAME_MAX_LEN, "%s", want[i]);
	}
	return cat == CAT_ALL ? all_name() : names[cat];
}

char *lx_setlocale(int cat, const char *name)
{
	const char *r;

	if (cat < 0 || cat >= NCAT) {
		errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&lock);
	if (!name)
		r = cat == CAT_ALL ? all_name() : names[cat];
	else
		r = apply(cat, name);
	pthread_mutex_unlock(&lock);
	return (char *)r;
}
