/*
 * glibc's _FORTIFY_SOURCE entry points for calls that fill a caller's
 * buffer: read, pread, recv, readlink, getcwd, realpath, fgets, fread,
 * gets, poll, ptsname_r, ttyname_r, gethostname, confstr, getgroups, ...
 * Each refuses a length larger than the buffer the compiler saw, then
 * makes the plain call (paths through the personality's wrappers).
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lx/signal.h"
#include "shim/gnu.h"

#define CHECK(cond)	do { if (__builtin_expect(!(cond), 0)) \
				lx___chk_fail(); } while (0)

ssize_t
lx___read_chk(int fd, void *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return read(fd, buf, n);
}

ssize_t
lx___pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen)
{
	CHECK(n <= buflen);
	return pread(fd, buf, n, off);
}

ssize_t
lx___pread64_chk(int fd, void *buf, size_t n, off_t off, size_t buflen)
{
	return lx___pread_chk(fd, buf, n, off, buflen);
}

ssize_t
lx___recv_chk(int fd, void *buf, size_t n, size_t buflen, int flags)
{
	CHECK(n <= buflen);
	return recv(fd, buf, n, flags);
}

ssize_t
lx___recvfrom_chk(int fd, void *buf, size_t n, size_t buflen, int flags,
    struct sockaddr *from, socklen_t *fromlen)
{
	CHECK(n <= buflen);
	return recvfrom(fd, buf, n, flags, from, fromlen);
}

ssize_t
lx___readlink_chk(const char *path, char *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return LX_PATHCALL(readlink)(path, buf, n);
}

ssize_t
lx___readlinkat_chk(int fd, const char *path, char *buf, size_t n,
    size_t buflen)
{
	CHECK(n <= buflen);
	return LX_PATHCALL(readlinkat)(fd, path, buf, n);
}

char *
lx___getcwd_chk(char *buf, size_t size, size_t buflen)
{
	CHECK(size <= buflen);
	return getcwd(buf, size);
}

char *
lx___getwd_chk(char *buf, size_t buflen)
{
	char *r = getcwd(buf, buflen);

	if (r == NULL && errno == ERANGE)
		lx___chk_fail();
	return r;
}

char *
lx___realpath_chk(const char *path, char *resolved, size_t resolvedlen)
{
	CHECK(resolved == NULL || resolvedlen >= PATH_MAX);
	return LX_PATHCALL(realpath)(path, resolved);
}

int
lx___ptsname_r_chk(int fd, char *buf, size_t len, size_t nreal)
{
	CHECK(len <= nreal);
	return ptsname_r(fd, buf, len);
}

int
lx___ttyname_r_chk(int fd, char *buf, size_t len, size_t nreal)
{
	CHECK(len <= nreal);
	return ttyname_r(fd, buf, len);
}

int
lx___getlogin_r_chk(char *buf, size_t len, size_t nreal)
{
	CHECK(len <= nreal);
	return getlogin_r(buf, len);
}

int
lx___gethostname_chk(char *buf, size_t len, size_t nreal)
{
	CHECK(len <= nreal);
	return gethostname(buf, len);
}

int
lx___getdomainname_chk(char *buf, size_t len, size_t nreal)
{
	CHECK(len <= nreal);
	return getdomainname(buf, len);
}

size_t
lx___confstr_chk(int name, char *buf, size_t len, size_t buflen)
{
	CHECK(len <= buflen);
	return confstr(name, buf, len);
}

int
lx___getgroups_chk(int size, gid_t *list, size_t listlen)
{
	if (size < 0) {
		errno = EINVAL;
		return -1;
	}
	CHECK((size_t)size * sizeof(gid_t) <= listlen);
	return getgroups(size, list);
}

int
lx___poll_chk(struct pollfd *fds, nfds_t n, int timeout, size_t fdslen)
{
	CHECK(n <= fdslen / sizeof *fds);
	return poll(fds, n, timeout);
}

int
lx___ppoll_chk(struct pollfd *fds, nfds_t n, const struct timespec *ts,
    const lx_sigset_t *ss, size_t fdslen)
{
	CHECK(n <= fdslen / sizeof *fds);
	return ppoll(fds, n, ts, (const sigset_t *)ss);
}

size_t
lx___fread_chk(void *buf, size_t buflen, size_t size, size_t n, FILE *fp)
{
	size_t bytes;

	if (__builtin_mul_overflow(size, n, &bytes) || bytes > buflen)
		lx___chk_fail();
	return fread(buf, size, n, fp);
}

size_t
lx___fread_unlocked_chk(void *buf, size_t buflen, size_t size, size_t n,
    FILE *fp)
{
	size_t bytes;

	if (__builtin_mul_overflow(size, n, &bytes) || bytes > buflen)
		lx___chk_fail();
	return fread_unlocked(buf, size, n, fp);
}

/*
 * glibc reads up to N - 1 bytes and fails only when that actually passes
 * the end of BUF (SIZE bytes): read SIZE - 1, and if the line goes on,
 * that is the overflow.
 */
static char *
fgets_checked(char *buf, size_t size, int n, FILE *fp,
    char *(*get)(char *, int, FILE *), int (*getc1)(FILE *))
{
	size_t len;

	if (n <= 0 || (size_t)n <= size)
		return get(buf, n, fp);
	CHECK(size > 0);
	if (get(buf, size > INT_MAX ? INT_MAX : (int)size, fp) == NULL)
		return NULL;
	len = strlen(buf);
	if (len == size - 1 && (len == 0 || buf[len - 1] != '\n') &&
	    getc1(fp) != EOF)
		lx___chk_fail();
	return buf;
}

char *
lx___fgets_chk(char *buf, size_t size, int n, FILE *fp)
{
	return fgets_checked(buf, size, n, fp, fgets, fgetc);
}

char *
lx___fgets_unlocked_chk(char *buf, size_t size, int n, FILE *fp)
{
	return fgets_checked(buf, size, n, fp, fgets_unlocked, getc_unlocked);
}

/* gets with a bound: the line (without its newline) must fit. */
char *
lx___gets_chk(char *buf, size_t size)
{
	size_t i = 0;
	int c;

	while ((c = getchar()) != EOF && c != '\n') {
		CHECK(i + 1 < size);
		buf[i++] = (char)c;
	}
	if (c == EOF && (i == 0 || ferror(stdin)))
		return NULL;
	CHECK(i < size);
	buf[i] = '\0';
	return buf;
}
