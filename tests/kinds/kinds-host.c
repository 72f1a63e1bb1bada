/*
 * tests/kinds/kinds-host.c: functions the symmaps bind directly to musl
 * ("host"). Each case asserts glibc's documented behaviour (man pages,
 * glibc manual): results, errno values, struct layouts, texts. Passing
 * natively proves the expectations are glibc's; passing through the shim
 * proves the host claim (same ABI and semantics) for that function.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <locale.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kinds.h"

static void
t_strlen(void **state)
{
	static const char buf[] = "abc\0def";

	(void)state;
	assert_int_equal(strlen(""), 0);
	assert_int_equal(strlen(buf), 3);
	assert_int_equal(strlen(buf + 4), 3);
}

static void
t_memchr(void **state)
{
	static const char s[] = "hello, world";

	(void)state;
	assert_ptr_equal(memchr(s, 'o', sizeof(s)), s + 4);
	/* The terminating NUL is a byte like the others. */
	assert_ptr_equal(memchr(s, '\0', sizeof(s)), s + 12);
	/* Only the first n bytes are searched. */
	assert_null(memchr(s, 'w', 7));
	assert_null(memchr(s, 'o', 0));
	/* c is converted to unsigned char. */
	assert_ptr_equal(memchr("a\xff", 0x1ff, 2), (const char *)"a\xff" + 1);
}

static void
t_strtok_r(void **state)
{
	char s[] = ",a,,b;c;", empty[] = "", *save = NULL;

	(void)state;
	assert_string_equal(strtok_r(s, ",;", &save), "a");
	assert_string_equal(strtok_r(NULL, ",;", &save), "b");
	assert_string_equal(strtok_r(NULL, ",;", &save), "c");
	assert_null(strtok_r(NULL, ",;", &save));
	assert_null(strtok_r(empty, ",", &save));
}

static void
t_close(void **state)
{
	int fd = open("/dev/null", O_RDONLY);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(close(fd), 0);
	errno = 0;
	assert_int_equal(close(fd), -1);
	assert_int_equal(errno, EBADF);
	errno = 0;
	assert_int_equal(close(-1), -1);
	assert_int_equal(errno, EBADF);
}

static void
t_pipe(void **state)
{
	int fds[2];
	char buf[8];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_true(fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1]);
	/* fds[0] is the read end, fds[1] the write end. */
	assert_int_equal(write(fds[1], "abc", 3), 3);
	errno = 0;
	assert_int_equal(write(fds[0], "x", 1), -1);
	assert_int_equal(errno, EBADF);
	assert_int_equal(read(fds[0], buf, sizeof(buf)), 3);
	assert_memory_equal(buf, "abc", 3);
	close(fds[1]);
	assert_int_equal(read(fds[0], buf, sizeof(buf)), 0);
	close(fds[0]);
}

static void
t_dup2(void **state)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC), nfd;

	(void)state;
	assert_true(fd >= 0);
	/* Same descriptor: returns it and does nothing. */
	assert_int_equal(dup2(fd, fd), fd);
	nfd = dup2(fd, 100);
	assert_int_equal(nfd, 100);
	/* The close-on-exec flag is off on the duplicate. */
	assert_int_equal(fcntl(nfd, F_GETFD), 0);
	assert_int_equal(fcntl(fd, F_GETFD), FD_CLOEXEC);
	errno = 0;
	assert_int_equal(dup2(-1, 101), -1);
	assert_int_equal(errno, EBADF);
	errno = 0;
	assert_int_equal(dup2(fd, -1), -1);
	assert_int_equal(errno, EBADF);
	close(nfd);
	close(fd);
}

static void
t_bsearch(void **state)
{
	static const int v[] = { 1, 3, 5, 7, 9 };
	int key = 7;

	(void)state;
	assert_ptr_equal(bsearch(&key, v, 5, sizeof(v[0]), kinds_cmp_int), &v[3]);
	key = 4;
	assert_null(bsearch(&key, v, 5, sizeof(v[0]), kinds_cmp_int));
	key = 1;
	assert_null(bsearch(&key, v, 0, sizeof(v[0]), kinds_cmp_int));
}

