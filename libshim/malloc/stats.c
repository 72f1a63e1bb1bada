/*
 * glibc's allocator statistics over jemalloc's: mallinfo, mallinfo2,
 * malloc_stats, malloc_info, and malloc_trim, which gives freed pages
 * back to the kernel.
 *
 * glibc's figures describe its heap: "arena" bytes obtained with brk
 * (uordblks of them in use, fordblks free), plus hblks chunks of hblkhd
 * bytes mapped one by one. Here small allocations stand for the heap and
 * jemalloc's large allocations for the mapped chunks, so the sums a
 * program makes mean what they mean under glibc: uordblks + hblkhd is the
 * memory in use, arena + hblkhd what the allocator holds from the kernel.
 * There are no fast bins (smblks, fsmblks 0); usmblks is 0 as in glibc.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "alloc.h"

/*
 * The figures are jemalloc's, refreshed. Blocks freed into the calling
 * thread's cache count as in use until the cache gives them back, so the
 * cache is flushed first (glibc's per-thread cache holds at most 7 blocks
 * of a size; jemalloc's holds up to hundreds).
 */
int alloc_refresh(void)
{
	uint64_t epoch = 1;
	size_t len = sizeof epoch;

	mallctl("thread.tcache.flush", NULL, NULL, NULL, 0);
	return mallctl("epoch", &epoch, &len, &epoch, len) ? -1 : 0;
}

static int read_size(const char *name, size_t *v)
{
	size_t len = sizeof *v;

	*v = 0;
	return mallctl(name, v, &len, NULL, 0) ? -1 : 0;
}

unsigned alloc_narenas(void)
{
	unsigned n = 0;
	size_t len = sizeof n;

	if (mallctl("arenas.narenas", &n, &len, NULL, 0))
		return 0;
	return n;
}

int alloc_figures(unsigned arena, struct alloc_figures *f)
{
	char name[64];
	size_t page = 0, dirty = 0, muzzy = 0, nmalloc = 0, ndalloc = 0;
	int err = 0;

	*f = (struct alloc_figures){ 0 };
	if (arena != ALLOC_ARENAS_ALL) {
		_Bool init = 0;
		size_t len = sizeof init;

		snprintf(name, sizeof name, "arena.%u.initialized", arena);
		if (mallctl(name, &init, &len, NULL, 0) || !init)
			return -1;
	}
#define STAT(field, v) \
	(snprintf(name, sizeof name, "stats.arenas.%u." field, arena), \
	 err |= read_size(name, v))
	STAT("mapped", &f->mapped);
	STAT("small.allocated", &f->small);
	STAT("large.allocated", &f->large);
	STAT("large.nmalloc", &nmalloc);
	STAT("large.ndalloc", &ndalloc);
	STAT("pdirty", &dirty);
	STAT("pmuzzy", &muzzy);
#undef STAT
	err |= read_size("arenas.page", &page);
	f->nlarge = nmalloc > ndalloc ? nmalloc - ndalloc : 0;
	f->unused = (dirty + muzzy) * page;
	return err ? -1 : 0;
}

struct lx_mallinfo2 {
	size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks;
	size_t uordblks, fordblks, keepcost;
};
_Static_assert(sizeof(struct lx_mallinfo2) == 80, "struct mallinfo2");

struct lx_mallinfo {
	int arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks;
	int uordblks, fordblks, keepcost;
};
_Static_assert(sizeof(struct lx_mallinfo) == 40, "struct mallinfo");

static struct lx_mallinfo2 mallinfo_of(const struct alloc_figures *f)
{
	size_t heap = f->mapped > f->large ? f->mapped - f->large : 0;
	size_t used = f->small < heap ? f->small : heap;

	return (struct lx_mallinfo2){
		.arena = heap,
		/* the free space counts as one block while there is any */
		.ordblks = heap > used,
		.hblks = f->nlarge,
		.hblkhd = f->large,
		.uordblks = used,
		.fordblks = heap - used,
		.keepcost = f->unused,
	};
}

struct lx_mallinfo2 lx_mallinfo2(void)
{
	struct alloc_figures f;

	alloc_refresh();
	alloc_figures(ALLOC_ARENAS_ALL, &f);
	return mallinfo_of(&f);
}

/* mallinfo: the same figures in int, truncated as glibc truncates them. */
struct lx_mallinfo lx_mallinfo(void)
{
	struct lx_mallinfo2 m = lx_mallinfo2();

