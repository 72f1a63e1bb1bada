/*
 * tests/kinds/kinds-wrap-system.c: the "wrap" cases of the system's
 * answers (libshim/system/): uname, pathconf and fpathconf, confstr,
 * sysconf. Part of kinds-wrap (kinds-wrap.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kinds.h"

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

static const struct CMUnitTest cases[] = {
	KINDS_CASE(uname)
	KINDS_CASE(pathconf)
	KINDS_CASE_X(pathconf, enoent)
	KINDS_CASE(confstr)
	KINDS_CASE_X(confstr, gnu)
	KINDS_CASE(sysconf)
	KINDS_CASE_X(sysconf, cache)
	KINDS_CASE_X(sysconf, sigstksz)
	KINDS_CASE(fpathconf)
	KINDS_CASE_X(fpathconf, ebadf)
};

KINDS_PART(kinds_wrap_system, cases)
