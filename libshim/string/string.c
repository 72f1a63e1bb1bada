/*
 * String functions whose glibc contract differs from musl's or that musl
 * lacks: the GNU strerror_r (returns char *) and the XSI one glibc calls
 * __xpg_strerror_r, both with glibc's message texts; the GNU basename
 * (never writes, "" for "/usr/"); rpmatch. (rawmemchr is in fast-str.c.)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "shim/gnu.h"

const char *
lx_gnu_strerror(int errnum, char *buf, size_t len)
{
	const char *m = lx_gnu_errmsg(errnum);

	if (m != NULL)
		return m;
	if (len > 0)
		snprintf(buf, len, "Unknown error %d", errnum);
	return buf;
}

/* GNU: a static text for known numbers, else "Unknown error N" in BUF. */
char *
lx_strerror_r(int errnum, char *buf, size_t len)
{
	return (char *)lx_gnu_strerror(errnum, buf, len);
}

char *
lx___strerror_r(int errnum, char *buf, size_t len)
{
	return lx_strerror_r(errnum, buf, len);
}

/* XSI: copies into BUF; EINVAL for unknown numbers, ERANGE if cut short. */
int
lx___xpg_strerror_r(int errnum, char *buf, size_t len)
{
	const char *m = lx_gnu_errmsg(errnum);
	size_t n;

	if (m == NULL) {
		if (len > 0)
			snprintf(buf, len, "Unknown error %d", errnum);
		return EINVAL;
	}
	if (len == 0)
		return ERANGE;
	n = strlen(m);
	if (n >= len) {
		memcpy(buf, m, len - 1);
		buf[len - 1] = '\0';
		return ERANGE;
	}
	memcpy(buf, m, n + 1);
	return 0;
}

/* GNU basename: what follows the last '/', possibly "". */
char *
lx_basename(const char *path)
{
	const char *p = strrchr(path, '/');

	return (char *)(p != NULL ? p + 1 : path);
}

/*
 * 1 for yes, 0 for no, -1 otherwise.  XXX: answers for the C locale only
 * (glibc matches the locale's YESEXPR/NOEXPR).
 */
int
lx_rpmatch(const char *response)
{
	if (response[0] == 'y' || response[0] == 'Y')
		return 1;
	if (response[0] == 'n' || response[0] == 'N')
		return 0;
	return -1;
}
