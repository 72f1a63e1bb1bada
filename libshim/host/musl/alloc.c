/*
 * The host libc's internal allocation entry points, bound to the process's
 * allocator (jemalloc, see malloc/jemalloc-adapt.c): musl's own locale,
 * time-zone, atexit and posix_spawn code allocates through these. Defined
 * here, they keep musl's allocator out of the interpreter's link, so one
 * allocator serves the whole process.
 */
#include <stdlib.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void __libc_free(void *p);

void *__libc_malloc(size_t n)
{
	return malloc(n);
}

void *__libc_calloc(size_t n, size_t size)
{
	return calloc(n, size);
}

void __libc_free(void *p)
{
	free(p);
}
