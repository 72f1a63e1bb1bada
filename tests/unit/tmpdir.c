/* Scratch directories of the unit tests (tmpdir.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
