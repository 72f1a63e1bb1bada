/*
 * Secure mode: a set-user-ID or set-group-ID program (the kernel passes
 * AT_SECURE, or the real and effective ids differ) must not obey the user
 * who started it.
 *
 * secure_boot() runs in stage 1 (boot.c), after self-relocation and before
 * musl starts: it may use globals, but no libc function, no TLS and no
 * stack protector. It decides the mode, removes from the environment what
 * a secure program must not see (every SHIM_* and LD_* variable, MALLOC_*
 * and the variables glibc removes for secure programs), moves the
 * auxiliary vector down behind the shortened environment, and sets
 * AT_SECURE to 1 so that musl's start-up, getauxval() and the guest agree.
 * The rest of the shim reads shim_boot.secure; nothing of the removed
 * variables is ever seen by musl, by the shim or by the guest.
 *
 * secure_dir_trusted() is for after start-up: may a secure process take
 * files from DIR (the reroot prefix, an $ORIGIN library directory)?
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader-int.h"

/* glibc's __libc_enable_secure (ld.so, GLIBC_PRIVATE): 1 in secure mode.
 * Set before any guest object is relocated, so a copy sees it too. */
int lx___libc_enable_secure;

#define BOOT __attribute__((no_stack_protector, \
	optimize("no-tree-loop-distribute-patterns")))

/* Removed by name ("NAME=" prefixes) or by prefix ("LD_", ...). */
static const char *const unsafe_prefixes[] = {
	"LD_", "SHIM_", "MALLOC_",
};
static const char *const unsafe_names[] = {
	"GCONV_PATH", "GETCONF_DIR", "GLIBC_TUNABLES", "HOSTALIASES",
	"LOCALDOMAIN", "LOCPATH", "NIS_PATH", "NLSPATH", "RESOLV_HOST_CONF",
	"RES_OPTIONS", "TMPDIR", "TZDIR",
};

BOOT static bool starts_with(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return false;
	return true;
}

/* Is VAR "NAME=..."? */
BOOT static bool is_var(const char *var, const char *name)
{
	while (*name)
		if (*var++ != *name++)
			return false;
	return *var == '=';
}

BOOT static bool is_unsafe(const char *var)
{
	for (size_t i = 0; i < sizeof unsafe_prefixes / sizeof *unsafe_prefixes;
	     i++)
		if (starts_with(var, unsafe_prefixes[i]))
			return true;
	for (size_t i = 0; i < sizeof unsafe_names / sizeof *unsafe_names; i++)
		if (is_var(var, unsafe_names[i]))
			return true;
	return false;
}

BOOT static bool ids_differ(const ElfW(auxv_t) *a)
{
	uintptr_t uid = 0, euid = 0, gid = 0, egid = 0, sec = 0;

	for (; a->a_type != AT_NULL; a++) {
		switch (a->a_type) {
		case AT_UID: uid = a->a_un.a_val; break;
		case AT_EUID: euid = a->a_un.a_val; break;
		case AT_GID: gid = a->a_un.a_val; break;
		case AT_EGID: egid = a->a_un.a_val; break;
		case AT_SECURE: sec = a->a_un.a_val; break;
		}
	}
	return sec || uid != euid || gid != egid;
}

/*
 * ENVP is the initial stack's environment, the auxiliary vector follows
 * its NULL. Returns the (possibly moved) auxiliary vector.
 */
BOOT ElfW(auxv_t) *secure_boot(char **envp, ElfW(auxv_t) *auxv)
{
	size_t i, j, n;
	uintptr_t *src, *dst;

	if (!ids_differ(auxv))
		return auxv;
	shim_boot.secure = true;
	lx___libc_enable_secure = 1;
	for (i = j = 0; envp[i]; i++)
		if (!is_unsafe(envp[i]))
			envp[j++] = envp[i];
	envp[j] = NULL;
	/* The vector moves down word by word (the areas may overlap). */
	src = (uintptr_t *)auxv;
	dst = (uintptr_t *)(envp + j + 1);
	for (n = 0; src[2 * n] != AT_NULL; n++)
		;
	for (i = 0; dst != src && i < 2 * (n + 1); i++)
		dst[i] = src[i];
	auxv = (ElfW(auxv_t) *)dst;
	for (i = 0; auxv[i].a_type != AT_NULL; i++)
		if (auxv[i].a_type == AT_SECURE)
			auxv[i].a_un.a_val = 1;
	return auxv;
}

/*
 * Is DIR, and every directory above it, owned by root and writable by no
 * one else? Symlinks are resolved first: the directories that count are
 * the ones the files really come from.
 */
bool secure_dir_trusted(const char *dir)
{
	char real[PATH_MAX];
	struct stat st;
	size_t len;

	if (!realpath(dir, real))
		return false;
	for (len = strlen(real);;) {
		real[len] = 0;
		if (stat(len ? real : "/", &st) < 0 || !S_ISDIR(st.st_mode) ||
		    st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)))
			return false;
		if (!len)
			return true;
		while (len > 0 && real[len - 1] != '/')
			len--;
		if (len > 0)
			len--;
	}
}
