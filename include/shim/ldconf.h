/*
 * ld.so.conf, read one way by the interpreter (ld-linux-shim/search.c) and
 * by shim-check (tools/shim-check/search.c); the code is in common/ldconf.c.
 */
#ifndef SHIM_LDCONF_H
#define SHIM_LDCONF_H

#include <stdbool.h>
#include <stddef.h>

/* Includes nested deeper than this are not read (an include loop ends). */
#define LDCONF_MAX_DEPTH	4

/*
 * Open PATH for reading, through the reroot if the caller has one. FOUND
 * (FOUNDSZ bytes) receives the path opened; *IN_PREFIX says whether that
 * is the prefix's copy, i.e. starts with struct ldconf's prefix. Returns
 * the descriptor, or -1 if there is no such file.
 */
typedef int ldconf_open_fn(const char *path, char *found, size_t foundsz,
	bool *in_prefix);

struct ldconf {
	const char *prefix;	/* the reroot prefix; NULL: none */
	ldconf_open_fn *open;
	char *dirs;		/* colon-separated; NULL: none yet */
	size_t len;		/* of dirs */
};

/*
 * Append the directories named by the ld.so.conf PATH, and by the files it
 * includes, to C->dirs. A file that cannot be opened or read adds nothing;
 * neither do lines that are not understood.
 */
void ldconf_read(struct ldconf *c, const char *path);

#endif
