/*
 * The reroot for every path a guest names (FreeBSD's /compat/linux union
 * lookup): an absolute PATH becomes PREFIX/PATH when that exists inside the
 * prefix (symlinks resolved inside it), else stays PATH. Relative paths
 * and *at() calls with a relative path are left alone: they resolve
 * against the real cwd or directory descriptor. Paths the host hands back
 * (getcwd, realpath) lose the prefix again. Without a prefix every wrapper
 * is one test and a tail call.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <mntent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <utime.h>

#include "lx/stat.h"
#include "shim/libshim.h"
#include "shim/loader.h"
#include "shim/reroot.h"
#include "shim/stdio.h"

/*
 * PATH as the host should see it; BUF (PATH_MAX) may hold the result.
 * FOLLOW: whether a symlink in the last component is followed (lstat,
 * readlink, unlink, rename, ... do not).
 */
static const char *reroot(const char *path, char *buf, bool follow)
{
	const char *prefix = shim_cfg.prefix;
	char dir[PATH_MAX];
	const char *slash;
	struct stat st;

	if (!prefix || !path || path[0] != '/')
		return path;
	if (follow) {
		if (reroot_resolve(prefix, path, buf, PATH_MAX) == 0)
			goto found;
		return path;
	}
	slash = strrchr(path, '/');
	if ((size_t)(slash - path) >= sizeof dir || !slash[1])
		return reroot_resolve(prefix, path, buf, PATH_MAX) == 0 ?
			buf : path;
	memcpy(dir, path, slash - path);
	dir[slash - path] = 0;
	if (reroot_resolve(prefix, dir[0] ? dir : "/", buf, PATH_MAX) < 0)
		return path;
	if (strlen(buf) + strlen(slash) >= PATH_MAX)
		return path;
	strcat(buf, buf[strlen(buf) - 1] == '/' ? slash + 1 : slash);
	if (lstat(buf, &st) < 0)
		return path;
found:
	shim_debug(SHIM_DEBUG_REROOT, "reroot: %s -> %s", path, buf);
	return buf;
}

const char *lx_reroot_path(const char *path, char *buf, int follow)
{
	return reroot(path, buf, follow);
}

#define R(p) char rb_##p[PATH_MAX]; p = reroot(p, rb_##p, true)
#define RL(p) char rb_##p[PATH_MAX]; p = reroot(p, rb_##p, false)

/* A path inside the prefix as the guest knows it (prefix stripped). */
static void unroot(char *p)
{
	const char *prefix = shim_cfg.prefix;
	size_t n;

	if (!p || !prefix)
		return;
	n = strlen(prefix);
	while (n > 1 && prefix[n - 1] == '/')
		n--;
	if (!strncmp(p, prefix, n) && (p[n] == '/' || !p[n]))
		memmove(p, p[n] ? p + n : "/", strlen(p[n] ? p + n : "/") + 1);
}

static int mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ?
		va_arg(ap, int) : 0;
}

int lx_open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (flags & O_NOFOLLOW) {
		RL(path);
		return open(path, flags, mode);
	}
	R(path);
	return open(path, flags, mode);
}

int lx_openat(int fd, const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	R(path);
	return openat(fd, path, flags, mode);
}

int lx_creat(const char *path, mode_t mode) { R(path); return creat(path, mode); }
FILE *lx_fopen(const char *path, const char *mode)
{
	R(path);
	return lx_stdio_glibc_buffer(fopen(path, mode));
}
FILE *lx_freopen(const char *path, const char *mode, FILE *f)
{
	if (path) {
		R(path);
		return freopen(path, mode, f);
	}
	return freopen(path, mode, f);
}
DIR *lx_opendir(const char *path) { R(path); return opendir(path); }
FILE *lx_setmntent(const char *path, const char *mode) { R(path); return setmntent(path, mode); }
int lx_scandir(const char *path, struct dirent ***list,
	int (*sel)(const struct dirent *),
	int (*cmp)(const struct dirent **, const struct dirent **))
{
	R(path);
	return scandir(path, list, sel, cmp);
}

