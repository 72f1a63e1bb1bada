/*
 * glibc's allocator API as a program sees it: every answer that glibc's
 * contract fixes (results, errno, alignment, zeroing, sizes at least as
 * asked, the statistics' invariants and formats), printed so that a run
 * through the shim can be compared with a native one. Figures that depend
 * on the allocator's layout (exact usable sizes, byte counts) are checked,
 * not printed.
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Keep the compiler from eliding allocations whose result is unused, and
 * from judging sizes it cannot see. */
static void *volatile sink;
static volatile size_t huge = SIZE_MAX - 4096, half = SIZE_MAX / 2;

static int aligned(const void *p, size_t a)
{
	return ((uintptr_t)p & (a - 1)) == 0;
}

static void basics(void)
{
	void *p = malloc(0), *q;

	printf("malloc(0): %s\n", p ? "pointer" : "NULL");
	free(p);
	free(NULL);
	p = malloc(10);
	errno = 0;
	q = realloc(p, 0);
	printf("realloc(p, 0): %s errno %d\n", q ? "pointer" : "NULL", errno);
	free(q);
	q = realloc(NULL, 16);
	printf("realloc(NULL, 16): %s usable>=16 %d\n", q ? "pointer" : "NULL",
	    q && malloc_usable_size(q) >= 16);
	free(q);
	printf("malloc_usable_size(NULL): %zu\n", malloc_usable_size(NULL));
	errno = 0;
	sink = malloc(huge);
	printf("malloc(huge): %s errno %s\n", sink ? "pointer" : "NULL",
	    errno == ENOMEM ? "ENOMEM" : "other");
}

static void growth(void)
{
	unsigned char *p = malloc(1), *q;
	int ok = 1;

	p[0] = 42;
	/* grow through every size class up to 1 MiB; contents survive */
	for (size_t n = 2; n <= (1u << 20); n = n * 3 / 2 + 1) {
		q = realloc(p, n);
		if (!q || q[0] != 42 || malloc_usable_size(q) < n)
			ok = 0;
		q[n - 1] = 7;
		p = q;
	}
	for (size_t n = 1u << 20; n > 1; n /= 3) {
		q = realloc(p, n);
		if (!q || q[0] != 42)
			ok = 0;
		p = q;
	}
	free(p);
	printf("realloc growth and shrink keep contents: %d\n", ok);
}

static void zeroing(void)
{
	int ok = 1;

	for (size_t n = 1; n < 300000; n = n * 5 + 3) {
		unsigned char *p = malloc(n);

		memset(p, 0xa5, n);
		free(p);
		p = calloc(n, 1);
		for (size_t i = 0; i < n; i++)
			ok &= p[i] == 0;
		free(p);
	}
	printf("calloc zeroes: %d\n", ok);
	errno = 0;
	sink = calloc(half, 3);
	printf("calloc overflow: %s errno %s\n", sink ? "pointer" : "NULL",
	    errno == ENOMEM ? "ENOMEM" : "other");
	errno = 0;
	sink = reallocarray(NULL, half, 3);
	printf("reallocarray overflow: %s errno %s\n",
	    sink ? "pointer" : "NULL", errno == ENOMEM ? "ENOMEM" : "other");
	sink = reallocarray(NULL, 10, 10);
	printf("reallocarray(10, 10): usable>=100 %d\n",
	    malloc_usable_size(sink) >= 100);
	free(sink);
}

static void alignment(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	void *p;
	int r;

	for (size_t a = 1; a <= 65536; a *= 2) {
		p = NULL;
		r = posix_memalign(&p, a, 100);
		printf("posix_memalign(%zu): %d", a, r);
		if (!r)
			printf(" aligned %d", aligned(p, a));
		free(p);
		p = aligned_alloc(a, a * 3);
		printf(" aligned_alloc: %s", p ? "pointer" : "NULL");
		if (p)
			printf(" aligned %d", aligned(p, a));
		free(p);
		p = memalign(a, 33);
		printf(" memalign aligned %d\n", p && aligned(p, a));
		free(p);
	}
	p = (void *)1;
	printf("posix_memalign(24): %d\n", posix_memalign(&p, 24, 8));
	printf("posix_memalign(0): %d\n", posix_memalign(&p, 0, 8));
	p = valloc(100);
	printf("valloc: aligned %d usable>=100 %d\n", aligned(p, page),
	    malloc_usable_size(p) >= 100);
	free(p);
	p = pvalloc(100);
	printf("pvalloc: aligned %d usable>=page %d\n", aligned(p, page),
	    malloc_usable_size(p) >= page);
	free(p);
	p = pvalloc(0);
	printf("pvalloc(0): aligned %d\n", aligned(p, page));
	free(p);
	for (size_t a = 16; a <= 65536; a *= 2) {
		p = memalign(a, 0);
		printf("memalign(%zu, 0): aligned %d", a, aligned(p, a));
		free(p);
		p = aligned_alloc(a, 0);
		printf(" aligned_alloc: aligned %d", p && aligned(p, a));
		free(p);
		p = NULL;
		printf(" posix_memalign: %d", posix_memalign(&p, a, 0));
		printf(" aligned %d\n", aligned(p, a));
		free(p);
	}
}

