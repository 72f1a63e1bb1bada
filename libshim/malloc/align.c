/*
 * The aligned allocations whose glibc contract jemalloc does not keep:
 * memalign of 0 bytes (jemalloc's block is not aligned; glibc's is) and
 * pvalloc, which jemalloc lacks.
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

/* memalign: an aligned block even for 0 bytes (ask for 1). */
void *lx_memalign(size_t align, size_t n)
{
	return memalign(align, n ? n : 1);
}

/* pvalloc: page-aligned, the size rounded up to whole pages (0 stays 0:
 * the smallest block, as in glibc). */
void *lx_pvalloc(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t rounded = (n + page - 1) & ~(page - 1);

	if (rounded < n) {
		errno = ENOMEM;
		return NULL;
	}
	return lx_memalign(page, rounded);
}
