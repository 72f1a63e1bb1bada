/*
 * canonicalize_file_name, glibc's realpath(PATH, NULL): through the
 * personality's realpath, which applies the reroot and takes the prefix
 * off the answer.
 */
#include <stdlib.h>

#include "shim/gnu.h"

char *
lx_canonicalize_file_name(const char *path)
{
	return LX_PATHCALL(realpath)(path, NULL);
}
