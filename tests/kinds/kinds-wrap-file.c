/*
 * tests/kinds/kinds-wrap-file.c: the "wrap" cases of files and paths
 * (libshim/file/ and the reroot wrappers): stat and the old __xstat ABI,
 * open, directories, glob and fnmatch, fopen, realpath, getcwd, links,
 * rename, mkdtemp, the ftw/nftw walks. Part of kinds-wrap (kinds-wrap.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinds.h"

/* glibc 2.33 made __xstat a compat symbol; bind that version explicitly. */
extern int __xstat(int, const char *, struct stat *);
__asm__(".symver __xstat,__xstat@GLIBC_2.2.5");

static void
t_stat(void **state)
{
	struct stat st;

	(void)state;
	kinds_write("stat", "hello\n");
	memset(&st, 0, sizeof(st));
	assert_int_equal(stat(kinds_path("stat"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size, 6);
	assert_int_equal(st.st_nlink, 1);
	assert_true(st.st_mtim.tv_sec > 1600000000);
	assert_int_equal(stat(kinds_dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_true(st.st_nlink >= 2);
	assert_errno(stat(kinds_path("missing"), &st), -1, ENOENT);
	assert_errno(stat(kinds_path("stat/x"), &st), -1, ENOTDIR);
	assert_errno(stat("", &st), -1, ENOENT);
}

static void
t_lstat(void **state)
{
	struct stat st;

	(void)state;
	kinds_write("lstat", "0123456789");
	assert_int_equal(symlink("lstat", kinds_path("lstat-link")), 0);
	assert_int_equal(symlink("nowhere", kinds_path("lstat-dangling")), 0);
	assert_int_equal(lstat(kinds_path("lstat-link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	/* A symbolic link's size is the length of its target. */
	assert_int_equal(st.st_size, 5);
	assert_int_equal(stat(kinds_path("lstat-link"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size, 10);
	assert_int_equal(lstat(kinds_path("lstat-dangling"), &st), 0);
	assert_errno(stat(kinds_path("lstat-dangling"), &st), -1, ENOENT);
	assert_errno(lstat(kinds_path("nothing"), &st), -1, ENOENT);
}

static void
t___xstat(void **state)
{
	struct stat st;

	(void)state;
	kinds_write("xstat", "abc");
	/* _STAT_VER_LINUX is 1 on x86-64; other versions are refused. */
	assert_int_equal(__xstat(1, kinds_path("xstat"), &st), 0);
	assert_int_equal(st.st_size, 3);
	assert_errno(__xstat(99, kinds_path("xstat"), &st), -1, EINVAL);
	assert_errno(__xstat(1, kinds_path("nothing"), &st), -1, ENOENT);
}

static void
t_open(void **state)
{
	struct stat st;
	mode_t old = umask(022);
	int fd;

	(void)state;
	fd = open(kinds_path("open"), O_WRONLY | O_CREAT | O_EXCL, 0666);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	/* The mode is masked by the umask. */
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	close(fd);
	umask(old);
	assert_errno(open(kinds_path("open"), O_WRONLY | O_CREAT | O_EXCL,
			  0666), -1, EEXIST);
	assert_errno(open(kinds_path("missing"), O_RDONLY), -1, ENOENT);
	assert_errno(open(kinds_dir, O_WRONLY), -1, EISDIR);
	assert_errno(open(kinds_path("open"), O_RDONLY | O_DIRECTORY), -1,
		     ENOTDIR);
	fd = open(kinds_path("open"), O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFD), FD_CLOEXEC);
	close(fd);
}

static void
t_openat(void **state)
{
	int dfd, fd;
	char buf[4];

	(void)state;
	assert_int_equal(mkdir(kinds_path("at"), 0755), 0);
	kinds_write("at/f", "xyz");
	dfd = open(kinds_path("at"), O_RDONLY | O_DIRECTORY);
	assert_true(dfd >= 0);
	fd = openat(dfd, "f", O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(read(fd, buf, 4), 3);
	close(fd);
	/* An absolute path ignores dirfd. */
	fd = openat(-1, kinds_path("at/f"), O_RDONLY);
	assert_true(fd >= 0);
	close(fd);
	assert_errno(openat(-1, "f", O_RDONLY), -1, EBADF);
	assert_errno(openat(dfd, "g", O_RDONLY), -1, ENOENT);
	fd = open(kinds_path("at/f"), O_RDONLY);
	assert_errno(openat(fd, "x", O_RDONLY), -1, ENOTDIR);
	close(fd);
	close(dfd);
}

static void
t_mkdir(void **state)
{
	struct stat st;
	mode_t old = umask(022);

	(void)state;
	assert_int_equal(mkdir(kinds_path("md"), 0777), 0);
	umask(old);
	assert_int_equal(stat(kinds_path("md"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	assert_errno(mkdir(kinds_path("md"), 0777), -1, EEXIST);
	assert_errno(mkdir(kinds_path("no/such"), 0777), -1, ENOENT);
	kinds_write("md-file", "");
	assert_errno(mkdir(kinds_path("md-file/sub"), 0777), -1, ENOTDIR);
}

static void
t_access(void **state)
{
	(void)state;
	kinds_write("access", "");
	assert_int_equal(access(kinds_path("access"), F_OK), 0);
	assert_int_equal(access(kinds_path("access"), R_OK | W_OK), 0);
	assert_errno(access(kinds_path("missing"), F_OK), -1, ENOENT);
	assert_errno(access(kinds_path("access/x"), F_OK), -1, ENOTDIR);
	assert_errno(access(kinds_path("access"), 0x40), -1, EINVAL);
}

static void
t_glob(void **state)
{
	glob_t g;
	char pat[600];

	(void)state;
	assert_int_equal(mkdir(kinds_path("gl"), 0755), 0);
	kinds_write("gl/b.c", "");
	kinds_write("gl/a.c", "");
	kinds_write("gl/c.h", "");
	assert_int_equal(mkdir(kinds_path("gl/d.c"), 0755), 0);
	snprintf(pat, sizeof(pat), "%s/*.c", kinds_path("gl"));
	memset(&g, 0, sizeof(g));
	g.gl_offs = 2;
	assert_int_equal(glob(pat, GLOB_MARK | GLOB_DOOFFS, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 3);
	assert_null(g.gl_pathv[0]);
	assert_null(g.gl_pathv[1]);
	/* Sorted; directories marked with '/'. */
	assert_string_equal(g.gl_pathv[2], kinds_path("gl/a.c"));
	assert_string_equal(g.gl_pathv[3], kinds_path("gl/b.c"));
	assert_string_equal(g.gl_pathv[4], kinds_path("gl/d.c/"));
	assert_null(g.gl_pathv[5]);
	globfree(&g);
	snprintf(pat, sizeof(pat), "%s/*.{h,x}", kinds_path("gl"));
	assert_int_equal(glob(pat, GLOB_BRACE, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	assert_string_equal(g.gl_pathv[0], kinds_path("gl/c.h"));
	globfree(&g);
	snprintf(pat, sizeof(pat), "%s/*.z", kinds_path("gl"));
	assert_int_equal(glob(pat, 0, NULL, &g), GLOB_NOMATCH);
	assert_int_equal(glob(pat, GLOB_NOCHECK, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	assert_string_equal(g.gl_pathv[0], pat);
	globfree(&g);
}

static void
t_fnmatch(void **state)
{
	(void)state;
	assert_int_equal(FNM_NOMATCH, 1);
	assert_int_equal(fnmatch("*.c", "a.c", 0), 0);
	assert_int_equal(fnmatch("*.c", "a.h", 0), FNM_NOMATCH);
	assert_int_equal(fnmatch("*", "a/b", 0), 0);
	assert_int_equal(fnmatch("*", "a/b", FNM_PATHNAME), FNM_NOMATCH);
	assert_int_equal(fnmatch("*", ".x", FNM_PERIOD), FNM_NOMATCH);
	assert_int_equal(fnmatch("[!a]x", "bx", 0), 0);
	assert_int_equal(fnmatch("\\*", "*", 0), 0);
	assert_int_equal(fnmatch("\\*", "\\*", FNM_NOESCAPE), 0);
	/* GNU flags. */
	assert_int_equal(fnmatch("*.C", "x.c", FNM_CASEFOLD), 0);
	assert_int_equal(fnmatch("a", "a/b/c", FNM_LEADING_DIR), 0);
	assert_int_equal(fnmatch("+(ab)", "ababab", FNM_EXTMATCH), 0);
	assert_int_equal(fnmatch("!(*.c)", "x.c", FNM_EXTMATCH), FNM_NOMATCH);
}

static void
t_fopen(void **state)
{
	FILE *f;

	(void)state;
	errno = 0;
	assert_null(fopen(kinds_path("missing"), "r"));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(fopen(kinds_path("missing"), "r+"));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(fopen(kinds_path("fopen"), "z"));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(fopen(kinds_dir, "w"));
	assert_int_equal(errno, EISDIR);
	f = fopen(kinds_path("fopen"), "wx");
	assert_non_null(f);
	fclose(f);
	/* 'x' (GNU, C11): exclusive creation. */
	errno = 0;
	assert_null(fopen(kinds_path("fopen"), "wx"));
	assert_int_equal(errno, EEXIST);
	/* 'e' (GNU): close-on-exec. */
	f = fopen(kinds_path("fopen"), "re");
	assert_non_null(f);
	assert_int_equal(fcntl(fileno(f), F_GETFD), FD_CLOEXEC);
	fclose(f);
}

static void
t_realpath(void **state)
{
	char buf[PATH_MAX], want[PATH_MAX], *p;

	(void)state;
	assert_int_equal(mkdir(kinds_path("rp"), 0755), 0);
	kinds_write("rp/f", "");
	assert_int_equal(symlink("rp/f", kinds_path("rp-link")), 0);
	assert_non_null(realpath(kinds_dir, want));
	strcat(want, "/rp/f");
	assert_ptr_equal(realpath(kinds_path("rp/../rp/./f"), buf), buf);
	assert_string_equal(buf, want);
	p = realpath(kinds_path("rp-link"), NULL);
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
	errno = 0;
	assert_null(realpath(kinds_path("rp/missing"), buf));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(realpath(kinds_path("rp/f/x"), buf));
	assert_int_equal(errno, ENOTDIR);
	errno = 0;
	assert_null(realpath(NULL, buf));
	assert_int_equal(errno, EINVAL);
}

static void
t_getcwd(void **state)
{
	char buf[PATH_MAX], old[PATH_MAX], want[PATH_MAX], *p;

	(void)state;
	assert_ptr_equal(getcwd(old, sizeof(old)), old);
	assert_non_null(realpath(kinds_dir, want));
	assert_int_equal(chdir(kinds_dir), 0);
	assert_ptr_equal(getcwd(buf, sizeof(buf)), buf);
	assert_string_equal(buf, want);
	/* GNU: a NULL buffer is allocated. */
	p = getcwd(NULL, 0);
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
	errno = 0;
	assert_null(getcwd(buf, 2));
	assert_int_equal(errno, ERANGE);
	errno = 0;
	assert_null(getcwd(buf, 0));
	assert_int_equal(errno, EINVAL);
	assert_int_equal(chdir(old), 0);
}

static void
t_readlink(void **state)
{
	char buf[8];

	(void)state;
	kinds_write("rl-file", "");
	assert_int_equal(symlink("0123456789", kinds_path("rl")), 0);
	/* No terminating NUL; the result is truncated to the buffer. */
	memset(buf, '#', sizeof(buf));
	assert_int_equal(readlink(kinds_path("rl"), buf, 4), 4);
	assert_memory_equal(buf, "0123#", 5);
	assert_errno(readlink(kinds_path("rl-file"), buf, 8), -1, EINVAL);
	assert_errno(readlink(kinds_path("missing"), buf, 8), -1, ENOENT);
}

static void
t_rename(void **state)
{
	(void)state;
	kinds_write("rn-a", "a");
	assert_int_equal(mkdir(kinds_path("rn-d"), 0755), 0);
	assert_int_equal(mkdir(kinds_path("rn-full"), 0755), 0);
	kinds_write("rn-full/x", "");
	assert_int_equal(rename(kinds_path("rn-a"), kinds_path("rn-b")), 0);
	assert_int_equal(access(kinds_path("rn-a"), F_OK), -1);
	assert_errno(rename(kinds_path("rn-a"), kinds_path("rn-c")), -1,
		     ENOENT);
	assert_errno(rename(kinds_path("rn-b"), kinds_path("rn-d")), -1,
		     EISDIR);
	assert_errno(rename(kinds_path("rn-d"), kinds_path("rn-b")), -1,
		     ENOTDIR);
	errno = 0;
	assert_int_equal(rename(kinds_path("rn-d"), kinds_path("rn-full")),
			 -1);
	assert_true(errno == ENOTEMPTY || errno == EEXIST);
}

static void
t_rmdir(void **state)
{
	(void)state;
	assert_int_equal(mkdir(kinds_path("rm"), 0755), 0);
	kinds_write("rm/f", "");
	assert_errno(rmdir(kinds_path("rm")), -1, ENOTEMPTY);
	assert_errno(rmdir(kinds_path("rm/f")), -1, ENOTDIR);
	assert_errno(rmdir(kinds_path("rm/.")), -1, EINVAL);
	assert_errno(rmdir(kinds_path("rm-missing")), -1, ENOENT);
	assert_int_equal(unlink(kinds_path("rm/f")), 0);
	assert_int_equal(rmdir(kinds_path("rm")), 0);
}

static void
t_mkdtemp(void **state)
{
	char tmpl[600], bad[600];
	struct stat st;

	(void)state;
	snprintf(tmpl, sizeof(tmpl), "%s", kinds_path("dt-XXXXXX"));
	snprintf(bad, sizeof(bad), "%s", kinds_path("dt-XXXXX"));
	assert_ptr_equal(mkdtemp(tmpl), tmpl);
	assert_null(strstr(tmpl, "XXXXXX"));
	assert_int_equal(stat(tmpl, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	errno = 0;
	assert_null(mkdtemp(bad));
	assert_int_equal(errno, EINVAL);
}

/* What the ftw/nftw callbacks saw, by base name. */
static struct walk {
	char name[8][32];
	int type[8], level[8], isreg[8];
	int n, stop_at;
} walk;

static int
walk_find(const char *name)
{
	for (int i = 0; i < walk.n && i < 8; i++)
		if (!strcmp(walk.name[i], name))
			return i;
	return -1;
}

static int
nftw_cb(const char *path, const struct stat *sb, int type, struct FTW *f)
{
	if (walk.n < 8) {
		snprintf(walk.name[walk.n], sizeof(walk.name[0]), "%s",
			 path + f->base);
		walk.type[walk.n] = type;
		walk.level[walk.n] = f->level;
		walk.isreg[walk.n] = S_ISREG(sb->st_mode);
	}
	return ++walk.n == walk.stop_at ? 77 : 0;
}

static int
ftw_cb(const char *path, const struct stat *sb, int type)
{
	struct FTW f = { (int)(strrchr(path, '/') + 1 - path), 0 };

	return nftw_cb(path, sb, type, &f);
}

/* kinds_dir/nf: file, sub/, link -> file. */
static void
make_tree(void)
{
	if (access(kinds_path("nf"), F_OK) == 0)
		return;
	assert_int_equal(mkdir(kinds_path("nf"), 0755), 0);
	kinds_write("nf/file", "x");
	assert_int_equal(mkdir(kinds_path("nf/sub"), 0755), 0);
	assert_int_equal(symlink("file", kinds_path("nf/link")), 0);
}

static void
t_nftw(void **state)
{
	int i;

	(void)state;
	make_tree();
	memset(&walk, 0, sizeof(walk));
	assert_int_equal(nftw(kinds_path("nf"), nftw_cb, 4,
			      FTW_PHYS | FTW_DEPTH), 0);
	assert_int_equal(walk.n, 4);
	/* FTW_DEPTH: the directory comes after its contents. */
	assert_string_equal(walk.name[3], "nf");
	assert_int_equal(walk.level[3], 0);
	assert_true((i = walk_find("file")) >= 0);
	assert_int_equal(walk.level[i], 1);
	assert_int_equal(walk.isreg[i], 1);
	assert_true(walk_find("sub") >= 0 && walk_find("link") >= 0);
	/* A non-zero callback result stops the walk and is returned. */
	memset(&walk, 0, sizeof(walk));
	walk.stop_at = 2;
	assert_int_equal(nftw(kinds_path("nf"), nftw_cb, 4, FTW_PHYS), 77);
	assert_int_equal(walk.n, 2);
	errno = 0;
	assert_int_equal(nftw(kinds_path("missing"), nftw_cb, 4, 0), -1);
	assert_int_equal(errno, ENOENT);
}

static void
t_nftw_typeflag(void **state)
{
	(void)state;
	/* glibc's values: FTW_F 0, FTW_D 1, FTW_SL 4, FTW_DP 5. */
	assert_int_equal(FTW_F, 0);
	assert_int_equal(FTW_D, 1);
	assert_int_equal(FTW_SL, 4);
	assert_int_equal(FTW_DP, 5);
	make_tree();
	memset(&walk, 0, sizeof(walk));
	assert_int_equal(nftw(kinds_path("nf"), nftw_cb, 4,
			      FTW_PHYS | FTW_DEPTH), 0);
	assert_int_equal(walk.n, 4);
	assert_int_equal(walk.type[walk_find("file")], FTW_F);
	assert_int_equal(walk.type[walk_find("link")], FTW_SL);
	assert_int_equal(walk.type[walk_find("sub")], FTW_DP);
	assert_int_equal(walk.type[walk_find("nf")], FTW_DP);
	memset(&walk, 0, sizeof(walk));
	assert_int_equal(nftw(kinds_path("nf"), nftw_cb, 4, FTW_PHYS), 0);
	assert_int_equal(walk.type[walk_find("nf")], FTW_D);
}

static void
t_ftw_typeflag(void **state)
{
	(void)state;
	make_tree();
	memset(&walk, 0, sizeof(walk));
	assert_int_equal(ftw(kinds_path("nf"), ftw_cb, 4), 0);
	assert_int_equal(walk.n, 4);
	/* ftw follows the link: it is a file. */
	assert_int_equal(walk.type[walk_find("link")], FTW_F);
	assert_int_equal(walk.type[walk_find("file")], FTW_F);
	assert_int_equal(walk.type[walk_find("sub")], FTW_D);
	assert_string_equal(walk.name[0], "nf");
	assert_int_equal(walk.type[0], FTW_D);
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(stat)
	KINDS_CASE(lstat)
	KINDS_CASE(__xstat)
	KINDS_CASE(open)
	KINDS_CASE(openat)
	KINDS_CASE(mkdir)
	KINDS_CASE(access)
	KINDS_CASE(glob)
	KINDS_CASE(fnmatch)
	KINDS_CASE(fopen)
	KINDS_CASE(realpath)
	KINDS_CASE(getcwd)
	KINDS_CASE(readlink)
	KINDS_CASE(rename)
	KINDS_CASE(rmdir)
	KINDS_CASE(mkdtemp)
	KINDS_CASE(nftw)
	KINDS_CASE_X(nftw, typeflag)
	KINDS_CASE_X(ftw, typeflag)
};

KINDS_PART(kinds_wrap_file, cases)