int lx_access(const char *path, int m) { R(path); return access(path, m); }
int lx_eaccess(const char *path, int m) { R(path); return eaccess(path, m); }
int lx_euidaccess(const char *path, int m) { R(path); return euidaccess(path, m); }
int lx_faccessat(int fd, const char *path, int m, int fl) { R(path); return faccessat(fd, path, m, fl); }
int lx_chdir(const char *path) { R(path); return chdir(path); }
int lx_chroot(const char *path) { R(path); return chroot(path); }
int lx_chmod(const char *path, mode_t m) { R(path); return chmod(path, m); }
int lx_lchmod(const char *path, mode_t m) { RL(path); return fchmodat(AT_FDCWD, path, m, AT_SYMLINK_NOFOLLOW); }
int lx_fchmodat(int fd, const char *path, mode_t m, int fl) { R(path); return fchmodat(fd, path, m, fl); }
int lx_chown(const char *path, uid_t u, gid_t g) { R(path); return chown(path, u, g); }
int lx_lchown(const char *path, uid_t u, gid_t g) { RL(path); return lchown(path, u, g); }
int lx_fchownat(int fd, const char *path, uid_t u, gid_t g, int fl) { R(path); return fchownat(fd, path, u, g, fl); }
int lx_fexecve(int fd, char *const argv[], char *const envp[]) { return fexecve(fd, argv, envp); }
int lx_futimesat(int fd, const char *path, const struct timeval tv[2]) { R(path); return futimesat(fd, path, tv); }
int lx_utime(const char *path, const struct utimbuf *t) { R(path); return utime(path, t); }
int lx_utimes(const char *path, const struct timeval tv[2]) { R(path); return utimes(path, tv); }
int lx_lutimes(const char *path, const struct timeval tv[2]) { RL(path); return lutimes(path, tv); }
int lx_utimensat(int fd, const char *path, const struct timespec ts[2], int fl)
{
	if (fl & AT_SYMLINK_NOFOLLOW) {
		RL(path);
		return utimensat(fd, path, ts, fl);
	}
	R(path);
	return utimensat(fd, path, ts, fl);
}

int lx_inotify_add_watch(int fd, const char *path, uint32_t mask) { R(path); return inotify_add_watch(fd, path, mask); }
int lx_link(const char *a, const char *b) { RL(a); RL(b); return link(a, b); }
int lx_linkat(int fa, const char *a, int fb, const char *b, int fl) { RL(a); RL(b); return linkat(fa, a, fb, b, fl); }
int lx_symlink(const char *target, const char *path) { RL(path); return symlink(target, path); }
int lx_symlinkat(const char *target, int fd, const char *path) { RL(path); return symlinkat(target, fd, path); }
int lx_unlink(const char *path) { RL(path); return unlink(path); }
int lx_unlinkat(int fd, const char *path, int fl) { RL(path); return unlinkat(fd, path, fl); }
int lx_remove(const char *path) { RL(path); return remove(path); }
int lx_rmdir(const char *path) { RL(path); return rmdir(path); }
int lx_rename(const char *a, const char *b) { RL(a); RL(b); return rename(a, b); }
int lx_renameat(int fa, const char *a, int fb, const char *b) { RL(a); RL(b); return renameat(fa, a, fb, b); }
int lx_mkdir(const char *path, mode_t m) { RL(path); return mkdir(path, m); }
int lx_mkdirat(int fd, const char *path, mode_t m) { RL(path); return mkdirat(fd, path, m); }
int lx_mkfifo(const char *path, mode_t m) { RL(path); return mkfifo(path, m); }
int lx_mkfifoat(int fd, const char *path, mode_t m) { RL(path); return mkfifoat(fd, path, m); }
int lx_mknod(const char *path, mode_t m, dev_t d) { RL(path); return mknod(path, m, d); }
int lx_mknodat(int fd, const char *path, mode_t m, dev_t d) { RL(path); return mknodat(fd, path, m, d); }
int lx_truncate(const char *path, off_t len) { R(path); return truncate(path, len); }
long lx_pathconf(const char *path, int name) { R(path); return lx_sys_pathconf(path, -1, name); }
/*
 * Started as "ld-linux-shim PROGRAM", the kernel's /proc/self/exe is the
 * shim; the guest must see its program, as when the shim is its PT_INTERP.
 */
static char exe_path[PATH_MAX];

void lx_reroot_set_exe(const char *path)
{
	if (!realpath(path, exe_path))
		exe_path[0] = 0;
}

static bool is_own_exe(const char *path)
{
	char self[32];

	if (!exe_path[0] || strncmp(path, "/proc/", 6))
		return false;
	snprintf(self, sizeof self, "/proc/%d/exe", (int)getpid());
	return !strcmp(path, "/proc/self/exe") ||
		!strcmp(path, "/proc/thread-self/exe") || !strcmp(path, self);
}

/* PATH, or the guest program's path if PATH names /proc/self/exe. */
const char *lx_own_exe(const char *path)
{
	return is_own_exe(path) ? exe_path : path;
}

static ssize_t own_exe(char *buf, size_t n)
{
	size_t len = strlen(exe_path);

	if (len > n)
		len = n;
	memcpy(buf, exe_path, len);
	return (ssize_t)len;
}

ssize_t lx_readlink(const char *path, char *buf, size_t n)
{
	if (is_own_exe(path))
		return own_exe(buf, n);
	RL(path);
	return readlink(path, buf, n);
}

