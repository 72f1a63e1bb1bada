/*
 * Where files come from: the reroot prefix's union lookup (PREFIX/PATH if
 * it exists there, else PATH; the resolver is shim/reroot.h's), and the
 * library search order of DESIGN.md: DT_RPATH (when there is no
 * DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH, the directories of
 * ld.so.conf, then the default directories.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader-int.h"
#include "shim/ldconf.h"
#include "shim/reroot.h"

/*
 * Open PATH for reading through the reroot: the prefix's copy first.
 * FOUND receives the path that was opened.
 */
int shim_open_path(const char *path, char *found, size_t foundsz,
	enum origin *origin)
{
	int fd;

	if (shim_cfg.prefix && path[0] == '/' &&
	    reroot_resolve(shim_cfg.prefix, path, found, foundsz) == 0) {
		fd = open(found, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			struct stat st;

			if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
				*origin = strncmp(found, shim_cfg.prefix,
					strlen(shim_cfg.prefix)) ?
					ORIGIN_HOST : ORIGIN_PREFIX;
				shim_debug(SHIM_DEBUG_REROOT, "reroot: %s -> %s",
					path, found);
				return fd;
			}
			close(fd);
		}
	}
	if (strlen(path) >= foundsz) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(found, path);
	*origin = ORIGIN_HOST;
	return open(path, O_RDONLY | O_CLOEXEC);
}

/*
 * The directories of ld.so.conf (read through the reroot), read when a
 * search first gets that far, as glibc reads its cache: a program whose
 * libraries are all built in, or found earlier, never opens the files.
 */
static struct ldconf conf;
static bool conf_read;

static int conf_open(const char *path, char *found, size_t foundsz,
	bool *in_prefix)
{
	enum origin o = ORIGIN_HOST;
	int fd = shim_open_path(path, found, foundsz, &o);

	*in_prefix = o == ORIGIN_PREFIX;
	return fd;
}

static const char *conf_dirs(void)
{
	if (!conf_read) {
		conf_read = true;
		conf.prefix = shim_cfg.prefix;
		conf.open = conf_open;
		ldconf_read(&conf, "/etc/ld.so.conf");
	}
	return conf.dirs;
}

static const char default_dirs[] =
	"/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib64:/usr/lib64:"
	"/lib:/usr/lib";

/*
 * Expand $ORIGIN, $LIB and $PLATFORM in one search directory. In secure
 * mode a directory is used only if it is absolute, and $ORIGIN only if
 * root alone can change it (a hard link to a set-user-ID program in a
 * directory of the caller's must not bring the caller's libraries).
 */
static int expand_dir(const char *dir, size_t n, const struct object *req,
	char *out, size_t outsz)
{
	size_t o = 0;
	bool origin_used = false;

	for (size_t i = 0; i < n;) {
		const char *val = NULL;
		size_t skip = 0;
		char origin[PATH_MAX];

		if (dir[i] == '$') {
			const char *s = dir + i + 1;
			bool br = *s == '{';

			if (br)
				s++;
#define VAR(v) (!strncmp(s, v, sizeof v - 1) && \
	(!br || s[sizeof v - 1] == '}') && (skip = sizeof v - 1 + 1 + 2 * br))
			if (VAR("ORIGIN")) {
				const char *path = req ? req->path : "";
				const char *sl = strrchr(path, '/');
				size_t l = sl ? (size_t)(sl - path) : 0;

				if (!sl || l >= sizeof origin)
					return -1;
				memcpy(origin, path, l);
				origin[l] = 0;
				val = origin;
				origin_used = true;
			} else if (VAR("LIB")) {
				val = "lib64";
			} else if (VAR("PLATFORM")) {
				val = "x86_64";
			}
#undef VAR
		}
		if (val) {
			size_t l = strlen(val);

			if (o + l >= outsz)
				return -1;
			memcpy(out + o, val, l);
			o += l;
			i += skip;
		} else {
			if (o + 1 >= outsz)
				return -1;
			out[o++] = dir[i++];
		}
	}
	out[o] = 0;
	if (shim_boot.secure && (out[0] != '/' ||
	    (origin_used && !secure_dir_trusted(out)))) {
		shim_debug(SHIM_DEBUG_LIBS, "secure mode: %s not searched", out);
		return -1;
	}
	return 0;
}

/* Try NAME in each directory of the colon-separated LIST. */
static int try_dirs(const char *list, const char *name,
	const struct object *req, char *found, size_t foundsz,
	enum origin *origin)
{
	char dir[PATH_MAX], path[PATH_MAX];

	while (list && *list) {
		size_t n = strcspn(list, ":");

		if (n && expand_dir(list, n, req, dir, sizeof dir) == 0 &&
		    (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) <
		    sizeof path) {
			int fd = shim_open_path(path, found, foundsz, origin);

			if (fd >= 0) {
				ElfW(Ehdr) eh;

				/* Like glibc: a library of another class or
				 * machine is skipped, any other defect is an
				 * error that names the file. */
				if (pread(fd, &eh, sizeof eh, 0) == sizeof eh &&
				    !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
				    (eh.e_ident[EI_CLASS] != ELFCLASS64 ||
				     eh.e_machine != EM_X86_64)) {
					close(fd);
				} else {
					return fd;
				}
			}
		}
		list += n;
		if (*list == ':')
			list++;
	}
	return -1;
}

int search_library(const char *name, const struct object *req, char *found,
	size_t foundsz, enum origin *origin)
{
	const struct object *o;
	int fd;

	if (strchr(name, '/'))
		return shim_open_path(name, found, foundsz, origin);
	/* The requester's DT_RPATH, then the program's (without RUNPATHs). */
	if (req && !req->runpath) {
		o = req;
		if (o->rpath && (fd = try_dirs(o->rpath, name, o, found,
		    foundsz, origin)) >= 0)
			return fd;
		o = shim_head;
		if (o && o != req && o->rpath && !o->runpath &&
		    (fd = try_dirs(o->rpath, name, o, found, foundsz,
		    origin)) >= 0)
			return fd;
	}
	if ((fd = try_dirs(shim_cfg.lib_path, name, NULL, found, foundsz,
	    origin)) >= 0)
		return fd;
	if (req && req->runpath && (fd = try_dirs(req->runpath, name, req,
	    found, foundsz, origin)) >= 0)
		return fd;
	if ((fd = try_dirs(conf_dirs(), name, NULL, found, foundsz, origin)) >= 0)
		return fd;
	return try_dirs(default_dirs, name, NULL, found, foundsz, origin);
}
