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

#include "fortify-int.h"
#include "lx/signal.h"
#include "shim/gnu.h"

CHK_BOUNDED(ssize_t, read, (int fd, void *buf, size_t n), (fd, buf, n))
CHK_BOUNDED(ssize_t, pread, (int fd, void *buf, size_t n, off_t off),
    (fd, buf, n, off))

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

CHK_BOUNDED_CALL(ssize_t, readlink, LX_PATHCALL(readlink),
    (const char *path, char *buf, size_t n), (path, buf, n))
CHK_BOUNDED_CALL(ssize_t, readlinkat, LX_PATHCALL(readlinkat),
    (int fd, const char *path, char *buf, size_t n), (fd, path, buf, n))
CHK_BOUNDED(char *, getcwd, (char *buf, size_t n), (buf, n))

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

CHK_BOUNDED(int, ptsname_r, (int fd, char *buf, size_t n), (fd, buf, n))
CHK_BOUNDED(int, ttyname_r, (int fd, char *buf, size_t n), (fd, buf, n))
CHK_BOUNDED(int, getlogin_r, (char *buf, size_t n), (buf, n))
CHK_BOUNDED(int, gethostname, (char *buf, size_t n), (buf, n))
CHK_BOUNDED(int, getdomainname, (char *buf, size_t n), (buf, n))
CHK_BOUNDED(size_t, confstr, (int name, char *buf, size_t n), (name, buf, n))

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

/* fread's check: N items of SIZE bytes must fit in BUFLEN. */
static void
fread_check(size_t size, size_t n, size_t buflen)
{
	size_t bytes;

	if (__builtin_mul_overflow(size, n, &bytes) || bytes > buflen)
		lx___chk_fail();
}

size_t
lx___fread_chk(void *buf, size_t buflen, size_t size, size_t n, FILE *fp)
{
	fread_check(size, n, buflen);
	return fread(buf, size, n, fp);
}

size_t
lx___fread_unlocked_chk(void *buf, size_t buflen, size_t size, size_t n,
    FILE *fp)
{
	fread_check(size, n, buflen);
	return fread_unlocked(buf, size, n, fp);
}

CHK_GETS(char, int, EOF, '\n', strlen)

char *
lx___fgets_chk(char *buf, size_t size, int n, FILE *fp)
{
	return gets_checked(buf, size, n, fp, fgets, fgetc);
}

char *
lx___fgets_unlocked_chk(char *buf, size_t size, int n, FILE *fp)
{
	return gets_checked(buf, size, n, fp, fgets_unlocked, getc_unlocked);
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
