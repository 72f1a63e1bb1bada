/*
 * The pre-2.33 glibc stat ABI: __xstat, __lxstat, __fxstat, __fxstatat
 * (and their identical 64 forms), __xmknod and __xmknodat, which take a
 * version number first.  Guests built before glibc 2.33 import these
 * instead of stat().  Results are converted field by field from the
 * host's struct stat into glibc's.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "lx/stat.h"

void
lx_host_to_lx_stat(const struct stat *st, struct lx_stat *out)
{
	memset(out, 0, sizeof *out);
	out->st_dev = st->st_dev;
	out->st_ino = st->st_ino;
	out->st_nlink = st->st_nlink;
	out->st_mode = st->st_mode;
	out->st_uid = st->st_uid;
	out->st_gid = st->st_gid;
	out->st_rdev = st->st_rdev;
	out->st_size = st->st_size;
	out->st_blksize = st->st_blksize;
	out->st_blocks = st->st_blocks;
	out->st_atim.tv_sec = st->st_atim.tv_sec;
	out->st_atim.tv_nsec = st->st_atim.tv_nsec;
	out->st_mtim.tv_sec = st->st_mtim.tv_sec;
	out->st_mtim.tv_nsec = st->st_mtim.tv_nsec;
	out->st_ctim.tv_sec = st->st_ctim.tv_sec;
	out->st_ctim.tv_nsec = st->st_ctim.tv_nsec;
}

/* The personality's fstatat: it applies the reroot and fills glibc's
 * struct stat itself. */
extern int lx_fstatat(int, const char *, struct lx_stat *, int);
extern int lx_mknodat(int, const char *, mode_t, dev_t);

static int
do_fstatat(int ver, int fd, const char *path, struct lx_stat *buf,
    int flags)
{
	if (ver != LX_STAT_VER_KERNEL && ver != LX_STAT_VER_LINUX) {
		errno = EINVAL;
		return -1;
	}
	return lx_fstatat(fd, path, buf, flags);
}

int
lx___xstat(int ver, const char *path, struct lx_stat *buf)
{
	return do_fstatat(ver, AT_FDCWD, path, buf, 0);
}

int
lx___lxstat(int ver, const char *path, struct lx_stat *buf)
{
	return do_fstatat(ver, AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

int
lx___fxstat(int ver, int fd, struct lx_stat *buf)
{
	return do_fstatat(ver, fd, "", buf, AT_EMPTY_PATH);
}

int
lx___fxstatat(int ver, int fd, const char *path, struct lx_stat *buf,
    int flags)
{
	return do_fstatat(ver, fd, path, buf, flags);
}

int
lx___xmknodat(int ver, int fd, const char *path, mode_t mode, dev_t *dev)
{
	if (ver != LX_MKNOD_VER_LINUX) {
		errno = EINVAL;
		return -1;
	}
	return lx_mknodat(fd, path, mode, *dev);
}

int
lx___xmknod(int ver, const char *path, mode_t mode, dev_t *dev)
{
	return lx___xmknodat(ver, AT_FDCWD, path, mode, dev);
}