ssize_t lx_readlinkat(int fd, const char *path, char *buf, size_t n)
{
	if (path[0] == '/' && is_own_exe(path))
		return own_exe(buf, n);
	RL(path);
	return readlinkat(fd, path, buf, n);
}
int lx_mount(const char *src, const char *dst, const char *type,
	unsigned long fl, const void *data)
{
	R(dst);
	return mount(src, dst, type, fl, data);
}
/* The new mount API (glibc 2.36 wrappers of the raw syscalls). */
int lx_open_tree(int dfd, const char *path, unsigned flags)
{
	R(path);
	return syscall(SYS_open_tree, dfd, path, flags);
}

int lx_move_mount(int fdfd, const char *from, int tdfd, const char *to,
	unsigned flags)
{
	R(from);
	R(to);
	return syscall(SYS_move_mount, fdfd, from, tdfd, to, flags);
}

struct mount_attr;
int lx_mount_setattr(int dfd, const char *path, unsigned flags,
	struct mount_attr *attr, size_t size)
{
	R(path);
	return syscall(SYS_mount_setattr, dfd, path, flags, attr, size);
}

int lx_umount(const char *path) { R(path); return umount(path); }
int lx_umount2(const char *path, int fl) { R(path); return umount2(path, fl); }

ssize_t lx_getxattr(const char *path, const char *n, void *v, size_t s) { R(path); return getxattr(path, n, v, s); }
ssize_t lx_lgetxattr(const char *path, const char *n, void *v, size_t s) { RL(path); return lgetxattr(path, n, v, s); }
int lx_setxattr(const char *path, const char *n, const void *v, size_t s, int f) { R(path); return setxattr(path, n, v, s, f); }
int lx_lsetxattr(const char *path, const char *n, const void *v, size_t s, int f) { RL(path); return lsetxattr(path, n, v, s, f); }
ssize_t lx_listxattr(const char *path, char *l, size_t s) { R(path); return listxattr(path, l, s); }
ssize_t lx_llistxattr(const char *path, char *l, size_t s) { RL(path); return llistxattr(path, l, s); }
int lx_removexattr(const char *path, const char *n) { R(path); return removexattr(path, n); }
int lx_lremovexattr(const char *path, const char *n) { RL(path); return lremovexattr(path, n); }

int lx_fstatat(int fd, const char *path, struct lx_stat *buf, int fl)
{
	struct stat st;
	int r;

	if (fl & AT_SYMLINK_NOFOLLOW) {
		RL(path);
		r = fstatat(fd, path, &st, fl);
	} else {
		R(path);
		r = fstatat(fd, path, &st, fl);
	}
	if (r == 0)
		lx_host_to_lx_stat(&st, buf);
	return r;
}

int lx_stat(const char *path, struct lx_stat *buf)
{
	return lx_fstatat(AT_FDCWD, path, buf, 0);
}

