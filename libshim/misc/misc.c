/*
 * Odds and ends of the glibc personality: uname (a Linux answer, release
 * overridable by SHIM_OSRELEASE), syscall, getlogin, group_member, the
 * reentrant resolver entry points musl lacks (res_ninit, res_nsearch,
 * res_nclose), and ld.so's data objects (__libc_stack_end, _r_debug,
 * __rseq_*).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pwd.h>
#include <resolv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "lx/misc.h"

/* ld.so's objects.  rseq: the shim registers none (size 0 says so). */
void *lx___libc_stack_end;
struct lx_r_debug lx__r_debug = { .r_version = 1 };
ptrdiff_t lx___rseq_offset;
unsigned int lx___rseq_size;
unsigned int lx___rseq_flags;

extern void *lx_live_lx___libc_stack_end;

void
lx_misc_start(void *stack_end)
{
	lx___libc_stack_end = stack_end;
	*(void **)lx_live_lx___libc_stack_end = stack_end;
}

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

/* glibc's syscall(): six arguments, whatever the call takes; -1/errno. */
long
lx_syscall(long nr, ...)
{
	register long r10 __asm__("r10");
	register long r8 __asm__("r8");
	register long r9 __asm__("r9");
	long a[6], ret;
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	r10 = a[3];
	r8 = a[4];
	r9 = a[5];
	__asm__ volatile ("syscall" : "=a"(ret)
	    : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8),
	    "r"(r9)
	    : "rcx", "r11", "memory");
	if ((unsigned long)ret > -4096UL) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

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

/* Fills the search list of S from one "search"/"domain" line's words. */
static void
res_set_search(struct lx_res_state *s, char *words)
{
	char *p = s->defdname, *w, *save = NULL;
	size_t left = sizeof s->defdname, n;
	int i = 0;

	memset(s->dnsrch, 0, sizeof s->dnsrch);
	memset(s->defdname, 0, sizeof s->defdname);
	for (w = strtok_r(words, " \t\n", &save); w != NULL && i < LX_MAXDNSRCH;
	    w = strtok_r(NULL, " \t\n", &save)) {
		n = strlen(w) + 1;
		if (n > left)
			break;
		memcpy(p, w, n);
		s->dnsrch[i++] = p;
		p += n;
		left -= n;
	}
}

static void
res_read_conf(struct lx_res_state *s, FILE *f)
{
	char line[512], *v;
	struct in_addr a;

	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "nameserver", 10) == 0 &&
		    s->nscount < LX_MAXNS) {
			v = line + 10 + strspn(line + 10, " \t");
			v[strcspn(v, " \t\n")] = '\0';
			if (inet_pton(AF_INET, v, &a) != 1)
				continue;	/* XXX: IPv6 servers dropped */
			s->nsaddr_list[s->nscount].sin_family = AF_INET;
			s->nsaddr_list[s->nscount].sin_port = htons(53);
			s->nsaddr_list[s->nscount].sin_addr = a.s_addr;
			s->nscount++;
		} else if (strncmp(line, "search", 6) == 0 ||
		    strncmp(line, "domain", 6) == 0) {
			res_set_search(s, line + 6);
		} else if (strncmp(line, "options", 7) == 0 &&
		    (v = strstr(line, "ndots:")) != NULL) {
			s->ndots = atoi(v + 6) > 15 ? 15 : atoi(v + 6);
		}
	}
}

/*
 * XXX: an approximation of glibc's res_ninit: the name servers (IPv4),
 * search list and ndots of resolv.conf, glibc's default timing and
 * options; sortlist and the other options are not read.
 */
int
lx___res_ninit(struct lx_res_state *s)
{
	int fd = LX_PATHCALL(open)("/etc/resolv.conf", O_RDONLY | O_CLOEXEC);
	struct timespec ts;
	FILE *f;

	memset(s, 0, sizeof *s);
	s->retrans = LX_RES_TIMEOUT;
	s->retry = LX_RES_DFLRETRY;
	s->options = LX_RES_DEFAULT;
	s->ndots = 1;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	s->id = (unsigned short)(ts.tv_nsec ^ getpid());
	if (fd >= 0 && (f = fdopen(fd, "r")) != NULL) {
		res_read_conf(s, f);
		fclose(f);
	} else if (fd >= 0) {
		close(fd);
	}
	s->options |= LX_RES_INIT;
	return 0;
}

/* The host's resolver keeps no sockets open between queries. */
void
lx___res_nclose(struct lx_res_state *s)
{
	s->options &= ~LX_RES_INIT;
}

/* XXX: the host's res_search, with the host's resolver state, not S's. */
int
lx_res_nsearch(struct lx_res_state *s, const char *name, int class,
    int type, unsigned char *answer, int anslen)
{
	int r = res_search(name, class, type, answer, anslen);

	if (r < 0)
		s->res_h_errno = h_errno;
	return r;
}

/* XXX: as res_nsearch, the host's resolver state is used, not S. */
int
lx_res_nquery(struct lx_res_state *s, const char *name, int class,
    int type, unsigned char *answer, int anslen)
{
	int r = res_query(name, class, type, answer, anslen);

	if (r < 0)
		s->res_h_errno = h_errno;
	return r;
}
