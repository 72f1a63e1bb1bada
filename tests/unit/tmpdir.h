/* A scratch directory for the unit tests that need files (tmpdir.c). */
#ifndef UNIT_TMPDIR_H
#define UNIT_TMPDIR_H

/* Make a fresh directory under /tmp; ROOT (PATH_MAX bytes) receives its
   path. Returns ROOT, or NULL on failure. */
char *unit_tmpdir(char *root);

/* Remove ROOT and everything below it; 0 on success. */
int unit_rmtree(const char *root);

/* Make ROOT/REL: a directory if REL ends in '/', else an empty file.
   0 on success. */
int unit_mk(const char *root, const char *rel);

/* Make ROOT/REL a symlink to TARGET; 0 on success. */
int unit_ln(const char *root, const char *target, const char *rel);

#endif
