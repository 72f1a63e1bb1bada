/*
 * glibc's allocator settings (mallopt).
 *
 * The allocator is jemalloc, whose settings are fixed when it starts:
 * jemalloc-adapt.c translates the environment into its configuration
 * then. glibc's heap geometry (trim and mmap thresholds, top pad, mmap
 * count) has no counterpart: it decides where memory comes from, never
 * what a program sees, and mallopt accepts it as glibc does.
 */


/* glibc's mallopt parameter for the fast-bin limit (malloc.h). */
#define LX_M_MXFAST 1

/* glibc's largest fast-bin size on x86-64. */
#define LX_MAX_FAST_SIZE 160

/*
 * mallopt: 1 on success, 0 for the one value glibc 2.36 refuses, a
 * fast-bin limit out of range. Every other parameter and value, unknown
 * ones included, is accepted, as glibc accepts them.
 */
int lx_mallopt(int param, int value)
{
	if (param == LX_M_MXFAST)
		return value >= 0 && value <= LX_MAX_FAST_SIZE;
	return 1;
}