int lx_lstat(const char *path, struct lx_stat *buf)
{
	return lx_fstatat(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

/*
 * ftw/nftw over musl's walker. struct FTW and the FTW_* walk flags are the
 * same in musl; the typeflag values the callback gets are not: glibc
 * numbers FTW_F..FTW_SLN from 0, musl from 1. A trampoline converts them
 * (the guest's callback is kept per thread, saved around nested walks).
 * glibc's ftw follows symbolic links, as nftw without FTW_PHYS does.
 * XXX: glibc's FTW_ACTIONRETVAL (16) is refused by name. The callback
 * sees host paths (inside the prefix when rerooted).
 */
#define LX_FTW_ACTIONRETVAL 16

typedef int lx_nftw_fn(const char *, const struct stat *, int,
	struct FTW *);
typedef int lx_ftw_fn(const char *, const struct stat *, int);

static __thread lx_nftw_fn *guest_nftw;
static __thread lx_ftw_fn *guest_ftw;

static int host_to_lx_ftw_type(int t)
{
	return t - FTW_F;	/* glibc: FTW_F 0, D, DNR, NS, SL, DP, SLN 6 */
}

static int nftw_tramp(const char *p, const struct stat *st, int t,
	struct FTW *f)
{
	return guest_nftw(p, st, host_to_lx_ftw_type(t), f);
}

static int ftw_tramp(const char *p, const struct stat *st, int t,
	struct FTW *f)
{
	(void)f;
	return guest_ftw(p, st, host_to_lx_ftw_type(t));
}

int lx_nftw(const char *path, lx_nftw_fn *fn, int fds, int flags)
{
	lx_nftw_fn *saved = guest_nftw;
	int r;

	if (flags & LX_FTW_ACTIONRETVAL) {
		shim_msg("nftw: unsupported flag FTW_ACTIONRETVAL");
		errno = EINVAL;
		return -1;
	}
	R(path);
	guest_nftw = fn;
	r = nftw(path, nftw_tramp, fds, flags);
	guest_nftw = saved;
	return r;
}

int lx_ftw(const char *path, lx_ftw_fn *fn, int fds)
{
	lx_ftw_fn *saved = guest_ftw;
	int r;

	R(path);
	guest_ftw = fn;
	r = nftw(path, ftw_tramp, fds, 0);
	guest_ftw = saved;
	return r;
}

_Static_assert(FTW_F == 1 && FTW_SLN == 7, "musl's typeflag values");

/* struct statfs is the kernel's on x86-64 Linux for both C libraries. */
int lx_statfs(const char *path, struct statfs *buf) { R(path); return statfs(path, buf); }

/* glibc's struct statvfs: eleven unsigned longs, then int[6]. */
struct lx_statvfs {
	unsigned long f_bsize, f_frsize, f_blocks, f_bfree, f_bavail;
	unsigned long f_files, f_ffree, f_favail, f_fsid, f_flag, f_namemax;
	int spare[6];
};
_Static_assert(sizeof(struct lx_statvfs) == 112, "glibc statvfs size");

int lx_statvfs(const char *path, struct lx_statvfs *out)
{
	struct statvfs s;

	R(path);
	if (statvfs(path, &s) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->f_bsize = s.f_bsize;
	out->f_frsize = s.f_frsize;
	out->f_blocks = s.f_blocks;
	out->f_bfree = s.f_bfree;
	out->f_bavail = s.f_bavail;
	out->f_files = s.f_files;
	out->f_ffree = s.f_ffree;
	out->f_favail = s.f_favail;
	out->f_fsid = s.f_fsid;
	out->f_flag = s.f_flag;
	out->f_namemax = s.f_namemax;
	return 0;
}

char *lx_getcwd(char *buf, size_t n)
{
	char *r = getcwd(buf, n);

	unroot(r);
	return r;
}

char *lx_realpath(const char *path, char *out)
{
	char *r;

	R(path);
	r = realpath(path, out);
	unroot(r);
	return r;
}

/*
 * Templates: when the template's directory exists inside the prefix, the
 * unique name is made there and the generated characters are copied back
 * into the caller's template. Returns the template to use.
 */
static char *template_reroot(char *tmpl, char *buf)
{
	const char *slash = strrchr(tmpl, '/');
	char dir[PATH_MAX];

	if (!shim_cfg.prefix || tmpl[0] != '/' ||
	    (size_t)(slash - tmpl) >= sizeof dir)
		return tmpl;
	memcpy(dir, tmpl, slash - tmpl);
	dir[slash - tmpl] = 0;
	if (reroot_resolve(shim_cfg.prefix, dir[0] ? dir : "/", buf,
	    PATH_MAX) < 0 || strlen(buf) + strlen(slash) >= PATH_MAX)
		return tmpl;
	strcat(buf, slash);
	return buf;
}

static void template_back(char *tmpl, const char *used)
{
	size_t n = strlen(tmpl), m = strlen(used);

	if (used != tmpl && n >= 6 && m >= 6)
		memcpy(tmpl + n - 6, used + m - 6, 6);
}

int lx_mkstemp(char *tmpl)
{
	char buf[PATH_MAX], *t = template_reroot(tmpl, buf);
	int fd = mkstemp(t);

	template_back(tmpl, t);
	return fd;
}

int lx_mkstemps(char *tmpl, int suffixlen)
{
	char buf[PATH_MAX], *t = template_reroot(tmpl, buf);
	int fd = mkstemps(t, suffixlen);
	size_t n = strlen(tmpl), m = strlen(t);

	/* The generated characters stand before the suffix. */
	if (t != tmpl && suffixlen >= 0 && n >= 6 + (size_t)suffixlen &&
	    m >= 6 + (size_t)suffixlen)
		memcpy(tmpl + n - suffixlen - 6, t + m - suffixlen - 6, 6);
	return fd;
}

int lx_mkostemp(char *tmpl, int flags)
{
	char buf[PATH_MAX], *t = template_reroot(tmpl, buf);
	int fd = mkostemp(t, flags);

	template_back(tmpl, t);
	return fd;
}

char *lx_mkdtemp(char *tmpl)
{
	char buf[PATH_MAX], *t = template_reroot(tmpl, buf);
	char *r = mkdtemp(t);

	template_back(tmpl, t);
	return r ? tmpl : NULL;
}

char *lx_mktemp(char *tmpl)
{
	char buf[PATH_MAX], *t = template_reroot(tmpl, buf);

	mktemp(t);
	if (!*t)
		*tmpl = 0;
	else
		template_back(tmpl, t);
	return tmpl;
}
