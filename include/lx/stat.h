/*
 * glibc's struct stat on x86-64 (the kernel's struct stat; stat64 is the
 * same type) and the old __xstat version numbers.
 */
#ifndef LX_STAT_H
#define LX_STAT_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"

struct lx_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

struct lx_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	struct lx_timespec st_atim;
	struct lx_timespec st_mtim;
	struct lx_timespec st_ctim;
	int64_t __glibc_reserved[3];
};

LX_LAYOUT(struct lx_stat, 144,
	st_dev, 0,
	st_ino, 8,
	st_nlink, 16,
	st_mode, 24,
	st_uid, 28,
	st_gid, 32,
	st_rdev, 40,
	st_size, 48,
	st_blksize, 56,
	st_blocks, 64,
	st_atim, 72,
	st_mtim, 88,
	st_ctim, 104,
	__glibc_reserved, 120);

#define LX_STAT_VER_KERNEL	0
#define LX_STAT_VER_LINUX	1	/* _STAT_VER on x86-64 */
#define LX_MKNOD_VER_LINUX	0	/* _MKNOD_VER on x86-64 */

/* Fill glibc's struct stat from the host's, field by field (xstat.c). */
struct stat;
void lx_host_to_lx_stat(const struct stat *st, struct lx_stat *out);

#endif
