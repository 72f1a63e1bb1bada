/*
 * Secure mode (ld-linux-shim/secure.c): the stage-1 decision and the
 * environment clean-up on a made-up initial stack, and which directories
 * a secure process may take files from.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "loader-int.h"

extern int lx___libc_enable_secure;

/* envp (NULL-terminated) then the auxiliary vector, as on the stack. */
static uintptr_t stack[64];

static ElfW(auxv_t) *layout(char **env, size_t nenv, const uintptr_t *aux,
	size_t naux)
{
	size_t i;

	for (i = 0; i < nenv; i++)
		stack[i] = (uintptr_t)env[i];
	stack[i++] = 0;
	memcpy(stack + i, aux, naux * sizeof *aux);
	return (ElfW(auxv_t) *)(stack + i);
}

static uintptr_t aux_get(const ElfW(auxv_t) *a, uintptr_t type)
{
	for (; a->a_type != AT_NULL; a++)
		if (a->a_type == type)
			return a->a_un.a_val;
	return ~(uintptr_t)0;
}

static char *env[] = {
	"HOME=/root", "LD_LIBRARY_PATH=/evil", "SHIM_PREFIX=/evil",
	"TMPDIR=/tmp", "TMPDIRX=kept", "MALLOC_ARENA_MAX=1", "LANG=C",
	"LOCPATH=/evil", "GCONV_PATH=/evil", "PATH=/bin", "LD_=x",
};
#define NENV (sizeof env / sizeof *env)

static void test_not_secure(void **state)
{
	uintptr_t aux[] = { AT_UID, 1000, AT_EUID, 1000, AT_GID, 100,
		AT_EGID, 100, AT_SECURE, 0, AT_NULL, 0 };
	ElfW(auxv_t) *a = layout(env, NENV, aux, 12), *b;

	(void)state;
	shim_boot.secure = false;
	b = secure_boot((char **)stack, a);
	assert_ptr_equal(a, b);
	assert_false(shim_boot.secure);
	assert_string_equal((char *)stack[1], "LD_LIBRARY_PATH=/evil");
	assert_int_equal(aux_get(b, AT_SECURE), 0);
}

static void check_cleaned(ElfW(auxv_t) *a)
{
	static const char *const kept[] = {
		"HOME=/root", "TMPDIRX=kept", "LANG=C", "PATH=/bin",
	};
	size_t i;

	for (i = 0; i < 4; i++)
		assert_string_equal((char *)stack[i], kept[i]);
	assert_int_equal(stack[i], 0);
	assert_ptr_equal(a, (ElfW(auxv_t) *)(stack + i + 1));
	assert_int_equal(aux_get(a, AT_SECURE), 1);
	assert_int_equal(aux_get(a, AT_EUID), 0);
	assert_true(shim_boot.secure);
	assert_int_equal(lx___libc_enable_secure, 1);
}

/* A start with the auxiliary vector AUX (6 entries) is a secure one. */
static void check_secure_start(const uintptr_t aux[12])
{
	shim_boot.secure = false;
	check_cleaned(secure_boot((char **)stack,
		layout(env, NENV, aux, 12)));
}

static void test_setuid(void **state)
{
	(void)state;
	check_secure_start((const uintptr_t[]){ AT_UID, 1000, AT_EUID, 0,
		AT_GID, 100, AT_EGID, 100, AT_SECURE, 0, AT_NULL, 0 });
}

static void test_at_secure(void **state)
{
	(void)state;
	/* ids equal, but the kernel says secure (file capabilities) */
	check_secure_start((const uintptr_t[]){ AT_UID, 0, AT_EUID, 0,
		AT_SECURE, 1, AT_EGID, 0, AT_GID, 0, AT_NULL, 0 });
}

static void test_trusted(void **state)
{
	char dir[] = "/tmp/shim-unit-secure.XXXXXX", link[PATH_MAX];
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	chmod(dir, 0755);
	/* /tmp can be written by anyone: nothing below it is trusted. */
	assert_false(secure_dir_trusted("/tmp"));
	assert_false(secure_dir_trusted(dir));
	snprintf(link, sizeof link, "%s/up", dir);
	assert_int_equal(symlink("/tmp", link), 0);
	assert_false(secure_dir_trusted(link));
	unlink(link);
	rmdir(dir);
	assert_false(secure_dir_trusted("/nonexistent/dir"));
	/* A system directory is trusted when root owns the whole chain. */
	if (stat("/", &st) == 0 && st.st_uid == 0 &&
	    !(st.st_mode & 022) && stat("/usr", &st) == 0 &&
	    st.st_uid == 0 && !(st.st_mode & 022))
		assert_true(secure_dir_trusted("/usr"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_secure),
		cmocka_unit_test(test_setuid),
		cmocka_unit_test(test_at_secure),
		cmocka_unit_test(test_trusted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
