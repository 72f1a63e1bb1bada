/*
 * Small glibc runtime functions musl lacks: argz_create_sep,
 * glob_pattern_p, priority ceilings of mutex attributes, ntp_gettimex,
 * mallinfo/mallinfo2, mtrace/muntrace, __profile_frequency and the
 * issignaling family. Prints results and errno values for comparison
 * with glibc.
 */
#define _GNU_SOURCE
#include <argz.h>
#include <errno.h>
#include <glob.h>
#include <malloc.h>
#include <math.h>
#include <mcheck.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <unistd.h>

int __profile_frequency(void);

static void argz(const char *s, int sep)
{
	char *v = (char *)"unset";
	size_t len = 99;
	int r = argz_create_sep(s, sep, &v, &len);

	printf("argz_create_sep(\"%s\", '%c') = %d len %zu:", s, sep, r, len);
	for (size_t i = 0; v && i < len; i++)
		putchar(v[i] ? v[i] : '|');
	printf("%s\n", v ? "" : " NULL");
	free(v);
}

static void globs(void)
{
	static const char *pats[] = { "", "abc", "a*", "a?b", "[", "[a",
		"a]", "[a]", "]a[", "\\*", "\\?", "a\\[b]", "[\\]", "a\\",
		"\\", "x[y\\]z]", "{a,b}", "~", "\\\\*", NULL };

	for (int i = 0; pats[i]; i++)
		printf("glob_pattern_p(\"%s\") = %d, quoted %d\n", pats[i],
			glob_pattern_p(pats[i], 0), glob_pattern_p(pats[i], 1));
}

static void ceilings(void)
{
	static const int vals[] = { -1, 0, 1, 2, 50, 99, 100, 1000, 256 };
	pthread_mutexattr_t a;
	pthread_mutex_t m;
	int c = -5;

	pthread_mutexattr_init(&a);
	int r = pthread_mutexattr_getprioceiling(&a, &c);

	printf("getprioceiling default: %d %d\n", r, c);
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
		int r = pthread_mutexattr_setprioceiling(&a, vals[i]);

		pthread_mutexattr_getprioceiling(&a, &c);
		printf("setprioceiling(%d) = %d (EINVAL %d), now %d\n",
			vals[i], r, r == EINVAL, c);
	}
	/* The ceiling leaves the attribute's other settings alone, and a
	 * mutex made from it is an ordinary working one. */
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutexattr_setprioceiling(&a, 7);
	pthread_mutexattr_gettype(&a, &c);
	printf("type kept: %d\n", c == PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &a);
	r = pthread_mutex_lock(&m);
	r = r * 10 + pthread_mutex_lock(&m);
	r = r * 10 + pthread_mutex_unlock(&m);
	r = r * 10 + pthread_mutex_unlock(&m);
	printf("recursive lock, lock, unlock, unlock: %04d\n", r);
	printf("unlock again: %d\n", pthread_mutex_unlock(&m));
	pthread_mutex_destroy(&m);
	pthread_mutexattr_destroy(&a);
}

static void ntp(void)
{
	struct ntptimeval t;
	struct timeval now;
	int r;

	memset(&t, 0xa5, sizeof t);
	r = ntp_gettimex(&t);
	gettimeofday(&now, NULL);
	printf("ntp_gettimex = %d (TIME_OK..TIME_ERROR: %d..%d)\n", r,
		TIME_OK, TIME_ERROR);
	printf("ntptimeval size %zu, tai %ld, reserved %ld %ld %ld %ld\n",
		sizeof t, t.tai, t.__glibc_reserved1, t.__glibc_reserved2,
		t.__glibc_reserved3, t.__glibc_reserved4);
	printf("time within 2 s of gettimeofday: %d\n",
		labs(now.tv_sec - t.time.tv_sec) <= 2);
	printf("errors plausible: %d\n", t.maxerror >= 0 && t.esterror >= 0);
}

static void mallinfos(void)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	struct mallinfo a = mallinfo();
#pragma GCC diagnostic pop
	struct mallinfo2 b = mallinfo2();

	printf("mallinfo/mallinfo2 agree: %d\n",
		a.arena == (int)b.arena && a.hblks == (int)b.hblks &&
		a.hblkhd == (int)b.hblkhd &&
		a.keepcost == (int)b.keepcost);
	printf("sizes %zu %zu\n", sizeof a, sizeof b);
}

