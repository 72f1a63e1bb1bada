/*
 * The reroot's resolver (shim/reroot.h, common/reroot.c):
 * symlinks inside the prefix resolve inside it (absolute targets too),
 * ".." never climbs above it, a missing component fails, and an absolute
 * symlink whose target the prefix lacks leads to the host's target.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "shim/reroot.h"
#include "tmpdir.h"

static char root[PATH_MAX];

static int setup(void **state)
{
	(void)state;
	assert_non_null(unit_tmpdir(root));
	assert_int_equal(unit_mk(root, "/usr/"), 0);
	assert_int_equal(unit_mk(root, "/usr/lib/"), 0);
	assert_int_equal(unit_mk(root, "/usr/lib/libx.so.1"), 0);
	assert_int_equal(unit_mk(root, "/etc/"), 0);
	/* relative, like Debian's */
	assert_int_equal(unit_ln(root, "usr/lib", "/lib"), 0);
	/* absolute */
	assert_int_equal(unit_ln(root, "/usr/lib/libx.so.1",
		"/usr/lib/liby.so.1"), 0);
	/* climbs too far */
	assert_int_equal(unit_ln(root, "../../../../../../etc",
		"/usr/lib/up"), 0);
	/* absolute, target not in root */
	assert_int_equal(unit_ln(root, "/etc/hosts", "/hostlink"), 0);
	assert_int_equal(unit_ln(root, "/etc", "/etclink"), 0);
	assert_int_equal(unit_ln(root, "loop2", "/loop1"), 0);
	assert_int_equal(unit_ln(root, "loop1", "/loop2"), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return unit_rmtree(root);
}

static void expect(const char *path, const char *rel)
{
	char out[PATH_MAX], want[PATH_MAX * 2];

	snprintf(want, sizeof want, "%s%s", root, rel);
	assert_int_equal(reroot_resolve(root, path, out, sizeof out), 0);
	assert_string_equal(out, want);
}

static void test_resolve(void **state)
{
	char out[PATH_MAX];

	(void)state;
	expect("/usr/lib/libx.so.1", "/usr/lib/libx.so.1");
	expect("/lib/libx.so.1", "/usr/lib/libx.so.1");
	expect("/usr/lib/liby.so.1", "/usr/lib/libx.so.1");
	expect("/usr/lib/up", "/etc");
	expect("/usr/../../../usr/lib", "/usr/lib");
	expect("/", "/");
	expect("//usr/./lib/", "/usr/lib");
	assert_int_equal(reroot_resolve(root, "/usr/lib/missing", out,
		sizeof out), -1);
	assert_int_equal(reroot_resolve(root, "/loop1", out, sizeof out), -1);
	/* An absolute symlink's target missing in the prefix: the host's. */
	assert_int_equal(reroot_resolve(root, "/hostlink", out, sizeof out), 0);
	assert_string_equal(out, "/etc/hosts");
	assert_int_equal(reroot_resolve(root, "/etclink/x/../hosts", out,
		sizeof out), 0);
	assert_string_equal(out, "/etc/x/../hosts");
	expect("/etclink", "/etc");
	assert_int_equal(reroot_resolve(root, "relative", out, sizeof out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
