/*
 * Reroot (ld-linux-shim/search.c): PREFIX/PATH wins when it exists,
 * symlinks inside the prefix resolve inside it (absolute targets too),
 * ".." never climbs above it, and the host path is the fallback.
 */
#include <fcntl.h>
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

#include "shim.h"
#include "tmpdir.h"

static char root[PATH_MAX];

static void mk(const char *rel)
{
	char p[PATH_MAX * 2];

	snprintf(p, sizeof p, "%s%s", root, rel);
	if (rel[strlen(rel) - 1] == '/') {
		assert_int_equal(mkdir(p, 0755), 0);
	} else {
		int fd = open(p, O_CREAT | O_WRONLY, 0644);

		assert_true(fd >= 0);
		close(fd);
	}
}

static void ln(const char *target, const char *rel)
{
	char p[PATH_MAX * 2];

	snprintf(p, sizeof p, "%s%s", root, rel);
	assert_int_equal(symlink(target, p), 0);
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(unit_tmpdir(root));
	mk("/usr/");
	mk("/usr/lib/");
	mk("/usr/lib/libx.so.1");
	mk("/etc/");
	ln("usr/lib", "/lib");			/* relative, like Debian's */
	ln("/usr/lib/libx.so.1", "/usr/lib/liby.so.1");	/* absolute */
	ln("../../../../../../etc", "/usr/lib/up");	/* climbs too far */
	ln("/etc/hosts", "/hostlink");	/* absolute, target not in root */
	ln("/etc", "/etclink");
	ln("loop2", "/loop1");
	ln("loop1", "/loop2");
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
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_open_union),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
