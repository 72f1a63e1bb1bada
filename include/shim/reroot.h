/*
 * The reroot (FreeBSD's /compat/linux union lookup), one module: an
 * absolute path a guest names is PREFIX/PATH when that exists inside the
 * prefix (symlinks resolved inside it), else the host's PATH. The
 * resolver (common/reroot.c) serves the loader's search
 * (ld-linux-shim/search.c), exec (libshim/start/exec.c), the path
 * mapping of every path-taking wrapper (libshim/file/reroot.c) and
 * shim-check's search (tools/shim-check/search.c). The
 * prefix is shim_cfg.prefix (shim/loader.h).
 */
#ifndef SHIM_REROOT_H
#define SHIM_REROOT_H

#include <stddef.h>

/*
 * Resolve the absolute PATH inside PREFIX as if PREFIX were the root:
 * symlinks are followed with absolute targets taken relative to PREFIX,
 * and ".." never climbs above it. On success OUT holds PREFIX/RESOLVED and
 * 0 is returned; -1 if some component does not exist (or on overflow).
 * An absolute symlink of the prefix is looked up inside it first; if its
 * target is not there, OUT is that target on the host (the union lookup
 * applied to the target) and 0 is returned.
 */
int reroot_resolve(const char *prefix, const char *path, char *out,
	size_t outsz);

/* PATH as the host should see it (the reroot); BUF (PATH_MAX bytes) may
 * hold the result. FOLLOW: a symlink in the last component is followed. */
const char *lx_reroot_path(const char *path, char *buf, int follow);
#define LX_REROOT(path, buf, follow) lx_reroot_path(path, buf, follow)

/* Direct start: /proc/self/exe names PATH for the guest (reroot.c). */
void lx_reroot_set_exe(const char *path);
/* PATH, or the guest program's path if PATH names /proc/self/exe. */
const char *lx_own_exe(const char *path);

#endif
