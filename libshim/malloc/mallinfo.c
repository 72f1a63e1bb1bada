/*
 * glibc's allocator queries, where musl's allocator has nothing to say:
 * malloc_trim (nothing to give back) and mallinfo/mallinfo2 (no
 * statistics).
 */
#include <stddef.h>

/* musl's allocator returns free memory by itself: nothing to trim now. */
int lx_malloc_trim(size_t pad)
{
	(void)pad;
	return 0;
}

/*
 * mallinfo2 and mallinfo: glibc's allocator statistics (the same fields,
 * size_t in mallinfo2, int in mallinfo: glibc truncates).
 * XXX: musl's allocator keeps no statistics that can be read; every field
 * is 0. Programs use these for diagnostics (systemd, talloc's reports);
 * refusing them would refuse the whole program.
 */
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

struct lx_mallinfo2 lx_mallinfo2(void)
{
	return (struct lx_mallinfo2){ 0 };
}

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