	return (struct lx_mallinfo){
		.arena = (int)m.arena, .ordblks = (int)m.ordblks,
		.smblks = (int)m.smblks, .hblks = (int)m.hblks,
		.hblkhd = (int)m.hblkhd, .usmblks = (int)m.usmblks,
		.fsmblks = (int)m.fsmblks, .uordblks = (int)m.uordblks,
		.fordblks = (int)m.fordblks, .keepcost = (int)m.keepcost,
	};
}

/*
 * malloc_stats: glibc's report on stderr, one paragraph per arena and the
 * totals. glibc's last two lines give the most mapped chunks there ever
 * were; the allocator keeps no maxima, so they give the current ones.
 */
void lx_malloc_stats(void)
{
	struct alloc_figures f;
	struct lx_mallinfo2 m;
	unsigned n = alloc_narenas(), shown = 0;
	size_t sys = 0, used = 0;

	alloc_refresh();
	for (unsigned i = 0; i < n; i++) {
		if (alloc_figures(i, &f) < 0)
			continue;
		m = mallinfo_of(&f);
		fprintf(stderr, "Arena %u:\n", shown++);
		fprintf(stderr, "system bytes     = %10u\n", (unsigned)m.arena);
		fprintf(stderr, "in use bytes     = %10u\n",
		    (unsigned)m.uordblks);
		sys += m.arena;
		used += m.uordblks;
	}
	alloc_figures(ALLOC_ARENAS_ALL, &f);
	m = mallinfo_of(&f);
	fprintf(stderr, "Total (incl. mmap):\n");
	fprintf(stderr, "system bytes     = %10u\n", (unsigned)(sys + m.hblkhd));
	fprintf(stderr, "in use bytes     = %10u\n",
	    (unsigned)(used + m.hblkhd));
	fprintf(stderr, "max mmap regions = %10u\n", (unsigned)m.hblks);
	fprintf(stderr, "max mmap bytes   = %10lu\n", (unsigned long)m.hblkhd);
}

static void info_totals(FILE *fp, const struct lx_mallinfo2 *m)
{
	fprintf(fp, "<total type=\"fast\" count=\"0\" size=\"0\"/>\n");
	fprintf(fp, "<total type=\"rest\" count=\"%zu\" size=\"%zu\"/>\n",
	    m->ordblks, m->fordblks);
}

/* What an arena holds from the kernel (no maxima are kept: current). */
static void info_system(FILE *fp, size_t held)
{
	fprintf(fp, "<system type=\"current\" size=\"%zu\"/>\n", held);
	fprintf(fp, "<system type=\"max\" size=\"%zu\"/>\n", held);
	fprintf(fp, "<aspace type=\"total\" size=\"%zu\"/>\n", held);
	fprintf(fp, "<aspace type=\"mprotect\" size=\"%zu\"/>\n", held);
}

/*
 * malloc_info: glibc's XML report (version 1) on FP: per arena its free
 * space and what it holds from the kernel, then the totals with the
 * mapped chunks. There are no size bins to list. OPTIONS must be 0; glibc
 * returns EINVAL otherwise, as the result, leaving errno alone.
 */
int lx_malloc_info(int options, FILE *fp)
{
	struct alloc_figures f;
	struct lx_mallinfo2 m;
	unsigned n = alloc_narenas(), shown = 0;

	if (options != 0)
		return EINVAL;
	alloc_refresh();
	fputs("<malloc version=\"1\">\n", fp);
	for (unsigned i = 0; i < n; i++) {
		if (alloc_figures(i, &f) < 0)
			continue;
		m = mallinfo_of(&f);
		fprintf(fp, "<heap nr=\"%u\">\n<sizes>\n</sizes>\n", shown++);
		info_totals(fp, &m);
		info_system(fp, m.arena);
		fputs("</heap>\n", fp);
	}
	alloc_figures(ALLOC_ARENAS_ALL, &f);
	m = mallinfo_of(&f);
	info_totals(fp, &m);
	fprintf(fp, "<total type=\"mmap\" count=\"%zu\" size=\"%zu\"/>\n",
	    m.hblks, m.hblkhd);
	info_system(fp, m.arena);
	fputs("</malloc>\n", fp);
	return 0;
}

/*
 * malloc_trim: gives every arena's freed pages back to the kernel now
 * (glibc also trims the heap top down to PAD bytes; here nothing is kept
 * back). 1 if memory was released, as in glibc.
 */
int lx_malloc_trim(size_t pad)
{
	struct alloc_figures f;
	char name[32];

	(void)pad;
	alloc_refresh();
	if (alloc_figures(ALLOC_ARENAS_ALL, &f) < 0 || f.unused == 0)
		return 0;
	snprintf(name, sizeof name, "arena.%u.purge", ALLOC_ARENAS_ALL);
	return mallctl(name, NULL, NULL, NULL, 0) == 0;
}
