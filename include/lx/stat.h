/*
 * glibc's struct stat on x86-64 (the kernel's struct stat; stat64 is the
 * same type) and the old __xstat version numbers.
 */
#ifndef LX_STAT_H
#define LX_STAT_H

#include <stddef.h>
#include <stdint.h>

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

_Static_assert(offsetof(struct lx_stat, st_dev) == 0, "stat");
_Static_assert(offsetof(struct lx_stat, st_ino) == 8, "stat");
_Static_assert(offsetof(struct lx_stat, st_nlink) == 16, "stat");
_Static_assert(offsetof(struct lx_stat, st_mode) == 24, "stat");
_Static_assert(offsetof(struct lx_stat, st_uid) == 28, "stat");
_Static_assert(offsetof(struct lx_stat, st_gid) == 32, "stat");
_Static_assert(offsetof(struct lx_stat, st_rdev) == 40, "stat");
_Static_assert(offsetof(struct lx_stat, st_size) == 48, "stat");
_Static_assert(offsetof(struct lx_stat, st_blksize) == 56, "stat");
_Static_assert(offsetof(struct lx_stat, st_blocks) == 64, "stat");
_Static_assert(offsetof(struct lx_stat, st_atim) == 72, "stat");
_Static_assert(offsetof(struct lx_stat, st_mtim) == 88, "stat");
_Static_assert(offsetof(struct lx_stat, st_ctim) == 104, "stat");
_Static_assert(offsetof(struct lx_stat, __glibc_reserved) == 120, "stat");
_Static_assert(sizeof(struct lx_stat) == 144, "stat");

#define LX_STAT_VER_KERNEL	0
#define LX_STAT_VER_LINUX	1	/* _STAT_VER on x86-64 */
#define LX_MKNOD_VER_LINUX	0	/* _MKNOD_VER on x86-64 */

/* Fill glibc's struct stat from the host's, field by field (xstat.c). */
struct stat;
void lx_host_to_lx_stat(const struct stat *st, struct lx_stat *out);

#endif