static void settings(void)
{
	printf("mallopt M_MXFAST 64: %d\n", mallopt(M_MXFAST, 64));
	printf("mallopt M_MXFAST 1000: %d\n", mallopt(M_MXFAST, 1000));
	printf("mallopt M_MXFAST -1: %d\n", mallopt(M_MXFAST, -1));
	printf("mallopt M_MMAP_THRESHOLD 1M: %d\n",
	    mallopt(M_MMAP_THRESHOLD, 1 << 20));
	printf("mallopt M_MMAP_THRESHOLD 64M: %d\n",
	    mallopt(M_MMAP_THRESHOLD, 64 << 20));
	printf("mallopt M_MMAP_THRESHOLD -1: %d\n",
	    mallopt(M_MMAP_THRESHOLD, -1));
	printf("mallopt M_MXFAST 160: %d\n", mallopt(M_MXFAST, 160));
	printf("mallopt M_MXFAST 161: %d\n", mallopt(M_MXFAST, 161));
	printf("mallopt M_TRIM_THRESHOLD: %d\n",
	    mallopt(M_TRIM_THRESHOLD, 1 << 20));
	printf("mallopt M_TOP_PAD: %d\n", mallopt(M_TOP_PAD, 0));
	printf("mallopt M_MMAP_MAX: %d\n", mallopt(M_MMAP_MAX, 100));
	printf("mallopt M_ARENA_MAX: %d\n", mallopt(M_ARENA_MAX, 2));
	printf("mallopt M_ARENA_TEST: %d\n", mallopt(M_ARENA_TEST, 2));
	printf("mallopt M_PERTURB 0: %d\n", mallopt(M_PERTURB, 0));
	printf("mallopt unknown: %d\n", mallopt(12345, 1));
}

static void statistics(void)
{
	enum { N = 4000 };
	static void *v[N];
	struct mallinfo2 a, b, c;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int r;

	a = mallinfo2();
	for (int i = 0; i < N; i++)
		v[i] = malloc(200);
	b = mallinfo2();
	printf("mallinfo2: in use grows by the allocations: %d\n",
	    b.uordblks + b.hblkhd >= a.uordblks + a.hblkhd + N * 200);
	printf("mallinfo2: arena = uordblks + fordblks: %d\n",
	    b.arena == b.uordblks + b.fordblks);
	for (int i = 0; i < N; i++)
		free(v[i]);
	c = mallinfo2();
	printf("mallinfo2: in use falls after free: %d\n",
	    c.uordblks + c.hblkhd < b.uordblks + b.hblkhd);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	printf("mallinfo agrees with mallinfo2: %d\n",
	    mallinfo().uordblks == (int)mallinfo2().uordblks);
#pragma GCC diagnostic pop
	r = malloc_trim(0);
	printf("malloc_trim: %s\n", r == 0 || r == 1 ? "0 or 1" : "other");

	f = open_memstream(&buf, &len);
	errno = 0;
	r = malloc_info(1, f);
	printf("malloc_info(1): %s errno %d\n",
	    r == EINVAL ? "EINVAL" : "other", errno);
	r = malloc_info(0, f);
	fclose(f);
	printf("malloc_info(0): %d starts %d ends %d heap %d mmap total %d\n",
	    r, strncmp(buf, "<malloc version=\"1\">\n<heap nr=\"0\">\n", 35) == 0,
	    len > 10 && strcmp(buf + len - 10, "</malloc>\n") == 0,
	    strstr(buf, "<system type=\"current\" size=\"") != NULL,
	    strstr(buf, "<total type=\"mmap\" count=\"") != NULL);
	free(buf);
}

/* malloc_stats prints on stderr: the runner compares stdout, so the
 * format is checked here on a copy of stderr. */
static void stats_format(void)
{
	char path[] = "/tmp/alloc-stats-XXXXXX", line[128];
	int fd = mkstemp(path), saved = dup(2), arenas = 0, total = 0;
	FILE *f;

	unlink(path);
	fflush(stderr);
	dup2(fd, 2);
	malloc_stats();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	f = fdopen(fd, "r");
	while (fgets(line, sizeof line, f)) {
		unsigned long v;

		if (strncmp(line, "Arena ", 6) == 0)
			arenas++;
		else if (strcmp(line, "Total (incl. mmap):\n") == 0)
			total++;
		else if (sscanf(line, "system bytes     = %10lu", &v) != 1 &&
		    sscanf(line, "in use bytes     = %10lu", &v) != 1 &&
		    sscanf(line, "max mmap regions = %10lu", &v) != 1 &&
		    sscanf(line, "max mmap bytes   = %10lu", &v) != 1)
			printf("malloc_stats: unexpected line: %s", line);
	}
	fclose(f);
	printf("malloc_stats: arenas %d total %d\n", arenas > 0, total);
}

int main(void)
{
	basics();
	growth();
	zeroing();
	alignment();
	settings();
	statistics();
	stats_format();
	return 0;
}
