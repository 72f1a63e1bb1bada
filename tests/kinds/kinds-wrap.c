/*
 * tests/kinds/kinds-wrap.c: functions the symmaps bind to a shim wrapper
 * ("wrap": lx_NAME converts around a musl call: struct layouts, flags,
 * errno, message texts, paths, globals). Each case asserts glibc's
 * documented behaviour (man pages, glibc manual), including error cases.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <netdb.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
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
t_getenv(void **state)
{
	(void)state;
	assert_null(getenv("KINDS_SURELY_UNSET"));
	assert_int_equal(setenv("KINDS_GET", "v=1", 1), 0);
	assert_string_equal(getenv("KINDS_GET"), "v=1");
	/* Whole names only: a prefix does not match. */
	assert_null(getenv("KINDS_GE"));
	assert_int_equal(putenv("KINDS_PUT=p"), 0);
	assert_string_equal(getenv("KINDS_PUT"), "p");
	/* A name with '=' never matches. */
	assert_null(getenv("KINDS_PUT=p"));
}

static void
t_setenv(void **state)
{
	extern char **environ;
	int found = 0;

	(void)state;
	assert_int_equal(setenv("KINDS_SET", "1", 0), 0);
	assert_string_equal(getenv("KINDS_SET"), "1");
	assert_int_equal(setenv("KINDS_SET", "2", 0), 0);
	assert_string_equal(getenv("KINDS_SET"), "1");
	assert_int_equal(setenv("KINDS_SET", "3", 1), 0);
	assert_string_equal(getenv("KINDS_SET"), "3");
	/* The change is visible in environ. */
	for (char **e = environ; *e; e++)
		found += !strcmp(*e, "KINDS_SET=3");
	assert_int_equal(found, 1);
	assert_errno(setenv("A=B", "x", 1), -1, EINVAL);
	assert_errno(setenv("", "x", 1), -1, EINVAL);
	assert_errno(setenv(NULL, "x", 1), -1, EINVAL);
}

static void
t_unsetenv(void **state)
{
	(void)state;
	assert_int_equal(setenv("KINDS_UNSET", "v", 1), 0);
	assert_int_equal(unsetenv("KINDS_UNSET"), 0);
	assert_null(getenv("KINDS_UNSET"));
	assert_int_equal(unsetenv("KINDS_UNSET"), 0);
	assert_errno(unsetenv("A=B"), -1, EINVAL);
	assert_errno(unsetenv(""), -1, EINVAL);
}

static void
t_strerror(void **state)
{
	(void)state;
	assert_string_equal(strerror(0), "Success");
	assert_string_equal(strerror(ENOENT), "No such file or directory");
	assert_string_equal(strerror(EAGAIN),
			    "Resource temporarily unavailable");
	assert_string_equal(strerror(EILSEQ),
		"Invalid or incomplete multibyte or wide character");
	assert_string_equal(strerror(EDEADLK), "Resource deadlock avoided");
	assert_string_equal(strerror(ENOTSUP), "Operation not supported");
	assert_string_equal(strerror(12345), "Unknown error 12345");
	assert_string_equal(strerror(-1), "Unknown error -1");
}

static void
t_strsignal(void **state)
{
	char want[64];

	(void)state;
	assert_string_equal(strsignal(SIGINT), "Interrupt");
	assert_string_equal(strsignal(SIGSEGV), "Segmentation fault");
	assert_string_equal(strsignal(SIGUSR1), "User defined signal 1");
	assert_string_equal(strsignal(SIGCHLD), "Child exited");
	assert_string_equal(strsignal(99), "Unknown signal 99");
	snprintf(want, sizeof(want), "Real-time signal %d",
		 SIGRTMAX - SIGRTMIN);
	assert_string_equal(strsignal(SIGRTMAX), want);
}

