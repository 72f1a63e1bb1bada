/*
 * The process's allocator is jemalloc (Debian's libjemalloc_pic.a, built
 * for glibc), linked into the interpreter before the host libc so that its
 * malloc family is the only one: the guest's malloc@GLIBC_2.2.5 binds to
 * it, and so do the shim's and the host libc's own allocations
 * (host/musl/alloc.c).
 *
 * This file: the archive was compiled against glibc's headers. Where
 * glibc's and the host's contracts differ, the build renames jemalloc's
 * reference (cmake/jemalloc.syms) to one of the adapters here, and adds
 * this object to the renamed archive (top-level CMakeLists), so that the
 * archive links alone wherever it is used.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* glibc's PTHREAD_MUTEX_ADAPTIVE_NP, which jemalloc asks for. */
#define LX_PTHREAD_MUTEX_ADAPTIVE_NP 3

/*
 * An adaptive mutex is a normal mutex that spins a while before it
 * sleeps; the host's normal mutex (which spins too) is the same contract.
 */
int shim_je_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type == LX_PTHREAD_MUTEX_ADAPTIVE_NP)
		type = PTHREAD_MUTEX_NORMAL;
	return pthread_mutexattr_settype(attr, type);
}

/* jemalloc was built for the GNU strerror_r, which returns the text. */
char *shim_je_strerror_r(int err, char *buf, size_t len)
{
	if (len && strerror_r(err, buf, len) != 0)
		buf[0] = '\0';
	return buf;
}

/* Appends "KEY:VALUE," to BUF (of LEN) if VALUE is a decimal number. */
static void conf_add(char *buf, size_t len, const char *key, const char *v)
{
	size_t used = strlen(buf), need;
	const char *p = v;

	if (!v || !*v)
		return;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return;
	need = strlen(key) + 1 + (size_t)(p - v) + 1;
	if (used + need >= len)
		return;
	strcat(buf, key);
	strcat(buf, ":");
	strcat(buf, v);
	strcat(buf, ",");
}

/* The value of glibc tunable NAME in GLIBC_TUNABLES ("a=1:b=2"), copied
 * to OUT (of LEN), or NULL. */
static const char *tunable(const char *all, const char *name, char *out,
    size_t len)
{
	size_t n = strlen(name);

	for (const char *p = all; p && *p;) {
		const char *end = strchr(p, ':');
		size_t l = end ? (size_t)(end - p) : strlen(p);

		if (l > n && strncmp(p, name, n) == 0 && p[n] == '=' &&
		    l - n - 1 < len) {
			memcpy(out, p + n + 1, l - n - 1);
			out[l - n - 1] = '\0';
			return out;
		}
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

/*
 * glibc's allocator variables that have a counterpart: the number of
 * arenas (MALLOC_ARENA_MAX, glibc.malloc.arena_max) and the per-thread
 * cache (glibc.malloc.tcache_count=0 turns it off).
 *
 * The allocator's configuration, built once when it starts (it asks
 * before its first allocation, so nothing here allocates): the shim's
 * defaults, glibc's variables, then SHIM_MALLOC_CONF (jemalloc's own
 * syntax, for diagnosis). secure_getenv: a set-user-ID program ignores
 * all of them, as glibc's malloc tunables are ignored there.
 */
static const char *alloc_conf(void)
{
	static char conf[512];
	const char *all = secure_getenv("GLIBC_TUNABLES"), *v, *own;
	char tmp[32];

	if (conf[0])
		return conf;
	/* brk is the program's own (glibc's malloc uses it only while it
	 * owns it; sbrk is the host's): the allocator maps its memory. */
	strcpy(conf, "dss:disabled,");
	v = tunable(all, "glibc.malloc.arena_max", tmp, sizeof tmp);
	conf_add(conf, sizeof conf, "narenas",
	    v ? v : secure_getenv("MALLOC_ARENA_MAX"));
	v = tunable(all, "glibc.malloc.tcache_count", tmp, sizeof tmp);
	if (v && strcmp(v, "0") == 0)
		strcat(conf, "tcache:false,");
	own = secure_getenv("SHIM_MALLOC_CONF");
	if (own && strlen(conf) + strlen(own) < sizeof conf)
		strcat(conf, own);
	else
		conf[strlen(conf) - 1] = '\0';	/* the last comma */
	return conf;
}

/*
 * jemalloc's own configuration: its MALLOC_CONF and /etc/malloc.conf
 * belong to the guest (a guest may bring a jemalloc of its own), so the
 * shim's allocator reads nothing from /etc, and its MALLOC_CONF is the
 * string malloc/tune.c builds from glibc's variables and SHIM_MALLOC_CONF.
 */
char *shim_je_getenv(const char *name)
{
	if (strcmp(name, "MALLOC_CONF") == 0)
		return (char *)alloc_conf();
	return secure_getenv(name);
}

ssize_t shim_je_readlink(const char *path, char *buf, size_t len)
{
	if (strcmp(path, "/etc/malloc.conf") == 0) {
		errno = ENOENT;
		return -1;
	}
	return readlink(path, buf, len);
}

/*
 * The decay a thread cache asks of its arena (the build points
 * tcache.pic.o's calls to jemalloc's arena_decay here). When the last
 * thread of an arena exits, jemalloc purges every dirty page of it at
 * once: a program that starts and joins short-lived threads then returns
 * and refaults its memory on every round (tests/malloc/alloc-stress made
 * 35,000 madvise calls where glibc's allocator makes 10,000, and spent
 * twice the system time). glibc keeps a free arena's memory for the next
 * thread; here the arena keeps decaying at its ordinary pace
 * (dirty_decay_ms), and malloc_trim still purges it all.
 */
struct je_tsdn_s;
struct je_arena_s;
void je_arena_decay(struct je_tsdn_s *tsdn, struct je_arena_s *arena,
    _Bool is_background_thread, _Bool all);
void shim_je_tcache_decay(struct je_tsdn_s *tsdn, struct je_arena_s *arena,
    _Bool is_background_thread, _Bool all);

void shim_je_tcache_decay(struct je_tsdn_s *tsdn, struct je_arena_s *arena,
    _Bool is_background_thread, _Bool all)
{
	(void)all;
	je_arena_decay(tsdn, arena, is_background_thread, 0);
}
