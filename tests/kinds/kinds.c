/*
 * tests/kinds/kinds.c: the shared main of the provision-kind tests: case
 * selection (--skip, --expect-fail), the joining of a program's parts, and
 * the scratch directory that the cases create files in.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinds.h"

const char *kinds_dir;
static char dir_buf[64];

const char *
kinds_path(const char *name)
{
	static char buf[4][512];
	static int next;
	char *p = buf[next++ % 4];

	snprintf(p, sizeof(buf[0]), "%s/%s", kinds_dir, name);
	return p;
}

void
kinds_write(const char *name, const char *text)
{
	FILE *f = fopen(kinds_path(name), "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

const char *
kinds_stderr(const char *name, void (*fn)(void))
{
	static char buf[512];
	int fd = open(kinds_path(name), O_RDWR | O_CREAT | O_TRUNC, 0644);
	int saved = dup(2);
	ssize_t n;

	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, 2);
	fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Removes PATH and everything under it (no symlinks are followed). */
static void
remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char sub[1024];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		remove_tree(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static int
group_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir_buf, sizeof(dir_buf), "%s/kinds-XXXXXX",
		 tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	kinds_dir = mkdtemp(dir_buf);
	return kinds_dir ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (kinds_dir)
		remove_tree(kinds_dir);
	return 0;
}

static int
skipped(const char *name, int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--skip") && !strcmp(argv[i + 1], name))
			return 1;
	return 0;
}

static int
expect_fail(const char *group, const struct CMUnitTest *c)
{
	int failed = _cmocka_run_group_tests(group, c, 1, group_setup,
					     group_teardown);

	if (failed) {
		printf("%s: known failure %s fails as recorded\n", group,
		       c->name);
		return 0;
	}
	printf("%s: known failure %s now PASSES: remove it from "
	       "known-failures.txt\n", group, c->name);
	return 1;
}

int
kinds_main(int argc, char **argv, const char *group,
	   const struct CMUnitTest *cases, size_t n)
{
	struct CMUnitTest *run = calloc(n ? n : 1, sizeof(*run));
	size_t k = 0;

	if (!run)
		return 2;
	if (argc == 3 && !strcmp(argv[1], "--expect-fail")) {
		for (size_t i = 0; i < n; i++)
			if (!strcmp(cases[i].name, argv[2]))
				return expect_fail(group, &cases[i]);
		fprintf(stderr, "%s: no case %s\n", group, argv[2]);
		return 2;
	}
	for (size_t i = 0; i < n; i++)
		if (!skipped(cases[i].name, argc, argv))
			run[k++] = cases[i];
	return _cmocka_run_group_tests(group, run, k, group_setup,
				       group_teardown) ? 1 : 0;
}

int
kinds_main_parts(int argc, char **argv, const char *group,
		 const struct kinds_part *const *parts, size_t nparts)
{
	struct CMUnitTest *all;
	size_t n = 0, k = 0;
	int status;

	for (size_t i = 0; i < nparts; i++)
		n += parts[i]->n;
	all = calloc(n ? n : 1, sizeof(*all));
	if (!all)
		return 2;
	for (size_t i = 0; i < nparts; i++)
		for (size_t j = 0; j < parts[i]->n; j++)
			all[k++] = parts[i]->cases[j];
	status = kinds_main(argc, argv, group, all, n);
	free(all);
	return status;
}
