/*
 * The loader's open through the reroot (ld-linux-shim/search.c):
 * PREFIX/PATH wins when it exists (through the prefix's own symlinks),
 * and the host path is the fallback. The resolver itself: test_reroot.c.
 */
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "loader-int.h"
#include "tmpdir.h"

static char root[PATH_MAX];

static int setup(void **state)
{
	(void)state;
	assert_non_null(unit_tmpdir(root));
	assert_int_equal(unit_mk(root, "/usr/"), 0);
	assert_int_equal(unit_mk(root, "/usr/lib/"), 0);
	assert_int_equal(unit_mk(root, "/usr/lib/libx.so.1"), 0);
	assert_int_equal(unit_ln(root, "usr/lib", "/lib"), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return unit_rmtree(root);
}

static void test_open_union(void **state)
{
	char found[PATH_MAX], want[PATH_MAX * 2];
	enum origin o;
	int fd;

	(void)state;
	shim_cfg.prefix = root;
	fd = shim_open_path("/lib/libx.so.1", found, sizeof found, &o);
	assert_true(fd >= 0);
	close(fd);
	snprintf(want, sizeof want, "%s/usr/lib/libx.so.1", root);
	assert_string_equal(found, want);
	assert_int_equal(o, ORIGIN_PREFIX);
	/* Not in the prefix: the host's file. */
	fd = shim_open_path("/etc/hostname", found, sizeof found, &o);
	if (access("/etc/hostname", F_OK) == 0) {
		assert_true(fd >= 0);
		close(fd);
		assert_string_equal(found, "/etc/hostname");
		assert_int_equal(o, ORIGIN_HOST);
	}
	/* A directory in the prefix does not hide a host file. */
	shim_cfg.prefix = NULL;
	fd = shim_open_path("/nonexistent/file", found, sizeof found, &o);
	assert_int_equal(fd, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_union),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
