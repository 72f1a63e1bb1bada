/*
 * The rsh trust checks ruserok/ruserok_af/iruserok/iruserok_af, which musl
 * lacks, with glibc's rules: /etc/hosts.equiv (skipped for the superuser)
 * then the local user's ~/.rhosts (read with the user's effective uid,
 * refused unless a regular file owned by the user or root, not writable
 * by group or others and not hard-linked). A line is "host [user]", each
 * of which may be "+" (anyone), "-name" (refuse), "+@group" or "-@group"
 * (netgroups, through lx_innetgr); hosts match by address. Files are
 * opened through the reroot.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lx/dbs.h"
#include "shim/gnu.h"

#define PATH_HEQUIV	"/etc/hosts.equiv"

/* 1 for a match, -1 for an excluding match, 0 for neither: the user
 * field ENTRY against the remote user RUSER. */
static int check_user(const char *entry, const char *ruser)
{
	if (!strncmp(entry, "+@", 2))
		return lx_innetgr(entry + 2, NULL, ruser, NULL);
	if (!strncmp(entry, "-@", 2))
		return -lx_innetgr(entry + 2, NULL, ruser, NULL);
	if (entry[0] == '-')
		return -(strcmp(entry + 1, ruser) == 0);
	if (!strcmp(entry, "+"))
		return 1;
	return !strcmp(ruser, entry);
}

/* Same for the host field ENTRY: by netgroup on the name RHOST, else by
 * the numeric form of the address RA. */
static int check_host(const struct sockaddr *ra, socklen_t ralen,
	const char *entry, const char *rhost)
{
	struct addrinfo hints = { .ai_family = ra->sa_family }, *res, *r;
	char want[INET6_ADDRSTRLEN], have[INET6_ADDRSTRLEN];
	int sign = 1, match = 0;

	if (!strncmp(entry, "+@", 2))
		return lx_innetgr(entry + 2, rhost, NULL, NULL);
	if (!strncmp(entry, "-@", 2))
		return -lx_innetgr(entry + 2, rhost, NULL, NULL);
	if (entry[0] == '-') {
		sign = -1;
		entry++;
	} else if (!strcmp(entry, "+")) {
		return 1;
	}
	if (getnameinfo(ra, ralen, want, sizeof want, NULL, 0,
			NI_NUMERICHOST) != 0 ||
	    getaddrinfo(entry, NULL, &hints, &res) != 0)
		return 0;
	for (r = res; r && !match; r = r->ai_next)
		match = getnameinfo(r->ai_addr, r->ai_addrlen, have,
			sizeof have, NULL, 0, NI_NUMERICHOST) == 0 &&
			!strcmp(want, have);
	freeaddrinfo(res);
	return sign * match;
}

/* Whether a line of F admits RUSER from RA/RHOST as LUSER. */
static bool admitted(FILE *f, const struct sockaddr *ra, socklen_t ralen,
	const char *luser, const char *ruser, const char *rhost)
{
	char *line = NULL, *p, *user;
	size_t cap = 0;
	bool ok = false;
	int u, h;

	while (getline(&line, &cap, f) > 0) {
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (!*p || *p == '#')
			continue;
		for (p = line; *p && !isspace((unsigned char)*p); p++)
			*p = tolower((unsigned char)*p);
		user = p;
		if (*p == ' ' || *p == '\t') {
			for (*p++ = 0; *p == ' ' || *p == '\t'; p++)
				;
			for (user = p; *p && !isspace((unsigned char)*p); p++)
				;
		}
		*p = 0;
		if (!line[0])
			break;
		if (!*user)
			user = (char *)luser;
		if (!check_user(user, ruser))
			continue;
		if ((h = check_host(ra, ralen, line, rhost)) < 0)
			break;
		if (h) {
			if ((u = check_user(user, ruser)) > 0)
				ok = true;
			if (u)
				break;
		}
	}
	free(line);
	return ok;
}

/* PATH opened for the checks when it is safe to trust (see above); a
 * symbolic link is refused (O_NOFOLLOW stands for glibc's lstat). */
static FILE *trusted_open(const char *path, uid_t owner)
{
	struct stat st;
	FILE *f;
	int fd;

	fd = LX_PATHCALL(open)(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (st.st_uid && st.st_uid != owner) ||
	    (st.st_mode & (S_IWGRP | S_IWOTH)) || st.st_nlink > 1 ||
	    fcntl(fd, F_SETFL, 0) < 0 || !(f = fdopen(fd, "r"))) {
		close(fd);
		return NULL;
	}
	return f;
}

/* ~LUSER/.rhosts, read as LUSER. */
static bool rhosts_admit(const struct sockaddr *ra, socklen_t ralen,
	const char *ruser, const char *luser, const char *rhost)
{
	struct passwd pw, *pwp;
	char buf[1024], *path;
	bool ok = false;
	uid_t euid;
	FILE *f;

	if (getpwnam_r(luser, &pw, buf, sizeof buf, &pwp) != 0 || !pwp)
		return false;
	if (!(path = malloc(strlen(pw.pw_dir) + sizeof "/.rhosts")))
		return false;
	strcat(strcpy(path, pw.pw_dir), "/.rhosts");
	euid = geteuid();
	if (seteuid(pw.pw_uid) < 0) {
		/* glibc goes on with the caller's uid */
	}
	if ((f = trusted_open(path, pw.pw_uid))) {
		ok = admitted(f, ra, ralen, luser, ruser, rhost);
		fclose(f);
	}
	if (seteuid(euid) < 0) {
		/* nothing better to do */
	}
	free(path);
	return ok;
}

static int check_addr(const struct sockaddr *ra, socklen_t ralen,
	int superuser, const char *ruser, const char *luser,
	const char *rhost)
{
	FILE *f;

	if (!superuser && (f = trusted_open(PATH_HEQUIV, 0))) {
		bool ok = admitted(f, ra, ralen, luser, ruser, rhost);

		fclose(f);
		if (ok)
			return 0;
	}
	return rhosts_admit(ra, ralen, ruser, luser, rhost) ? 0 : -1;
}

int lx_ruserok_af(const char *rhost, int superuser, const char *ruser,
	const char *luser, sa_family_t af)
{
	struct addrinfo hints = { .ai_family = af }, *res, *r;
	int ret = -1;

	if (getaddrinfo(rhost, NULL, &hints, &res) != 0)
		return -1;
	for (r = res; r && ret; r = r->ai_next)
		ret = check_addr(r->ai_addr, r->ai_addrlen, superuser, ruser,
			luser, rhost);
	freeaddrinfo(res);
	return ret;
}

int lx_ruserok(const char *rhost, int superuser, const char *ruser,
	const char *luser)
{
	return lx_ruserok_af(rhost, superuser, ruser, luser, AF_INET);
}

int lx_iruserok_af(const void *raddr, int superuser, const char *ruser,
	const char *luser, sa_family_t af)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };

	if (af == AF_INET) {
		memcpy(&in.sin_addr, raddr, sizeof in.sin_addr);
		return check_addr((struct sockaddr *)&in, sizeof in,
			superuser, ruser, luser, "-");
	}
	if (af == AF_INET6) {
		memcpy(&in6.sin6_addr, raddr, sizeof in6.sin6_addr);
		return check_addr((struct sockaddr *)&in6, sizeof in6,
			superuser, ruser, luser, "-");
	}
	return 0;
}

int lx_iruserok(uint32_t raddr, int superuser, const char *ruser,
	const char *luser)
{
	return lx_iruserok_af(&raddr, superuser, ruser, luser, AF_INET);
}
