/*
 * A set-user-ID guest's view of itself: what glibc tells a secure program
 * (AT_SECURE, __libc_enable_secure, secure_getenv) and which of the
 * variables its caller set it still sees. One "name value" line each.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

/* ld.so's; glibc sets it for set-user-ID and set-group-ID programs. */
extern int __libc_enable_secure;

static const char *const vars[] = {
	"HOME", "LANG", "PATH", "TZ", "LD_LIBRARY_PATH", "LD_PRELOAD",
	"LOCPATH", "NLSPATH", "TMPDIR", "TZDIR", "GCONV_PATH", "HOSTALIASES",
	"RES_OPTIONS", "MALLOC_TRACE", "MALLOC_CHECK_",
};

int main(void)
{
	printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
	printf("__libc_enable_secure %d\n", __libc_enable_secure);
	printf("secure_getenv(HOME) %s\n", secure_getenv("HOME") ?
		secure_getenv("HOME") : "(null)");
	printf("euid-differs %d\n", geteuid() != getuid() ||
		getegid() != getgid());
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);

		printf("%s %s\n", vars[i], v ? v : "(unset)");
	}
	return 0;
}
