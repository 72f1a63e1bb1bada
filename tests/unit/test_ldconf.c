/*
 * ld.so.conf (common/ldconf.c): comments and blanks, includes by glob,
 * absolute and relative, through a prefix, the depth limit that also ends
 * include loops, missing files, and lines longer than the line buffer.
 */
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "shim/ldconf.h"
#include "tmpdir.h"

static char root[PATH_MAX];
static bool use_prefix;			/* open ROOT/PATH first */
static char asked[8][PATH_MAX];		/* the paths given to open */
static unsigned nasked;

/* Create ROOT/REL, and its directories, for writing. */
static FILE *create(const char *rel)
{
	char p[PATH_MAX * 2], *s;
	FILE *f;

	snprintf(p, sizeof p, "%s%s", root, rel);
	for (s = p + strlen(root) + 1; (s = strchr(s, '/')); s++) {
		*s = 0;
		mkdir(p, 0755);
		*s = '/';
	}
	assert_non_null(f = fopen(p, "w"));
	return f;
}

/* Write ROOT/REL with the formatted contents. */
static void put(const char *rel, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(const char *rel, const char *fmt, ...)
{
	FILE *f = create(rel);
	va_list ap;

	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	assert_int_equal(fclose(f), 0);
}

/* The caller's open: like the reroot union, without its symlink rules. */
static int open_file(const char *path, char *found, size_t foundsz,
	bool *in_prefix)
{
	int fd;

	if (nasked < 8)
		snprintf(asked[nasked++], PATH_MAX, "%s", path);
	if (use_prefix && path[0] == '/') {
		snprintf(found, foundsz, "%s%s", root, path);
		if ((fd = open(found, O_RDONLY | O_CLOEXEC)) >= 0) {
			*in_prefix = true;
			return fd;
		}
	}
	snprintf(found, foundsz, "%s", path);
	*in_prefix = false;
	return open(path, O_RDONLY | O_CLOEXEC);
}

/* The directories read from ROOT/REL ("" for none); the caller frees. */
static char *read_conf(const char *rel)
{
	struct ldconf c = { .prefix = use_prefix ? root : NULL,
		.open = open_file };
	char path[PATH_MAX * 2];

	snprintf(path, sizeof path, "%s%s", use_prefix ? "" : root, rel);
	nasked = 0;
	ldconf_read(&c, path);
	if (!c.dirs) {
		assert_int_equal(c.len, 0);
		return strdup("");
	}
	assert_int_equal(strlen(c.dirs), c.len);
	return c.dirs;
}

static void expect(const char *rel, const char *want)
{
	char *dirs = read_conf(rel);

	assert_string_equal(dirs, want);
	free(dirs);
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(unit_tmpdir(root));
	put("/etc/conf.d/a.conf", "/a1\n/a2\n");
	put("/etc/conf.d/b.conf", "/b\n");
	put("/etc/conf.d/c.txt", "/not-matched\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return unit_rmtree(root);
}

static void test_comments(void **state)
{
	(void)state;
	put("/comments.conf",
		"# a comment\n"
		"/usr/local/lib   # and one after a directory\n"
		" \t /opt/lib \t \n"
		"relative/dir\n"
		"/with space/lib\n"
		"#/commented/out\n"
		"\n"
		"/a#b\n"
		"include\n"
		"includefoo /x\n"
		"/last");
	expect("/comments.conf",
		"/usr/local/lib:/opt/lib:/with space/lib:/a:/last");
}

static void test_include_glob(void **state)
{
	(void)state;
	put("/etc/ld.so.conf", "/first\ninclude %s/etc/conf.d/*.conf\n"
		"/after\n", root);
	expect("/etc/ld.so.conf", "/first:/a1:/a2:/b:/after");
}

static void test_include_relative(void **state)
{
	(void)state;
	put("/etc/rel.conf", "include conf.d/b.conf\n"
		"include\t \tconf.d/a*\n");
	expect("/etc/rel.conf", "/b:/a1:/a2");
}

static void test_depth_limit(void **state)
{
	(void)state;
	/* A file that includes itself is read LDCONF_MAX_DEPTH + 1 times. */
	put("/loop.conf", "/loop\ninclude %s/loop.conf\n", root);
	expect("/loop.conf", "/loop:/loop:/loop:/loop:/loop");
	put("/loop-a.conf", "/x\ninclude loop-b.conf\n");
	put("/loop-b.conf", "/y\ninclude loop-a.conf\n");
	expect("/loop-a.conf", "/x:/y:/x:/y:/x");
	for (int i = 0; i < 7; i++) {
		char rel[32];

		snprintf(rel, sizeof rel, "/d%d.conf", i);
		put(rel, "/d%d\ninclude d%d.conf\n", i, i + 1);
	}
	expect("/d0.conf", "/d0:/d1:/d2:/d3:/d4");
}

static void test_missing(void **state)
{
	(void)state;
	expect("/nonexistent.conf", "");
	expect("/", "");		/* a directory reads as nothing */
	put("/missing-inc.conf", "include %s/nowhere/*.conf\n"
		"include none.conf\n/still\n", root);
	expect("/missing-inc.conf", "/still");
	put("/empty.conf", "%s", "");
	expect("/empty.conf", "");
}

static void test_long_lines(void **state)
{
	char *line = malloc(PATH_MAX + 1000), *want = malloc(PATH_MAX + 16);
	unsigned char junk[3000];
	char *dirs;
	size_t n;
	FILE *f;

	(void)state;
	/* XXX of ldconf.c: the first PATH_MAX - 1 bytes of a longer line
	   are a line, the rest another; the lines after it are read. */
	memset(line, 'x', PATH_MAX + 999);
	line[0] = '/';
	line[PATH_MAX + 999] = 0;
	put("/long.conf", "%s\n/next\n", line);
	memcpy(want, line, PATH_MAX - 1);
	strcpy(want + PATH_MAX - 1, ":/next");
	expect("/long.conf", want);
	free(line);
	free(want);
	/* Binary garbage, NUL bytes included: the line after it counts. */
	srand(1);
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)(rand() % 256);
	f = create("/junk.conf");
	assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
	fputs("\n/tail\n", f);
	assert_int_equal(fclose(f), 0);
	dirs = read_conf("/junk.conf");
	n = strlen(dirs);
	assert_true(n >= 5 && !strcmp(dirs + n - 5, "/tail"));
	free(dirs);
}

static void test_prefix(void **state)
{
	char host[PATH_MAX * 2];

	(void)state;
	use_prefix = true;
	put("/etc/pfx.conf", "include /etc/p.d/*.conf\ninclude rel.d/*\n"
		"/p0\n");
	put("/etc/p.d/x.conf", "/px\n");
	put("/etc/rel.d/r.conf", "/pr\n");
	/* The prefix's copies, opened by the paths the guest names. */
	expect("/etc/pfx.conf", "/px:/pr:/p0");
	assert_int_equal(nasked, 3);
	assert_string_equal(asked[0], "/etc/pfx.conf");
	assert_string_equal(asked[1], "/etc/p.d/x.conf");
	assert_string_equal(asked[2], "/etc/rel.d/r.conf");
	/* A host file's absolute includes are the host's. */
	put("/host.conf", "include %s/etc/p.d/*.conf\n", root);
	snprintf(host, sizeof host, "%s/host.conf", root);
	expect(host, "/px");
	use_prefix = false;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_include_glob),
		cmocka_unit_test(test_include_relative),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_prefix),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
