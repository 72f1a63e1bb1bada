/*
 * uname as a glibc program on Linux sees it: the host's answer with
 * "Linux" as the system name, and the release overridable by
 * SHIM_OSRELEASE (programs that test the kernel version read it).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "lx/misc.h"

static void
copy_field(char *dst, const char *src)
{
	size_t n = strnlen(src, LX_UTSNAME_LEN - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

int
lx_uname(struct lx_utsname *u)
{
	struct utsname h;
	const char *rel = getenv("SHIM_OSRELEASE");

	if (uname(&h) != 0)
		return -1;
	memset(u, 0, sizeof *u);
	copy_field(u->sysname, "Linux");
	copy_field(u->nodename, h.nodename);
	copy_field(u->release, rel != NULL && *rel ? rel : h.release);
	copy_field(u->version, h.version);
	copy_field(u->machine, h.machine);
	copy_field(u->domainname, h.domainname);
	return 0;
}