static void
t_gai_strerror(void **state)
{
	(void)state;
	assert_string_equal(gai_strerror(EAI_NONAME),
			    "Name or service not known");
	assert_string_equal(gai_strerror(EAI_AGAIN),
			    "Temporary failure in name resolution");
	assert_string_equal(gai_strerror(EAI_SERVICE),
			    "Servname not supported for ai_socktype");
	assert_string_equal(gai_strerror(EAI_FAMILY),
			    "ai_family not supported");
	assert_string_equal(gai_strerror(12345), "Unknown error");
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
t_strtol(void **state)
{
	const char *s;
	char *end;

	(void)state;
	s = "  -42xyz";
	assert_int_equal(strtol(s, &end, 10), -42);
	assert_ptr_equal(end, s + 5);
	assert_int_equal(strtol("0x1A", NULL, 0), 26);
	assert_int_equal(strtol("077", NULL, 0), 63);
	assert_int_equal(strtol("z", NULL, 36), 35);
	/* "0x" without hex digits: the 0 is the number. */
	s = "0xg";
	assert_int_equal(strtol(s, &end, 16), 0);
	assert_ptr_equal(end, s + 1);
	/* No digits: 0 and end = the string. */
	s = "xyz";
	assert_int_equal(strtol(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	assert_errno(strtol("9223372036854775808", NULL, 10), LONG_MAX,
		     ERANGE);
	assert_errno(strtol("-9223372036854775809", NULL, 10), LONG_MIN,
		     ERANGE);
	assert_errno(strtol("10", NULL, 1), 0, EINVAL);
	assert_errno(strtol("10", NULL, 37), 0, EINVAL);
}

static void
t_strtoul(void **state)
{
	char *end;
	const char *s = " +7!";

	(void)state;
	assert_int_equal(strtoul(s, &end, 10), 7);
	assert_ptr_equal(end, s + 3);
	/* A minus sign negates in unsigned arithmetic; not an error. */
	assert_errno(strtoul("-1", NULL, 10), ULONG_MAX, 0);
	assert_errno(strtoul("18446744073709551616", NULL, 10), ULONG_MAX,
		     ERANGE);
	assert_errno(strtoul("1", NULL, -1), 0, EINVAL);
}

static void
t_strtod(void **state)
{
	const char *s = "  3.5abc";
	char *end;

	(void)state;
	assert_true(strtod(s, &end) == 3.5);
	assert_ptr_equal(end, s + 5);
	assert_true(strtod("0x1p4", NULL) == 16.0);
	assert_true(isinf(strtod("-INFINITY", NULL)));
	assert_true(strtod("-inf", NULL) < 0);
	assert_true(isnan(strtod("nan(123)", &end)));
	assert_int_equal(*end, '\0');
	errno = 0;
	assert_true(strtod("1e999", NULL) == HUGE_VAL);
	assert_int_equal(errno, ERANGE);
	errno = 0;
	assert_true(strtod("1e-400", NULL) == 0.0);
	assert_int_equal(errno, ERANGE);
	s = "e5";
	assert_true(strtod(s, &end) == 0.0);
	assert_ptr_equal(end, s);
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

/*
 * execve(PATH) in a child: its errno as the exit status, or the status of
 * what PATH started (the scripts here exit with 120).
 */
static int
exec_errno(const char *path)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		errno = 0;
		if (execve(path, argv, envp) == -1)
			_exit(errno & 0x7f);
		_exit(126);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void
t_execve(void **state)
{
	(void)state;
	kinds_write("exec-script", "#!/bin/sh\nexit 120\n");
	assert_int_equal(chmod(kinds_path("exec-script"), 0755), 0);
	kinds_write("noexec-dir", "");
	/* The check that the test runs what it should. */
	assert_int_equal(exec_errno(kinds_path("exec-script")), 120);
	assert_int_equal(exec_errno(kinds_path("missing")), ENOENT);
	assert_int_equal(exec_errno(kinds_dir), EACCES);
	assert_int_equal(exec_errno(kinds_path("noexec-dir/x")), ENOTDIR);
}

static void
t_execve_noexec(void **state)
{
	(void)state;
	kinds_write("noexec", "#!/bin/sh\nexit 120\n");
	/* No execute permission (mode 0644): EACCES, even for root. */
	assert_int_equal(exec_errno(kinds_path("noexec")), EACCES);
}

static void
t_posix_spawn(void **state)
{
	char *argv[] = { "sh", "-c", "exit 3", NULL }, *envp[] = { NULL };
	pid_t pid = 0;
	int status;

	(void)state;
	/* Errors are returned, not stored in errno. */
	assert_int_equal(posix_spawn(&pid, kinds_path("missing"), NULL, NULL,
				     argv, envp), ENOENT);
	assert_int_equal(posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, envp),
			 0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
}

static void
t_posix_spawn_noexec(void **state)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	pid_t pid = 0;
	int status, err;

	(void)state;
	/* A file without execute permission is refused. */
	kinds_write("spawn-noexec", "#!/bin/sh\nexit 120\n");
	err = posix_spawn(&pid, kinds_path("spawn-noexec"), NULL, NULL, argv,
			  envp);
	if (err == 0)
		waitpid(pid, &status, 0);
	assert_int_equal(err, EACCES);
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
t_uname(void **state)
{
	struct utsname u;
	char host[sizeof(u.nodename)];

	(void)state;
	memset(&u, 0, sizeof(u));
	assert_int_equal(uname(&u), 0);
	assert_string_equal(u.sysname, "Linux");
	assert_string_equal(u.machine, "x86_64");
	assert_true(u.release[0] >= '2' && u.release[0] <= '9');
	assert_int_equal(gethostname(host, sizeof(host)), 0);
	assert_string_equal(u.nodename, host);
	/* The GNU domainname field follows version and machine. */
	assert_int_equal(sizeof(u), 6 * 65);
}

static volatile sig_atomic_t got_sig, got_code;

static void
on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_sig = sig;
	got_code = si->si_signo;
}

static void
t_sigaction(void **state)
{
	struct sigaction sa, old;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
	assert_ptr_equal(old.sa_handler, SIG_DFL);
	assert_int_equal(raise(SIGUSR1), 0);
	assert_int_equal(got_sig, SIGUSR1);
	assert_int_equal(got_code, SIGUSR1);
	assert_int_equal(sigaction(SIGUSR1, NULL, &old), 0);
	assert_ptr_equal(old.sa_sigaction, on_usr1);
	assert_true(old.sa_flags & SA_SIGINFO);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	assert_int_equal(sigaction(SIGUSR1, &sa, NULL), 0);
	assert_errno(sigaction(SIGKILL, &sa, NULL), -1, EINVAL);
	assert_errno(sigaction(0, &sa, NULL), -1, EINVAL);
	assert_errno(sigaction(65, &sa, NULL), -1, EINVAL);
}

static void
t_sigprocmask(void **state)
{
	sigset_t set, old, pend;

	(void)state;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	assert_int_equal(sigprocmask(SIG_BLOCK, &set, &old), 0);
	assert_int_equal(sigismember(&old, SIGUSR2), 0);
	assert_int_equal(raise(SIGUSR2), 0);
	assert_int_equal(sigpending(&pend), 0);
	assert_int_equal(sigismember(&pend, SIGUSR2), 1);
	signal(SIGUSR2, SIG_IGN);
	assert_int_equal(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	signal(SIGUSR2, SIG_DFL);
	assert_errno(sigprocmask(12345, &set, NULL), -1, EINVAL);
	/* how is ignored when set is NULL. */
	assert_int_equal(sigprocmask(12345, NULL, &old), 0);
}

static void
t_program_invocation_short_name(void **state)
{
	const char *slash = strrchr(program_invocation_name, '/');

	(void)state;
	assert_string_equal(program_invocation_short_name, "kinds-wrap");
	assert_string_equal(slash ? slash + 1 : program_invocation_name,
			    "kinds-wrap");
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

static void
t_pathconf(void **state)
{
	(void)state;
	kinds_write("pathconf", "");
	assert_int_equal(pathconf(kinds_dir, _PC_NAME_MAX), 255);
	assert_int_equal(pathconf(kinds_path("pathconf"), _PC_NAME_MAX),
			 255);
	assert_true(pathconf(kinds_dir, _PC_PATH_MAX) >= 256);
	assert_errno(pathconf(kinds_dir, 12345), -1, EINVAL);
}

static void
t_pathconf_enoent(void **state)
{
	(void)state;
	/* glibc asks the file system (statfs): errors of the path count. */
	assert_errno(pathconf(kinds_path("missing"), _PC_NAME_MAX), -1,
		     ENOENT);
}

static void
t_snprintf(void **state)
{
	char buf[16];

	(void)state;
	/* The result is the length the output would have had. */
	assert_int_equal(snprintf(buf, 4, "%s", "hello"), 5);
	assert_string_equal(buf, "hel");
	assert_int_equal(snprintf(NULL, 0, "%d", -12345), 6);
	assert_int_equal(snprintf(buf, sizeof(buf), "%5.1f|%#x|%-3s|",
				  3.14159, 255, "a"), 15);
	assert_string_equal(buf, "  3.1|0xff|a  |");
	assert_int_equal(snprintf(buf, sizeof(buf), "%p", (void *)0x1234), 6);
	assert_string_equal(buf, "0x1234");
}

static void
t_snprintf_nil(void **state)
{
	char buf[16];

	(void)state;
	/* glibc manual: "Null pointers print as '(nil)'". */
	assert_int_equal(snprintf(buf, sizeof(buf), "%p", (void *)0), 5);
	assert_string_equal(buf, "(nil)");
}

static void
t_snprintf_m(void **state)
{
	char buf[80];

	(void)state;
	/* %m (GNU) is the text of strerror(errno): glibc's texts. */
	errno = EILSEQ;
	snprintf(buf, sizeof(buf), "%m");
	assert_string_equal(buf,
		"Invalid or incomplete multibyte or wide character");
	errno = 0;
	snprintf(buf, sizeof(buf), "[%m]");
	assert_string_equal(buf, "[Success]");
}

static void
t_asprintf(void **state)
{
	char *s = NULL;

	(void)state;
	assert_int_equal(asprintf(&s, "%s-%03d", "id", 7), 6);
	assert_non_null(s);
	assert_string_equal(s, "id-007");
	free(s);
	assert_int_equal(asprintf(&s, "%s", ""), 0);
	assert_string_equal(s, "");
	free(s);
}

static void
t_confstr(void **state)
{
	char buf[64];
	size_t n;

	(void)state;
	n = confstr(_CS_PATH, buf, sizeof(buf));
	assert_int_equal(n, strlen(buf) + 1);
	assert_non_null(strstr(buf, "/bin"));
	/* The result counts the NUL and is the full size when truncated. */
	assert_int_equal(confstr(_CS_PATH, buf, 2), n);
	assert_int_equal(strlen(buf), 1);
	errno = 0;
	assert_int_equal(confstr(-1, buf, sizeof(buf)), 0);
	assert_int_equal(errno, EINVAL);
}

static void
t_confstr_gnu(void **state)
{
	char buf[64];
	size_t n;

	(void)state;
	/* glibc manual: _CS_GNU_LIBC_VERSION is "glibc VERSION". */
	errno = 0;
	n = confstr(_CS_GNU_LIBC_VERSION, buf, sizeof(buf));
	assert_int_equal(errno, 0);
	assert_true(n > 9);
	assert_int_equal(n, strlen(buf) + 1);
	assert_memory_equal(buf, "glibc 2.", 8);
}

static void
call_psignal(void)
{
	psignal(SIGINT, "kinds");
	psignal(SIGSEGV, NULL);
}

static void
call_psignal_unknown(void)
{
	psignal(99, "kinds");
}

static void
t_psignal(void **state)
{
	(void)state;
	/* "S: DESCRIPTION\n"; a NULL or empty S prints only the text. */
	assert_string_equal(kinds_stderr("psignal", call_psignal),
			    "kinds: Interrupt\nSegmentation fault\n");
}

static void
t_psignal_unknown(void **state)
{
	(void)state;
	assert_string_equal(kinds_stderr("psignal-unknown",
					 call_psignal_unknown),
			    "kinds: Unknown signal 99\n");
}

static void
t_sysconf(void **state)
{
	(void)state;
	assert_int_equal(sysconf(_SC_PAGESIZE), getpagesize());
	assert_true(sysconf(_SC_NPROCESSORS_ONLN) >= 1);
	assert_true(sysconf(_SC_OPEN_MAX) > 0);
	assert_true(sysconf(_SC_CLK_TCK) > 0);
	errno = 0;
	assert_int_equal(sysconf(-1), -1);
	assert_int_equal(errno, EINVAL);
}

static void
t_sysconf_cache(void **state)
{
	long n;

	(void)state;
	/* glibc's cache names (bits/confname.h): a size, 0 if unknown. */
	errno = 0;
	n = sysconf(_SC_LEVEL1_DCACHE_LINESIZE);
	assert_int_equal(errno, 0);
	assert_true(n >= 0);
}

static void
t_sysconf_sigstksz(void **state)
{
	long min, full;

	(void)state;
	/* glibc 2.34: the signal stack sizes for this CPU, from the
	 * kernel's AT_MINSIGSTKSZ when it gives one; programs allocate
	 * alternate signal stacks of _SC_SIGSTKSZ bytes. */
	errno = 0;
	min = sysconf(_SC_MINSIGSTKSZ);
	full = sysconf(_SC_SIGSTKSZ);
	assert_int_equal(errno, 0);
	/* (with _GNU_SOURCE, MINSIGSTKSZ and SIGSTKSZ are these calls;
	 * the old constants were 2048 and 8192) */
	assert_true(min >= 2048);
	assert_true(full >= min && full >= 8192);
	if (getauxval(AT_MINSIGSTKSZ) != 0)
		assert_int_equal(min, (long)getauxval(AT_MINSIGSTKSZ));
}

static void
t_fpathconf(void **state)
{
	int fd = open("/", O_RDONLY | O_DIRECTORY);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(fpathconf(fd, _PC_NAME_MAX), 255);
	errno = 0;
	assert_int_equal(fpathconf(fd, 12345), -1);
	assert_int_equal(errno, EINVAL);
	close(fd);
}

static void
t_fpathconf_ebadf(void **state)
{
	(void)state;
	/* glibc asks the file system (fstatfs): a bad descriptor fails. */
	errno = 0;
	assert_int_equal(fpathconf(-1, _PC_NAME_MAX), -1);
	assert_int_equal(errno, EBADF);
}

static void
t_setlocale(void **state)
{
	(void)state;
	assert_string_equal(setlocale(LC_ALL, "C"), "C");
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
	assert_string_equal(setlocale(LC_NUMERIC, "POSIX"), "C");
	assert_null(setlocale(12345, "C"));
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
}

static void
t_setlocale_unknown(void **state)
{
	(void)state;
	/* A locale that does not exist: NULL, and nothing changes. */
	assert_null(setlocale(LC_ALL, "kinds_NO.SUCH-LOCALE"));
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
	setlocale(LC_ALL, "C");
}

static void
t_strptime(void **state)
{
	struct tm tm;
	const char *s = "2024-02-29 12:34:56 rest";
	char *end;

	(void)state;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	assert_ptr_equal(end, s + 19);
	assert_int_equal(tm.tm_year, 124);
	assert_int_equal(tm.tm_mon, 1);
	assert_int_equal(tm.tm_mday, 29);
	assert_int_equal(tm.tm_hour, 12);
	assert_int_equal(tm.tm_min, 34);
	assert_int_equal(tm.tm_sec, 56);
	assert_null(strptime("2024-13-01", "%Y-%m-%d", &tm));
	assert_null(strptime("12:xx", "%H:%M", &tm));
}

static void
t_strptime_z(void **state)
{
	struct tm tm;
	const char *s = "12:00 +0530";

	(void)state;
	/* glibc: %z takes +hhmm and sets tm_gmtoff. */
	memset(&tm, 0, sizeof(tm));
	assert_ptr_equal(strptime(s, "%H:%M %z", &tm), s + 11);
	assert_int_equal(tm.tm_gmtoff, 5 * 3600 + 30 * 60);
}

static const struct CMUnitTest kinds_cases[] = {
	KINDS_CASE(stat)
	KINDS_CASE(lstat)
	KINDS_CASE(__xstat)
	KINDS_CASE(open)
	KINDS_CASE(openat)
	KINDS_CASE(mkdir)
	KINDS_CASE(access)
	KINDS_CASE(getenv)
	KINDS_CASE(setenv)
	KINDS_CASE(unsetenv)
	KINDS_CASE(strerror)
	KINDS_CASE(strsignal)
	KINDS_CASE(gai_strerror)
	KINDS_CASE(glob)
	KINDS_CASE(fnmatch)
	KINDS_CASE(strtol)
	KINDS_CASE(strtoul)
	KINDS_CASE(strtod)
	KINDS_CASE(fopen)
	KINDS_CASE(realpath)
	KINDS_CASE(execve)
	KINDS_CASE_X(execve, noexec)
	KINDS_CASE(posix_spawn)
	KINDS_CASE_X(posix_spawn, noexec)
	KINDS_CASE(getcwd)
	KINDS_CASE(readlink)
	KINDS_CASE(rename)
	KINDS_CASE(rmdir)
	KINDS_CASE(uname)
	KINDS_CASE(sigaction)
	KINDS_CASE(sigprocmask)
	KINDS_CASE(program_invocation_short_name)
	KINDS_CASE(mkdtemp)
	KINDS_CASE(pathconf)
	KINDS_CASE_X(pathconf, enoent)
	KINDS_CASE(nftw)
	KINDS_CASE_X(nftw, typeflag)
	KINDS_CASE_X(ftw, typeflag)
	KINDS_CASE(snprintf)
	KINDS_CASE_X(snprintf, nil)
	KINDS_CASE_X(snprintf, m)
	KINDS_CASE(asprintf)
	KINDS_CASE(confstr)
	KINDS_CASE_X(confstr, gnu)
	KINDS_CASE(psignal)
	KINDS_CASE_X(psignal, unknown)
	KINDS_CASE(sysconf)
	KINDS_CASE_X(sysconf, cache)
	KINDS_CASE_X(sysconf, sigstksz)
	KINDS_CASE(fpathconf)
	KINDS_CASE_X(fpathconf, ebadf)
	KINDS_CASE(setlocale)
	KINDS_CASE_X(setlocale, unknown)
	KINDS_CASE(strptime)
	KINDS_CASE_X(strptime, z)
};

KINDS_MAIN("kinds-wrap")
