/*
 * Where a DT_NEEDED resolves, in the loader's order (ld-linux-shim/search.c,
 * DESIGN.md): DT_RPATH when there is no DT_RUNPATH, LD_LIBRARY_PATH,
 * DT_RUNPATH, the ld.so.conf directories, the default directories. Every
 * absolute path is looked up in the prefix first (the reroot union), then
 * on the host. Glibc-family sonames are built in and never searched.
 */
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shim-check.h"
#include "shim/ldconf.h"
#include "shim/reroot.h"

static const char *prefix;	/* NULL: no reroot */
static struct ldconf conf;	/* the ld.so.conf directories */
static const char default_dirs[] =
	"/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib64:/usr/lib64:"
	"/lib:/usr/lib";

/* Open PATH through the reroot; *WHERE says which copy was opened. */
static int open_path(const char *path, char *found, size_t foundsz,
	enum sc_where *where)
{
	struct stat st;
	int fd;

	if (prefix && path[0] == '/' &&
	    reroot_resolve(prefix, path, found, foundsz) == 0 &&
	    (fd = open(found, O_RDONLY | O_CLOEXEC)) >= 0) {
		if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
			/* An absolute symlink of the prefix whose target is
			 * only on the host resolves to the host's copy. */
			*where = strncmp(found, prefix, strlen(prefix)) ?
				SC_HOST : SC_PREFIX;
			return fd;
		}
		close(fd);
	}
	if (strlen(path) >= foundsz)
		return -1;
	strcpy(found, path);
	*where = SC_HOST;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode))) {
		close(fd);
		return -1;
	}
	return fd;
}

static int conf_open(const char *path, char *found, size_t foundsz,
	bool *in_prefix)
{
	enum sc_where w = SC_HOST;
	int fd = open_path(path, found, foundsz, &w);

	*in_prefix = w == SC_PREFIX;
	return fd;
}

void search_init(const char *pfx)
{
	prefix = pfx;
	conf.prefix = pfx;
	conf.open = conf_open;
	ldconf_read(&conf, "/etc/ld.so.conf");
}

/*
 * The path the guest sees for the host file PATH: PATH without the prefix
 * when it lies inside, else PATH itself (both made absolute).
 */
const char *search_guest_path(const char *path, char *out, size_t outsz)
{
	char real[PATH_MAX], rp[PATH_MAX];
	size_t n;

	if (!realpath(path, real))
		return NULL;
	if (prefix && realpath(prefix, rp) && (n = strlen(rp)) > 1 &&
	    !strncmp(real, rp, n) && real[n] == '/')
		snprintf(out, outsz, "%s", real + n);
	else
		snprintf(out, outsz, "%s", real);
	return out;
}

/* Expand $ORIGIN, $LIB and $PLATFORM in the directory DIR (N bytes). */
static int expand(const char *dir, size_t n, const char *origin,
	char *out, size_t outsz)
{
	static const char *const vars[][2] = {
		{ "ORIGIN", NULL }, { "LIB", "lib64" },
		{ "PLATFORM", "x86_64" },
	};
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		const char *val = NULL;
		size_t skip = 0;

		for (size_t v = 0; dir[i] == '$' && v < 3 && !val; v++) {
			const char *s = dir + i + 1;
			int br = *s == '{';
			size_t l = strlen(vars[v][0]);

			if (!strncmp(s + br, vars[v][0], l) &&
			    (!br || s[1 + l] == '}')) {
				val = v ? vars[v][1] : origin ? origin : "";
				skip = 1 + l + 2 * br;
			}
		}
		if (val) {
			if (!*val || o + strlen(val) >= outsz)
				return -1;
			memcpy(out + o, val, strlen(val));
			o += strlen(val);
			i += skip;
		} else {
			if (o + 1 >= outsz)
				return -1;
			out[o++] = dir[i++];
		}
	}
	out[o] = 0;
	return 0;
}

/* A candidate is taken unless it is an ELF file of another class/machine. */
static int usable(int fd)
{
	Elf64_Ehdr eh;

	if (pread(fd, &eh, sizeof eh, 0) == sizeof eh &&
	    !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
	    (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64))
		return 0;
	return 1;
}

static enum sc_where try_one(const char *path, char **found)
{
	char buf[PATH_MAX];
	enum sc_where w;
	int fd = open_path(path, buf, sizeof buf, &w);

	if (fd < 0)
		return SC_MISSING;
	if (!usable(fd))
		w = SC_MISSING;
	close(fd);
	if (w != SC_MISSING)
		*found = xstrdup(buf);
	return w;
}

static enum sc_where try_dirs(const char *list, const char *name,
	const char *origin, char **found)
{
	char dir[PATH_MAX], path[PATH_MAX];
	enum sc_where w;

	while (list && *list) {
		size_t n = strcspn(list, ":");

		if (n && expand(list, n, origin, dir, sizeof dir) == 0 &&
		    (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) <
		    sizeof path && (w = try_one(path, found)) != SC_MISSING)
			return w;
		list += n;
		list += *list == ':';
	}
	return SC_MISSING;
}

enum sc_where search_library(const char *name, const char *rpath,
	const char *runpath, const char *origin, char **found)
{
	enum sc_where w;

	*found = NULL;
	if (symtab_family(name))
		return SC_BUILTIN;
	if (strchr(name, '/'))
		return try_one(name, found);
	if (rpath && !runpath &&
	    (w = try_dirs(rpath, name, origin, found)) != SC_MISSING)
		return w;
	if ((w = try_dirs(getenv("LD_LIBRARY_PATH"), name, NULL, found)) !=
	    SC_MISSING)
		return w;
	if (runpath &&
	    (w = try_dirs(runpath, name, origin, found)) != SC_MISSING)
		return w;
	if ((w = try_dirs(conf.dirs, name, NULL, found)) != SC_MISSING)
		return w;
	return try_dirs(default_dirs, name, NULL, found);
}
