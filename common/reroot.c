/*
 * The reroot's resolver (shim/reroot.h): a path looked up inside the
 * prefix as if the prefix were the root. Plain POSIX (lstat, readlink):
 * the interpreter calls it from the loader's search, exec and the path
 * wrappers; shim-check and the unit tests compile it against glibc.
 */
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shim/reroot.h"

#define MAX_SYMLINKS 40

/* OUT is PREFIX/DIR/COMP (PREFIX PLEN long), REST what follows COMP:
 * make OUT the host path /DIR/COMP/REST. */
static int host_target(char *out, size_t plen, const char *rest,
	size_t outsz)
{
	size_t n = strlen(out + plen), rl = strlen(rest);

	if (n + rl + 1 >= outsz)
		return -1;
	memmove(out, out + plen, n);
	memcpy(out + n, rest, rl + 1);
	if (!out[0])
		strcpy(out, "/");
	return 0;
}

/* See shim/reroot.h. */
int reroot_resolve(const char *prefix, const char *path, char *out,
	size_t outsz)
{
	char rest[PATH_MAX], link[PATH_MAX], tmp[PATH_MAX];
	size_t plen = strlen(prefix), len;
	int links = 0;
	bool jumped = false;	/* through an absolute symlink */
	struct stat st;

	while (plen > 1 && prefix[plen - 1] == '/')
		plen--;
	if (path[0] != '/' || plen + 1 >= outsz ||
	    strlen(path) >= sizeof rest)
		return -1;
	memcpy(out, prefix, plen);
	out[plen] = 0;
	len = plen;
	strcpy(rest, path);
	for (char *p = rest; *p;) {
		char *comp, *end;
		size_t clen;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		comp = p;
		end = strchr(p, '/');
		clen = end ? (size_t)(end - p) : strlen(p);
		p = end ? end : p + clen;
		if (clen == 1 && comp[0] == '.')
			continue;
		if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
			while (len > plen && out[len - 1] != '/')
				len--;
			if (len > plen)
				len--;
			out[len] = 0;
			continue;
		}
		if (len + 1 + clen >= outsz)
			return -1;
		out[len] = '/';
		memcpy(out + len + 1, comp, clen);
		out[len + 1 + clen] = 0;
		if (lstat(out, &st) < 0)
			return jumped ? host_target(out, plen, p, outsz) : -1;
		if (!S_ISLNK(st.st_mode)) {
			len += 1 + clen;
			continue;
		}
		ssize_t n = readlink(out, link, sizeof link - 1);
		if (n < 0 || ++links > MAX_SYMLINKS)
			return -1;
		link[n] = 0;
		size_t ll = strlen(link), pl = strlen(p);

		if (ll + pl >= sizeof tmp)
			return -1;
		memcpy(tmp, link, ll);
		memcpy(tmp + ll, p, pl + 1);
		strcpy(rest, tmp);
		p = rest;
		out[len] = 0;
		if (link[0] == '/') {
			len = plen;
			out[len] = 0;
			jumped = true;
		}
	}
	if (len == plen) {
		out[len] = '/';
		out[len + 1] = 0;
	}
	return 0;
}