static void
t_strncasecmp(void **state)
{
	(void)state;
	assert_int_equal(strncasecmp("HeLLo", "hello", 5), 0);
	assert_int_equal(strncasecmp("abcX", "ABCY", 3), 0);
	assert_true(strncasecmp("abc", "ABD", 3) < 0);
	assert_true(strncasecmp("b", "A", 1) > 0);
	assert_int_equal(strncasecmp("x", "y", 0), 0);
}

static void
t_clock_gettime(void **state)
{
	struct timespec ts;

	(void)state;
	assert_int_equal(clock_gettime(CLOCK_MONOTONIC, &ts), 0);
	assert_true(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	assert_int_equal(clock_gettime(CLOCK_REALTIME, &ts), 0);
	assert_true(ts.tv_sec > 1600000000);
	errno = 0;
	assert_int_equal(clock_gettime((clockid_t)12345, &ts), -1);
	assert_int_equal(errno, EINVAL);
}

static void
t_nanosleep(void **state)
{
	struct timespec bad = { 0, 1000000000 }, neg = { -1, 0 };
	struct timespec tiny = { 0, 1000 };

	(void)state;
	errno = 0;
	assert_int_equal(nanosleep(&bad, NULL), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(nanosleep(&neg, NULL), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(nanosleep(&tiny, NULL), 0);
}

static void
t_fstat(void **state)
{
	struct stat st;
	int fd;

	(void)state;
	kinds_write("fstat", "12345");
	fd = open(kinds_path("fstat"), O_RDONLY);
	assert_true(fd >= 0);
	memset(&st, 0xa5, sizeof(st));
	assert_int_equal(fstat(fd, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size, 5);
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(st.st_uid, getuid());
	assert_true(st.st_blksize > 0);
	close(fd);
	errno = 0;
	assert_int_equal(fstat(-1, &st), -1);
	assert_int_equal(errno, EBADF);
}

static void
t_readdir(void **state)
{
	DIR *d;
	struct dirent *e;
	int seen = 0;

	(void)state;
	assert_int_equal(mkdir(kinds_path("rd"), 0755), 0);
	kinds_write("rd/file", "");
	assert_int_equal(mkdir(kinds_path("rd/sub"), 0755), 0);
	d = opendir(kinds_path("rd"));
	assert_non_null(d);
	while ((e = readdir(d))) {
		assert_true(e->d_reclen > 0);
		assert_true(e->d_ino != 0);
		if (!strcmp(e->d_name, "file")) {
			assert_int_equal(e->d_type, DT_REG);
			seen |= 1;
		} else if (!strcmp(e->d_name, "sub")) {
			assert_int_equal(e->d_type, DT_DIR);
			seen |= 2;
		} else if (!strcmp(e->d_name, ".")) {
			assert_int_equal(e->d_type, DT_DIR);
			seen |= 4;
		}
	}
	assert_int_equal(seen, 7);
	closedir(d);
}

static void
t_lseek(void **state)
{
	int fd, fds[2];

	(void)state;
	kinds_write("lseek", "0123456789");
	fd = open(kinds_path("lseek"), O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(lseek(fd, 0, SEEK_END), 10);
	assert_int_equal(lseek(fd, -3, SEEK_CUR), 7);
	errno = 0;
	assert_int_equal(lseek(fd, -20, SEEK_SET), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(lseek(fd, 0, 12345), -1);
	assert_int_equal(errno, EINVAL);
	close(fd);
	assert_int_equal(pipe(fds), 0);
	errno = 0;
	assert_int_equal(lseek(fds[0], 0, SEEK_SET), -1);
	assert_int_equal(errno, ESPIPE);
	close(fds[0]);
	close(fds[1]);
}

static void
t_getline(void **state)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0;

	(void)state;
	kinds_write("getline", "one\n\nlast");
	f = fopen(kinds_path("getline"), "r");
	assert_non_null(f);
	assert_int_equal(getline(&line, &cap, f), 4);
	assert_string_equal(line, "one\n");
	assert_true(cap > 4);
	assert_int_equal(getline(&line, &cap, f), 1);
	assert_string_equal(line, "\n");
	assert_int_equal(getline(&line, &cap, f), 4);
	assert_string_equal(line, "last");
	assert_int_equal(getline(&line, &cap, f), -1);
	assert_true(feof(f));
	free(line);
	fclose(f);
	errno = 0;
	assert_int_equal(getline(NULL, &cap, stdin), -1);
	assert_int_equal(errno, EINVAL);
}

static void
t_strverscmp(void **state)
{
	/* The man page's order: 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10. */
	static const char *const order[] = {
		"000", "00", "01", "010", "09", "0", "1", "9", "10",
	};

	(void)state;
	for (size_t i = 0; i + 1 < sizeof(order) / sizeof(order[0]); i++) {
		assert_true(strverscmp(order[i], order[i + 1]) < 0);
		assert_true(strverscmp(order[i + 1], order[i]) > 0);
	}
	assert_int_equal(strverscmp("jan10", "jan10"), 0);
	assert_true(strverscmp("item2", "item10") < 0);
}

static void
t_timegm(void **state)
{
	struct tm tm = { .tm_year = 100, .tm_mon = 1, .tm_mday = 29,
			 .tm_hour = 12, .tm_min = 0, .tm_sec = 0 };
	struct tm over = { .tm_year = 70, .tm_mon = 0, .tm_mday = 32 };

	(void)state;
	assert_int_equal(timegm(&tm), 951825600);
	/* Normalized: tm_wday and tm_yday are filled in. */
	assert_int_equal(tm.tm_wday, 2);
	assert_int_equal(tm.tm_yday, 59);
	/* Out-of-range fields are normalized: Jan 32 is Feb 1. */
	assert_int_equal(timegm(&over), 31 * 86400);
	assert_int_equal(over.tm_mon, 1);
	assert_int_equal(over.tm_mday, 1);
}

static void
t_strchrnul(void **state)
{
	static const char s[] = "key=value";

	(void)state;
	assert_ptr_equal(strchrnul(s, '='), s + 3);
	/* Not found: a pointer to the terminating NUL, not NULL. */
	assert_ptr_equal(strchrnul(s, '#'), s + 9);
	assert_ptr_equal(strchrnul(s, '\0'), s + 9);
}

static void
t_memrchr(void **state)
{
	static const char s[] = "a/b/c";

	(void)state;
	assert_ptr_equal(memrchr(s, '/', 5), s + 3);
	assert_ptr_equal(memrchr(s, '/', 3), s + 1);
	assert_null(memrchr(s, '/', 1));
	assert_null(memrchr(s, 'a', 0));
}

static void
t_mempcpy(void **state)
{
	char buf[16];
	char *p;

	(void)state;
	p = mempcpy(buf, "abc", 3);
	assert_ptr_equal(p, buf + 3);
	p = mempcpy(p, "de", 3);
	assert_ptr_equal(p, buf + 6);
	assert_string_equal(buf, "abcde");
}

static void
t_getpwnam(void **state)
{
	struct passwd *pw;

	(void)state;
	pw = getpwnam("root");
	assert_non_null(pw);
	assert_int_equal(pw->pw_uid, 0);
	assert_int_equal(pw->pw_gid, 0);
	assert_string_equal(pw->pw_name, "root");
	assert_non_null(pw->pw_dir);
	/* An unknown user is not an error: NULL. */
	assert_null(getpwnam("no-such-user-kinds-test"));
}

static void
t___xpg_basename(void **state)
{
	char a[] = "/usr/lib/", b[] = "/", c[] = "name", d[] = "";

	(void)state;
	/* POSIX basename (libgen.h): trailing slashes are ignored. */
	assert_string_equal(basename(a), "lib");
	assert_string_equal(basename(b), "/");
	assert_string_equal(basename(c), "name");
	assert_string_equal(basename(d), ".");
}

static void
t_getaddrinfo(void **state)
{
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
				  .ai_family = AF_INET,
				  .ai_socktype = SOCK_STREAM };
	struct addrinfo *res = NULL;
	const struct sockaddr_in *sin;

	(void)state;
	assert_int_equal(getaddrinfo("127.0.0.1", "80", &hints, &res), 0);
	assert_non_null(res);
	assert_int_equal(res->ai_family, AF_INET);
	assert_int_equal(res->ai_socktype, SOCK_STREAM);
	assert_int_equal(res->ai_addrlen, sizeof(struct sockaddr_in));
	sin = (const struct sockaddr_in *)res->ai_addr;
	/* Network byte order. */
	assert_memory_equal(&sin->sin_port, "\0\x50", 2);
	assert_memory_equal(&sin->sin_addr, "\x7f\0\0\x01", 4);
	freeaddrinfo(res);
	assert_int_equal(getaddrinfo("not an address", NULL, &hints, &res),
			 EAI_NONAME);
	hints.ai_flags = 0x10000;
	assert_int_equal(getaddrinfo("127.0.0.1", NULL, &hints, &res),
			 EAI_BADFLAGS);
}

static void
t_inet_pton(void **state)
{
	unsigned char a4[4], a6[16];

	(void)state;
	assert_int_equal(inet_pton(AF_INET, "10.1.2.3", a4), 1);
	assert_memory_equal(a4, "\x0a\x01\x02\x03", 4);
	assert_int_equal(inet_pton(AF_INET, "10.1.2", a4), 0);
	assert_int_equal(inet_pton(AF_INET, "256.1.1.1", a4), 0);
	assert_int_equal(inet_pton(AF_INET6, "::1", a6), 1);
	assert_int_equal(a6[15], 1);
	errno = 0;
	assert_int_equal(inet_pton(12345, "::1", a6), -1);
	assert_int_equal(errno, EAFNOSUPPORT);
}

static void
t_sigaddset(void **state)
{
	sigset_t s;

	(void)state;
	assert_int_equal(sigemptyset(&s), 0);
	assert_int_equal(sigaddset(&s, SIGINT), 0);
	assert_int_equal(sigismember(&s, SIGINT), 1);
	assert_int_equal(sigismember(&s, SIGTERM), 0);
	assert_int_equal(sigaddset(&s, SIGRTMAX), 0);
	errno = 0;
	assert_int_equal(sigaddset(&s, 0), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(sigaddset(&s, 65), -1);
	assert_int_equal(errno, EINVAL);
}

static const struct CMUnitTest kinds_cases[] = {
	KINDS_CASE(strlen)
	KINDS_CASE(memchr)
	KINDS_CASE(strtok_r)
	KINDS_CASE(close)
	KINDS_CASE(pipe)
	KINDS_CASE(dup2)
	KINDS_CASE(bsearch)
	KINDS_CASE(strncasecmp)
	KINDS_CASE(clock_gettime)
	KINDS_CASE(nanosleep)
	KINDS_CASE(fstat)
	KINDS_CASE(readdir)
	KINDS_CASE(lseek)
	KINDS_CASE(getline)
	KINDS_CASE(strverscmp)
	KINDS_CASE(timegm)
	KINDS_CASE(strchrnul)
	KINDS_CASE(memrchr)
	KINDS_CASE(mempcpy)
	KINDS_CASE(getpwnam)
	KINDS_CASE(__xpg_basename)
	KINDS_CASE(getaddrinfo)
	KINDS_CASE(inet_pton)
	KINDS_CASE(sigaddset)
};

KINDS_MAIN("kinds-host")
