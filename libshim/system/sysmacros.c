/*
 * glibc's dev_t encoding of <sys/sysmacros.h>: gnu_dev_major,
 * gnu_dev_minor and gnu_dev_makedev, which the major(), minor() and
 * makedev() macros call.
 */
#include <stdint.h>

/* glibc's dev_t encoding (<sys/sysmacros.h>). */
unsigned int lx_gnu_dev_major(uint64_t dev)
{
	return ((dev >> 32) & 0xfffff000u) | ((dev >> 8) & 0xfffu);
}

unsigned int lx_gnu_dev_minor(uint64_t dev)
{
	return ((dev >> 12) & 0xffffff00u) | (dev & 0xffu);
}

uint64_t lx_gnu_dev_makedev(unsigned int major, unsigned int minor)
{
	return ((uint64_t)(major & 0xfffff000u) << 32) |
		((uint64_t)(major & 0xfffu) << 8) |
		((uint64_t)(minor & 0xffffff00u) << 12) | (minor & 0xffu);
}
