/*
 * glibc's _FORTIFY_SOURCE entry points for memory and string functions,
 * __open_2 and friends, __fdelt_chk and __longjmp_chk.  Each checks the
 * object size the compiler passed, then does the plain operation.  A failed
 * check ends the process the way glibc does: "*** buffer overflow detected
 * ***: terminated" on stderr, then abort().
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "fortify-int.h"
#include "shim/gnu.h"
#include "shim/host.h"

_Noreturn void
lx_gnu_fortify_fail(const char *msg)
{
	static const char pre[] = "*** ", post[] = " ***: terminated\n";
	char buf[256];		/* one write(): stdio may be broken */
	size_t n, l;
	ssize_t r;

	l = strlen(msg);
	if (l > sizeof buf - sizeof pre - sizeof post)
		l = sizeof buf - sizeof pre - sizeof post;
	memcpy(buf, pre, sizeof pre - 1);
	n = sizeof pre - 1;
	memcpy(buf + n, msg, l);
	n += l;
	memcpy(buf + n, post, sizeof post - 1);
	n += sizeof post - 1;
	do
		r = write(STDERR_FILENO, buf, n);
	while (r < 0 && errno == EINTR);
	abort();
}

_Noreturn void
lx___chk_fail(void)
{
	lx_gnu_fortify_fail("buffer overflow detected");
}

CHK_BOUNDED(void *, memcpy, (void *d, const void *s, size_t n), (d, s, n))
CHK_BOUNDED(void *, memmove, (void *d, const void *s, size_t n), (d, s, n))
CHK_BOUNDED(void *, mempcpy, (void *d, const void *s, size_t n), (d, s, n))
CHK_BOUNDED(void *, memset, (void *d, int c, size_t n), (d, c, n))
CHK_BOUNDED(char *, strncpy, (char *d, const char *s, size_t n), (d, s, n))
CHK_BOUNDED(char *, stpncpy, (char *d, const char *s, size_t n), (d, s, n))
/* glibc 2.38 */
CHK_BOUNDED(size_t, strlcpy, (char *d, const char *s, size_t n), (d, s, n))
CHK_BOUNDED(size_t, strlcat, (char *d, const char *s, size_t n), (d, s, n))

CHK_STRCPY(char, strcpy, stpcpy, strlen, memcpy)
CHK_STRCAT(char, strcat, strncat, strlen, strnlen, memcpy)

void
lx___explicit_bzero_chk(void *dst, size_t len, size_t dstlen)
{
	CHECK(len <= dstlen);
	explicit_bzero(dst, len);
}

long int
lx___fdelt_chk(long int d)
{
	if (d < 0 || d >= FD_SETSIZE)
		lx_gnu_fortify_fail("bit out of range 0 - FD_SETSIZE on "
		    "fd_set");
	return d / (8 * (long)sizeof(long));
}

/*
 * The setjmp family is bound to the host's, so ENV is the host's buffer
 * (shim/host.h).  glibc refuses a jump to a frame below the current stack
 * pointer unless running on the alternate signal stack.
 */
_Noreturn void
lx___longjmp_chk(jmp_buf env, int val)
{
	unsigned long target = host_jmp_buf_sp(env);
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	stack_t ss;

	if (target < sp && sigaltstack(NULL, &ss) == 0 &&
	    !(ss.ss_flags & SS_ONSTACK))
		lx_gnu_fortify_fail("longjmp causes uninitialized stack frame");
	longjmp(env, val);
}

static _Noreturn void
open_fail(void)
{
	lx_gnu_fortify_fail("invalid open call: O_CREAT or O_TMPFILE "
	    "without mode");
}

static int
needs_mode(int flags)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

int
lx___open_2(const char *path, int flags)
{
	if (needs_mode(flags))
		open_fail();
	return LX_PATHCALL(open)(path, flags);
}

int
lx___open64_2(const char *path, int flags)
{
	return lx___open_2(path, flags);
}

int
lx___openat_2(int fd, const char *path, int flags)
{
	if (needs_mode(flags))
		open_fail();
	return LX_PATHCALL(openat)(fd, path, flags);
}

int
lx___openat64_2(int fd, const char *path, int flags)
{
	return lx___openat_2(fd, path, flags);
}
