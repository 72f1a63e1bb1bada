/* Scratch directories of the unit tests (tmpdir.h). */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpdir.h"

char *unit_tmpdir(char *root)
{
	strcpy(root, "/tmp/shim-unit-XXXXXX");
	return mkdtemp(root);
}

int unit_rmtree(const char *root)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

int unit_mk(const char *root, const char *rel)
{
	char p[PATH_MAX * 2];
	int fd;

	snprintf(p, sizeof p, "%s%s", root, rel);
	if (rel[0] && rel[strlen(rel) - 1] == '/')
		return mkdir(p, 0755);
	fd = open(p, O_CREAT | O_WRONLY, 0644);
	if (fd < 0)
		return -1;
	return close(fd);
}

int unit_ln(const char *root, const char *target, const char *rel)
{
	char p[PATH_MAX * 2];

	snprintf(p, sizeof p, "%s%s", root, rel);
	return symlink(target, p);
}