static void trace(void)
{
	const char *f = getenv("MALLOC_TRACE");

	if (!f) {
		printf("MALLOC_TRACE unset\n");
		return;
	}
	unlink(f);
	mtrace();
	free(malloc(100));
	muntrace();
	printf("mtrace wrote a trace: %d\n", access(f, F_OK) == 0);
}

static void signaling(void)
{
	union { double d; uint64_t u; } d[] = { { .u = 0x7ff0000000000001 },
		{ .u = 0x7ff8000000000000 }, { .u = 0x7ff0000000000000 },
		{ .u = 0xfff4000000000000 }, { .d = 1.0 } };
	union { float f; uint32_t u; } f[] = { { .u = 0x7f800001 },
		{ .u = 0x7fc00000 }, { .u = 0x7f800000 }, { .u = 0xffa00000 } };
	struct { uint64_t m; uint16_t e; } l[] = {
		{ 0xc000000000000000, 0x7fff }, { 0x8000000000000001, 0x7fff },
		{ 0xa000000000000000, 0xffff }, { 0x8000000000000000, 0x7fff },
		{ 0x0000000000000001, 0x7fff }, { 0x4000000000000000, 0x7fff },
		{ 0x0000000000000000, 0x7fff },
		{ 0x8000000000000000, 0x3fff } };
	union { _Float128 q; uint64_t w[2]; } q[] = {
		{ .w = { 1, 0x7fff000000000000 } },
		{ .w = { 0, 0x7fff800000000000 } },
		{ .w = { 0, 0x7fff000000000000 } },
		{ .w = { 0, 0xffff400000000000 } } };

	for (size_t i = 0; i < sizeof d / sizeof *d; i++)
		printf("issignaling(double %#llx) = %d\n",
			(unsigned long long)d[i].u, issignaling(d[i].d));
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		printf("issignaling(float %#x) = %d\n", f[i].u,
			issignaling(f[i].f));
	for (size_t i = 0; i < sizeof l / sizeof *l; i++) {
		long double x;

		memset(&x, 0, sizeof x);
		memcpy(&x, &l[i].m, 8);
		memcpy((char *)&x + 8, &l[i].e, 2);
		printf("issignaling(long double %#x:%#llx) = %d\n", l[i].e,
			(unsigned long long)l[i].m, issignaling(x));
	}
	for (size_t i = 0; i < sizeof q / sizeof *q; i++)
		printf("issignaling(_Float128 %#llx:%llx) = %d\n",
			(unsigned long long)q[i].w[1],
			(unsigned long long)q[i].w[0], issignaling(q[i].q));
}

/*
 * "protect": glibc accepts PTHREAD_PRIO_PROTECT (0); the shim refuses it
 * with ENOTSUP, as musl has no priority-protection mutexes (prio.c).
 */
static int protect(void)
{
	pthread_mutexattr_t a;
	int r, p = -1;

	pthread_mutexattr_init(&a);
	r = pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT);
	pthread_mutexattr_getprotocol(&a, &p);
	printf("setprotocol(PTHREAD_PRIO_PROTECT) = %s, protocol now %s\n",
		r == 0 ? "0" : r == ENOTSUP ? "ENOTSUP" : "other",
		p == PTHREAD_PRIO_PROTECT ? "PROTECT" :
		p == PTHREAD_PRIO_NONE ? "NONE" : "other");
	r = pthread_mutexattr_setprotocol(&a, 7);
	printf("setprotocol(7) = %s\n", r == EINVAL ? "EINVAL" : "other");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "protect"))
		return protect();
	argz("a:b:c", ':');
	argz("", ':');
	argz(":::", ':');
	argz("::a::b::", ':');
	argz("one two", ' ');
	argz("no-sep", ',');
	argz("a,", ',');
	argz(",", ',');
	globs();
	ceilings();
	ntp();
	mallinfos();
	trace();
	signaling();
	printf("__profile_frequency = %d\n", __profile_frequency());
	return 0;
}
