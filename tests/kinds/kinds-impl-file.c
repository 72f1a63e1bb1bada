/*
 * tests/kinds/kinds-impl-file.c: the "impl" cases of files and Linux
 * calls (libshim/file/, libshim/syscall/): fcntl, canonicalize_file_name,
 * statx, close_range, renameat2, and glibc's dev_t encoding. Part of
 * kinds-impl (kinds-impl.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kinds.h"

static void
t_fcntl(void **state)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
			    .l_start = 0, .l_len = 10 };
	int fd, d, status;
	pid_t pid;

	(void)state;
	kinds_write("fcntl", "0123456789");
	fd = open(kinds_path("fcntl"), O_RDWR | O_APPEND);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND),
			 O_RDWR | O_APPEND);
	assert_int_equal(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	assert_int_equal(fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK),
			 O_NONBLOCK);
	d = fcntl(fd, F_DUPFD, 50);
	assert_true(d >= 50);
	assert_int_equal(fcntl(d, F_GETFD), 0);
	close(d);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 60);
	assert_true(d >= 60);
	assert_int_equal(fcntl(d, F_GETFD), FD_CLOEXEC);
	close(d);
	/* A lock held here is seen from another process. */
	assert_int_equal(fcntl(fd, F_SETLK, &fl), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct flock q = { .l_type = F_RDLCK, .l_whence = SEEK_SET,
				   .l_start = 5, .l_len = 1 };

		if (fcntl(fd, F_GETLK, &q) != 0 || q.l_type != F_WRLCK ||
		    q.l_pid != getppid() || q.l_start != 0 || q.l_len != 10)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(fd);
	assert_errno(fcntl(-1, F_GETFD), -1, EBADF);
	assert_errno(fcntl(0, 12345), -1, EINVAL);
}

static void
t_canonicalize_file_name(void **state)
{
	char want[4096], *p;

	(void)state;
	kinds_write("cfn", "");
	assert_non_null(realpath(kinds_dir, want));
	strcat(want, "/cfn");
	p = canonicalize_file_name(kinds_path("./cfn/../cfn"));
	assert_null(p);
	p = canonicalize_file_name(kinds_path("././cfn"));
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
	errno = 0;
	assert_null(canonicalize_file_name(kinds_path("missing")));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(canonicalize_file_name(kinds_path("cfn/x")));
	assert_int_equal(errno, ENOTDIR);
}

static void
t_statx(void **state)
{
	struct statx sx;
	int fd;

	(void)state;
	kinds_write("statx", "12345678");
	memset(&sx, 0, sizeof(sx));
	assert_int_equal(statx(AT_FDCWD, kinds_path("statx"), 0,
			       STATX_BASIC_STATS, &sx), 0);
	assert_true((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	assert_true(S_ISREG(sx.stx_mode));
	assert_int_equal(sx.stx_size, 8);
	assert_int_equal(sx.stx_nlink, 1);
	fd = open(kinds_path("statx"), O_RDONLY);
	memset(&sx, 0, sizeof(sx));
	assert_int_equal(statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx), 0);
	assert_int_equal(sx.stx_size, 8);
	close(fd);
	assert_errno(statx(AT_FDCWD, kinds_path("missing"), 0, STATX_SIZE,
			   &sx), -1, ENOENT);
	assert_errno(statx(AT_FDCWD, kinds_path("statx"), 0x40000000,
			   STATX_SIZE, &sx), -1, EINVAL);
}

static void
t_close_range(void **state)
{
	int a = dup2(0, 200), b = dup2(0, 201), c = dup2(0, 202);

	(void)state;
	assert_true(a == 200 && b == 201 && c == 202);
	assert_int_equal(close_range(201, 202, CLOSE_RANGE_CLOEXEC), 0);
	assert_int_equal(fcntl(201, F_GETFD), FD_CLOEXEC);
	assert_int_equal(close_range(200, 202, 0), 0);
	assert_errno(fcntl(200, F_GETFD), -1, EBADF);
	assert_errno(fcntl(202, F_GETFD), -1, EBADF);
	assert_errno(close_range(10, 5, 0), -1, EINVAL);
	assert_errno(close_range(3, 3, 0x8000), -1, EINVAL);
}

static void
t_renameat2(void **state)
{
	char buf[4] = { 0 };
	int fd;

	(void)state;
	kinds_write("r2-a", "a");
	kinds_write("r2-b", "b");
	assert_errno(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
			       kinds_path("r2-b"), RENAME_NOREPLACE), -1,
		     EEXIST);
	assert_int_equal(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
				   kinds_path("r2-b"), RENAME_EXCHANGE), 0);
	fd = open(kinds_path("r2-a"), O_RDONLY);
	assert_int_equal(read(fd, buf, 3), 1);
	assert_string_equal(buf, "b");
	close(fd);
	assert_errno(renameat2(AT_FDCWD, kinds_path("r2-a"), AT_FDCWD,
			       kinds_path("r2-b"),
			       RENAME_NOREPLACE | RENAME_EXCHANGE), -1,
		     EINVAL);
}

static void
t_gnu_dev_makedev(void **state)
{
	dev_t d = makedev(8, 1), big = makedev(0x12345, 0xabcdef);

	(void)state;
	/* The glibc encoding: 12 + 20 bits of major, 8 + 24 of minor. */
	assert_int_equal(d, 0x801);
	assert_int_equal(major(d), 8);
	assert_int_equal(minor(d), 1);
	assert_int_equal(big, 0x1200abcd345efULL);
	assert_int_equal(major(big), 0x12345);
	assert_int_equal(minor(big), 0xabcdef);
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(fcntl)
	KINDS_CASE(canonicalize_file_name)
	KINDS_CASE(statx)
	KINDS_CASE(close_range)
	KINDS_CASE(renameat2)
	KINDS_CASE(gnu_dev_makedev)
};

KINDS_PART(kinds_impl_file, cases)
