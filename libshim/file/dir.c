/*
 * scandirat, which musl lacks: the entries of a directory named relative
 * to a descriptor (opened through the reroot), selected and sorted as
 * scandir does.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/gnu.h"

int lx_scandirat(int dirfd, const char *path, struct dirent ***list,
	int (*sel)(const struct dirent *),
	int (*cmp)(const struct dirent **, const struct dirent **))
{
	int fd = LX_PATHCALL(openat)(dirfd, path,
		O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent **v = NULL, *e;
	size_t n = 0, cap = 0;
	DIR *d;

	if (fd < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while ((errno = 0, e = readdir(d))) {
		struct dirent *copy;

		if (sel && !sel(e))
			continue;
		if (n == cap) {
			struct dirent **nv = realloc(v, (cap = cap ? 2 * cap : 16) *
				sizeof *v);
			if (!nv)
				goto fail;
			v = nv;
		}
		if (!(copy = malloc(e->d_reclen)))
			goto fail;
		v[n++] = memcpy(copy, e, e->d_reclen);
	}
	if (errno)
		goto fail;
	closedir(d);
	if (cmp)
		qsort(v, n, sizeof *v,
			(int (*)(const void *, const void *))cmp);
	*list = v;
	return (int)n;
fail:
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	return -1;
}
