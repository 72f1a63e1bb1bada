/*
 * glibc's reentrant enumeration and lookup functions that musl lacks
 * (getpwent_r, getgrent_r, the netdb *_r family), over musl's
 * non-reentrant ones under one lock: the entry is deep-copied into the
 * caller's buffer, ERANGE when it does not fit, as glibc reports.
 */
#include <errno.h>
#include <grp.h>
#include <netdb.h>
#include <pthread.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

struct pack {
	char *p, *end;
	bool full;
};

static char *pack_str(struct pack *k, const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if ((size_t)(k->end - k->p) < n) {
		k->full = true;
		return NULL;
	}
	d = memcpy(k->p, s, n);
	k->p += n;
	return d;
}

static char **pack_vec(struct pack *k, char *const *v)
{
	size_t n = 0, i;
	uintptr_t a = ((uintptr_t)k->p + 7) & ~(uintptr_t)7;
	char **d;

	while (v && v[n])
		n++;
	if (a > (uintptr_t)k->end || (k->end - (char *)a) / sizeof *d < n + 1) {
		k->full = true;
		return NULL;
	}
	d = (char **)a;
	k->p = (char *)(d + n + 1);
	for (i = 0; i < n; i++)
		d[i] = pack_str(k, v[i]);
	d[n] = NULL;
	return d;
}

/* Raw bytes (host addresses) as a vector of LEN-byte items. */
static char **pack_addrs(struct pack *k, char *const *v, size_t len)
{
	char **d = pack_vec(k, NULL);
	size_t n = 0;

	while (v && v[n])
		n++;
	if (!d)
		return NULL;
	k->p = (char *)d;
	if ((size_t)(k->end - k->p) < (n + 1) * sizeof *d + n * len) {
		k->full = true;
		return NULL;
	}
	k->p += (n + 1) * sizeof *d;
	for (size_t i = 0; i < n; i++) {
		d[i] = memcpy(k->p, v[i], len);
		k->p += len;
	}
	d[n] = NULL;
	return d;
}

/* Finish: 0 with *res set, ERANGE, or ENOENT (no entry, *res NULL). */
static int done(struct pack *k, void *out, void **res, bool found)
{
	*res = NULL;
	if (!found)
		return ENOENT;
	if (k->full)
		return ERANGE;
	*res = out;
	return 0;
}

/*
 * Calls the non-reentrant CALL under the lock, and returns what
 * COPY(its entry, ...) answers: each copy_* deep-copies one kind of entry
 * (NULL: none) and finishes with done().
 */
#define LOCKED_COPY(copy, call, ...) do { \
	int r_; \
	pthread_mutex_lock(&lock); \
	r_ = copy(call, __VA_ARGS__); \
	pthread_mutex_unlock(&lock); \
	return r_; \
} while (0)

static int copy_pw(struct passwd *e, struct passwd *pw, char *buf,
	size_t len, struct passwd **res)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*pw = *e;
		pw->pw_name = pack_str(&k, e->pw_name);
		pw->pw_passwd = pack_str(&k, e->pw_passwd);
		pw->pw_gecos = pack_str(&k, e->pw_gecos);
		pw->pw_dir = pack_str(&k, e->pw_dir);
		pw->pw_shell = pack_str(&k, e->pw_shell);
	}
	return done(&k, pw, (void **)res, e != NULL);
}

int lx_getpwent_r(struct passwd *pw, char *buf, size_t len,
	struct passwd **res)
{
	LOCKED_COPY(copy_pw, getpwent(), pw, buf, len, res);
}

static int copy_gr(struct group *e, struct group *gr, char *buf,
	size_t len, struct group **res)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*gr = *e;
		gr->gr_name = pack_str(&k, e->gr_name);
		gr->gr_passwd = pack_str(&k, e->gr_passwd);
		gr->gr_mem = pack_vec(&k, e->gr_mem);
	}
	return done(&k, gr, (void **)res, e != NULL);
}

int lx_getgrent_r(struct group *gr, char *buf, size_t len,
	struct group **res)
{
	LOCKED_COPY(copy_gr, getgrent(), gr, buf, len, res);
}

static int copy_host(struct hostent *e, struct hostent *h, char *buf,
	size_t len, struct hostent **res, int *herr)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*h = *e;
		h->h_name = pack_str(&k, e->h_name);
		h->h_aliases = pack_vec(&k, e->h_aliases);
		h->h_addr_list = pack_addrs(&k, e->h_addr_list, e->h_length);
	} else if (herr) {
		*herr = HOST_NOT_FOUND;
	}
	return done(&k, h, (void **)res, e != NULL);
}

int lx_gethostent_r(struct hostent *h, char *buf, size_t len,
	struct hostent **res, int *herr)
{
	LOCKED_COPY(copy_host, gethostent(), h, buf, len, res, herr);
}

static int copy_net(struct netent *e, struct netent *n, char *buf,
	size_t len, struct netent **res, int *herr)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*n = *e;
		n->n_name = pack_str(&k, e->n_name);
		n->n_aliases = pack_vec(&k, e->n_aliases);
	} else if (herr) {
		*herr = HOST_NOT_FOUND;
	}
	return done(&k, n, (void **)res, e != NULL);
}

int lx_getnetent_r(struct netent *n, char *buf, size_t len,
	struct netent **res, int *herr)
{
	LOCKED_COPY(copy_net, getnetent(), n, buf, len, res, herr);
}

int lx_getnetbyname_r(const char *name, struct netent *n, char *buf,
	size_t len, struct netent **res, int *herr)
{
	LOCKED_COPY(copy_net, getnetbyname(name), n, buf, len, res, herr);
}

int lx_getnetbyaddr_r(uint32_t net, int type, struct netent *n, char *buf,
	size_t len, struct netent **res, int *herr)
{
	LOCKED_COPY(copy_net, getnetbyaddr(net, type), n, buf, len, res, herr);
}

static int copy_proto(struct protoent *e, struct protoent *p, char *buf,
	size_t len, struct protoent **res)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*p = *e;
		p->p_name = pack_str(&k, e->p_name);
		p->p_aliases = pack_vec(&k, e->p_aliases);
	}
	return done(&k, p, (void **)res, e != NULL);
}

int lx_getprotoent_r(struct protoent *p, char *buf, size_t len,
	struct protoent **res)
{
	LOCKED_COPY(copy_proto, getprotoent(), p, buf, len, res);
}

int lx_getprotobyname_r(const char *name, struct protoent *p, char *buf,
	size_t len, struct protoent **res)
{
	LOCKED_COPY(copy_proto, getprotobyname(name), p, buf, len, res);
}

int lx_getprotobynumber_r(int proto, struct protoent *p, char *buf,
	size_t len, struct protoent **res)
{
	LOCKED_COPY(copy_proto, getprotobynumber(proto), p, buf, len, res);
}

static int copy_serv(struct servent *e, struct servent *s, char *buf,
	size_t len, struct servent **res)
{
	struct pack k = { buf, buf + len, false };

	if (e) {
		*s = *e;
		s->s_name = pack_str(&k, e->s_name);
		s->s_aliases = pack_vec(&k, e->s_aliases);
		s->s_proto = pack_str(&k, e->s_proto);
	}
	return done(&k, s, (void **)res, e != NULL);
}

int lx_getservent_r(struct servent *s, char *buf, size_t len,
	struct servent **res)
{
	LOCKED_COPY(copy_serv, getservent(), s, buf, len, res);
}
