/*
 * Who runs the process: getlogin and getlogin_r (the audit login uid of
 * /proc/self/loginuid, else the utmp record of the terminal on fd 0, as
 * glibc looks) and group_member (the supplementary groups only, as
 * glibc's).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/gnu.h"

/* The audit login uid: 0 and *UID set, ENXIO if unset, -1 if unknown. */
static int
login_uid(uid_t *uid)
{
	char buf[24];
	ssize_t n;
	int fd = LX_PATHCALL(open)("/proc/self/loginuid", O_RDONLY | O_CLOEXEC);
	unsigned long v;
	char *end;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	v = strtoul(buf, &end, 10);
	if (end == buf)
		return -1;
	if ((uid_t)v == (uid_t)-1)
		return ENXIO;
	*uid = (uid_t)v;
	return 0;
}

/* glibc's utmp record, as far as needed: type, line, user. */
#define UTMP_SIZE	384
#define UT_USER_PROCESS	7

/* Without a login uid: the user utmp records on the terminal of fd 0. */
static int
utmp_login(char *name, size_t size)
{
	unsigned char rec[UTMP_SIZE];
	char tty[64];
	const char *line;
	int fd, r = ENOENT;

	if ((r = ttyname_r(0, tty, sizeof tty)) != 0)
		return r;
	line = strncmp(tty, "/dev/", 5) == 0 ? tty + 5 : tty;
	fd = LX_PATHCALL(open)("/var/run/utmp", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ENOENT;
	r = ENOENT;
	while (read(fd, rec, sizeof rec) == (ssize_t)sizeof rec) {
		short type;

		memcpy(&type, rec, sizeof type);
		if (type != UT_USER_PROCESS ||
		    strncmp((char *)rec + 8, line, 32) != 0)
			continue;
		r = strnlen((char *)rec + 44, 32) < size ? 0 : ERANGE;
		if (r == 0) {
			memcpy(name, rec + 44, strnlen((char *)rec + 44, 32));
			name[strnlen((char *)rec + 44, 32)] = '\0';
		}
		break;
	}
	close(fd);
	return r;
}

int
lx_getlogin_r(char *name, size_t size)
{
	struct passwd pw, *res = NULL;
	char buf[1024];
	uid_t uid;
	int r = login_uid(&uid);

	if (r < 0)
		return utmp_login(name, size);
	if (r != 0)
		return r;
	if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) != 0 || res == NULL)
		return ENOENT;
	if (strlen(pw.pw_name) >= size)
		return ERANGE;
	strcpy(name, pw.pw_name);
	return 0;
}

char *
lx_getlogin(void)
{
	static char name[LOGIN_NAME_MAX + 1];
	int r = lx_getlogin_r(name, sizeof name);

	if (r != 0) {
		errno = r;
		return NULL;
	}
	return name;
}

/* As glibc: membership among the supplementary groups only. */
int
lx_group_member(gid_t gid)
{
	gid_t *g;
	int n, i, found = 0;

	n = getgroups(0, NULL);
	if (n <= 0)
		return 0;
	g = malloc((size_t)n * sizeof *g);
	if (g == NULL)
		return 0;
	n = getgroups(n, g);
	for (i = 0; i < n && !found; i++)
		found = g[i] == gid;
	free(g);
	return found;
}
