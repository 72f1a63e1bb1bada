/*
 * The reentrant resolver entry points musl lacks, over glibc's struct
 * __res_state: res_ninit (read from /etc/resolv.conf, through the
 * reroot), res_nclose, and res_nsearch and res_nquery (the host's
 * resolver answers; the state only records h_errno).
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "lx/misc.h"

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
