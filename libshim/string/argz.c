/*
 * The argz vector functions musl lacks: a vector is a buffer of
 * consecutive NUL-terminated strings and its total length.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/*
 * argz_create_sep: split STR at each DELIM into a new vector. A delimiter
 * at the start or right after another is dropped; the string's own
 * terminator always ends the vector, so a trailing delimiter leaves an
 * empty last string (glibc does the same). "" gives (NULL, 0).
 * Returns 0 or ENOMEM.
 */
int lx_argz_create_sep(const char *str, int delim, char **argz, size_t *len)
{
	size_t used = 0;
	char *v;

	if (!*str) {
		*argz = NULL;
		*len = 0;
		return 0;
	}
	if (!(v = malloc(strlen(str) + 1)))
		return ENOMEM;
	for (const char *p = str;; p++) {
		if (*p && *p == (char)delim) {
			if (used && v[used - 1])
				v[used++] = '\0';
		} else {
			v[used++] = *p;
			if (!*p)
				break;
		}
	}
	*argz = v;
	*len = used;
	return 0;
}
