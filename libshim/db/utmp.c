/*
 * The login records (utmp/utmpx and wtmp), which musl only stubs: glibc's
 * file back end over 384-byte struct lx_utmp records, with its fcntl
 * record locks, its search rules (getutid, getutline, pututline) and its
 * file names (utmpname; "/var/run/utmpx" falls back to "/var/run/utmp").
 * Files are opened through the reroot. The utmpx names share the state:
 * on x86-64 glibc's struct utmpx is struct utmp.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "lx/utmp.h"

extern __typeof__(access) lx_access;

#define LOCK_TIMEOUT_MS	10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char default_name[] = LX_PATH_UTMP;
static const char *file_name = default_name;
static int file_fd = -1;
static bool writable;
static off_t file_offset;
static struct lx_utmp last;

/* glibc's name mapping: an "x" file that does not exist means the plain
 * one. */
static const char *map_name(const char *name)
{
	if (!strcmp(name, LX_PATH_UTMP "x") &&
	    LX_PATHCALL(access)(name, F_OK) != 0)
		return LX_PATH_UTMP;
	if (!strcmp(name, LX_PATH_WTMP "x") &&
	    LX_PATHCALL(access)(name, F_OK) != 0)
		return LX_PATH_WTMP;
	return name;
}

/*
 * A whole-file fcntl lock of TYPE, waited for at most 10 s as glibc does
 * (XXX: polled with F_SETLK instead of glibc's alarm around F_SETLKW, so
 * that no SIGALRM handler of the guest is touched). 0, or -1 and errno.
 */
static int lock_file(int fd, short type)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET };
	struct timespec pause = { 0, 10 * 1000 * 1000 };

	for (int ms = 0; ms < LOCK_TIMEOUT_MS; ms += 10) {
		if (fcntl(fd, F_SETLK, &fl) == 0)
			return 0;
		if (errno != EACCES && errno != EAGAIN)
			return -1;
		nanosleep(&pause, NULL);
	}
	errno = EINTR;
	return -1;
}

static void unlock_file(int fd)
{
	struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET };
	int saved = errno;

	fcntl(fd, F_SETLK, &fl);
	errno = saved;
}

/* The record at file_offset into last: 1, 0 at the end (a partial record
 * counts as the end), -1 on a read error. */
static int read_last(void)
{
	struct lx_utmp buf;
	ssize_t n = pread(file_fd, &buf, sizeof buf, file_offset);

	if (n < 0)
		return -1;
	if (n != sizeof buf)
		return 0;
	last = buf;
	file_offset += sizeof buf;
	return 1;
}

/* Open (read-only, as glibc does until a write) and rewind. */
static bool do_setutent(void)
{
	if (file_fd < 0) {
		writable = false;
		file_fd = LX_PATHCALL(open)(map_name(file_name),
			O_RDONLY | O_CLOEXEC);
		if (file_fd < 0)
			return false;
	}
	lseek(file_fd, 0, SEEK_SET);
	file_offset = 0;
	return true;
}

static bool opened(void)
{
	return file_fd >= 0 || do_setutent();
}

static void do_endutent(void)
{
	if (file_fd >= 0)
		close(file_fd);
	file_fd = -1;
}

/* strncpy's fill of a fixed-size record field (no NUL when full). */
static void set_field(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size);

	memcpy(dst, src, n);
	memset(dst + n, 0, size - n);
}

static bool is_process(short type)
{
	return type == LX_INIT_PROCESS || type == LX_LOGIN_PROCESS ||
		type == LX_USER_PROCESS || type == LX_DEAD_PROCESS;
}

/* glibc's getutid match: by type for the clock/run-level records, else
 * two process records with the same ut_id (or ut_line when either ut_id
 * is empty). */
static bool matches(const struct lx_utmp *id, const struct lx_utmp *e)
{
	if (id->ut_type == LX_RUN_LVL || id->ut_type == LX_BOOT_TIME ||
	    id->ut_type == LX_OLD_TIME || id->ut_type == LX_NEW_TIME)
		return id->ut_type == e->ut_type;
	if (!is_process(id->ut_type) || !is_process(e->ut_type))
		return false;
	if (id->ut_id[0] && e->ut_id[0])
		return !strncmp(id->ut_id, e->ut_id, sizeof e->ut_id);
	return !strncmp(id->ut_line, e->ut_line, sizeof e->ut_line);
}

/* Scan forward from file_offset for a record matching ID (lock held):
 * 0, or -1 with errno (ESRCH at the end). */
static int search_id(const struct lx_utmp *id)
{
	for (;;) {
		int r = read_last();

		if (r < 0)
			return -1;
		if (r == 0) {
			errno = ESRCH;
			return -1;
		}
		if (matches(id, &last))
			return 0;
	}
}

void lx_setutent(void)
{
	pthread_mutex_lock(&lock);
	do_setutent();
	pthread_mutex_unlock(&lock);
}

void lx_endutent(void)
{
	pthread_mutex_lock(&lock);
	do_endutent();
	pthread_mutex_unlock(&lock);
}

/* The end of a read: R > 0, the record in `last` goes to *BUF and *RES;
 * R == 0 (no record) fails with errno EOF_ERRNO; R < 0 failed already. */
static int give_last(int r, int eof_errno, struct lx_utmp *buf,
	struct lx_utmp **res)
{
	if (r <= 0) {
		if (r == 0)
			errno = eof_errno;
		return -1;
	}
	*buf = last;
	*res = buf;
	return 0;
}

int lx_getutent_r(struct lx_utmp *buf, struct lx_utmp **res)
{
	int saved = errno, r = -1;

	*res = NULL;
	pthread_mutex_lock(&lock);
	if (opened() && lock_file(file_fd, F_RDLCK) == 0) {
		r = read_last();
		unlock_file(file_fd);
		r = give_last(r, saved, buf, res);
	}
	pthread_mutex_unlock(&lock);
	return r;
}

int lx_getutid_r(const struct lx_utmp *id, struct lx_utmp *buf,
	struct lx_utmp **res)
{
	int r = -1;

	*res = NULL;
	if (id->ut_type < LX_RUN_LVL || id->ut_type > LX_DEAD_PROCESS) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&lock);
	if (!opened() || lock_file(file_fd, F_RDLCK) < 0)
		goto out;
	r = search_id(id);
	unlock_file(file_fd);
	if (r == 0) {
		*buf = last;
		*res = buf;
	}
out:
	pthread_mutex_unlock(&lock);
	return r;
}

int lx_getutline_r(const struct lx_utmp *line, struct lx_utmp *buf,
	struct lx_utmp **res)
{
	int r = -1;

	*res = NULL;
	pthread_mutex_lock(&lock);
	if (!opened() || lock_file(file_fd, F_RDLCK) < 0)
		goto out;
	while ((r = read_last()) > 0)
		if ((last.ut_type == LX_USER_PROCESS ||
		     last.ut_type == LX_LOGIN_PROCESS) &&
		    !strncmp(line->ut_line, last.ut_line, sizeof last.ut_line))
			break;
	unlock_file(file_fd);
	r = give_last(r, ESRCH, buf, res);
out:
	pthread_mutex_unlock(&lock);
	return r;
}

struct lx_utmp *lx_getutent(void)
{
	static struct lx_utmp buf;
	struct lx_utmp *res;

	return lx_getutent_r(&buf, &res) < 0 ? NULL : res;
}

struct lx_utmp *lx_getutid(const struct lx_utmp *id)
{
	static struct lx_utmp buf;
	struct lx_utmp *res;

	return lx_getutid_r(id, &buf, &res) < 0 ? NULL : res;
}

struct lx_utmp *lx_getutline(const struct lx_utmp *line)
{
	static struct lx_utmp buf;
	struct lx_utmp *res;

	return lx_getutline_r(line, &buf, &res) < 0 ? NULL : res;
}

/* Reopen the file read-write on the same descriptor. */
static bool make_writable(void)
{
	int fd;

	if (writable)
		return true;
	fd = LX_PATHCALL(open)(map_name(file_name), O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return false;
	if (dup3(fd, file_fd, O_CLOEXEC) < 0) {
		close(fd);
		return false;
	}
	close(fd);
	writable = true;
	return true;
}

/*
 * Where DATA goes (lock held): over the matching record (the last one
 * read, unless the file was just rewound; else the next one that
 * matches), else appended after the last whole record. Sets *FOUND; -1
 * on a read error.
 */
static off_t place_of(const struct lx_utmp *data, bool *found)
{
	off_t end;
	int r;

	*found = false;
	if (file_offset >= (off_t)sizeof last && matches(data, &last)) {
		file_offset -= sizeof last;
		if ((r = read_last()) < 0)
			return -1;
		*found = r > 0 && matches(data, &last);
	}
	if (!*found)
		*found = search_id(data) == 0;
	if (*found)
		return file_offset - (off_t)sizeof last;
	end = lseek(file_fd, 0, SEEK_END);
	return end < 0 ? end : end - end % (off_t)sizeof last;
}

struct lx_utmp *lx_pututline(const struct lx_utmp *data)
{
	struct lx_utmp *res = NULL;
	bool found;
	ssize_t n;
	off_t at;

	pthread_mutex_lock(&lock);
	if (!opened() || !make_writable() ||
	    lock_file(file_fd, F_WRLCK) < 0)
		goto out;
	if ((at = place_of(data, &found)) < 0 ||
	    (n = pwrite(file_fd, data, sizeof *data, at)) < 0)
		goto unlock;
	if (n != sizeof *data) {
		if (!found && ftruncate(file_fd, at) < 0) {
			/* keep ENOSPC below */
		}
		errno = ENOSPC;
		goto unlock;
	}
	file_offset = at + sizeof *data;
	res = (struct lx_utmp *)data;
unlock:
	unlock_file(file_fd);
out:
	pthread_mutex_unlock(&lock);
	return res;
}

int lx_utmpname(const char *name)
{
	int r = 0;

	pthread_mutex_lock(&lock);
	do_endutent();
	if (strcmp(name, file_name)) {
		const char *copy = default_name;

		if (strcmp(name, default_name) && !(copy = strdup(name))) {
			r = -1;
			goto out;
		}
		if (file_name != default_name)
			free((char *)file_name);
		file_name = copy;
	}
out:
	pthread_mutex_unlock(&lock);
	return r;
}

/* Append UT to the wtmp file NAME (which must exist), dropping any
 * partial record at its end first. */
static int append_wtmp(const char *name, const struct lx_utmp *ut)
{
	int fd, r = -1;
	off_t end;

	fd = LX_PATHCALL(open)(map_name(name), O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (lock_file(fd, F_WRLCK) < 0)
		goto close;
	end = lseek(fd, 0, SEEK_END);
	if (end % sizeof *ut) {
		end -= end % sizeof *ut;
		if (ftruncate(fd, end) < 0 || lseek(fd, 0, SEEK_END) < 0)
			goto unlock;
	}
	if (write(fd, ut, sizeof *ut) != sizeof *ut) {
		if (ftruncate(fd, end) < 0) {
			/* nothing more to undo */
		}
		goto unlock;
	}
	r = 0;
unlock:
	unlock_file(fd);
close:
	close(fd);
	return r;
}

void lx_updwtmp(const char *name, const struct lx_utmp *ut)
{
	append_wtmp(name, ut);
}

void lx_logwtmp(const char *line, const char *name, const char *host)
{
	struct lx_utmp ut;
	struct timespec ts;

	memset(&ut, 0, sizeof ut);
	ut.ut_pid = getpid();
	ut.ut_type = name[0] ? LX_USER_PROCESS : LX_DEAD_PROCESS;
	set_field(ut.ut_line, sizeof ut.ut_line, line);
	set_field(ut.ut_user, sizeof ut.ut_user, name);
	set_field(ut.ut_host, sizeof ut.ut_host, host);
	clock_gettime(CLOCK_REALTIME, &ts);
	ut.ut_tv.tv_sec = (int32_t)ts.tv_sec;
	ut.ut_tv.tv_usec = (int32_t)(ts.tv_nsec / 1000);
	append_wtmp(LX_PATH_WTMP, &ut);
}

/*
 * The terminal's name for login(): the first of fds 0, 1, 2 that is one,
 * without "/dev/" (else its last component); false when none is.
 */
static bool tty_line(char *line, size_t size)
{
	char buf[PATH_MAX];

	for (int fd = 0; fd < 3; fd++)
		if (ttyname_r(fd, buf, sizeof buf) == 0) {
			const char *p = buf + 5, *s;

			if (strncmp(buf, "/dev/", 5))
				p = (s = strrchr(buf, '/')) ? s + 1 : buf;
			set_field(line, size, p);
			return true;
		}
	return false;
}

/*
 * XXX: glibc 2.36 takes ttyname_r's error number for success, so without
 * a terminal it writes a record with an uninitialized ut_line to utmp;
 * this writes only the wtmp record, with "???", as glibc means to.
 */
void lx_login(const struct lx_utmp *ut)
{
	struct lx_utmp copy = *ut;

	copy.ut_type = LX_USER_PROCESS;
	copy.ut_pid = getpid();
	if (tty_line(copy.ut_line, sizeof copy.ut_line)) {
		if (lx_utmpname(LX_PATH_UTMP) == 0) {
			lx_setutent();
			lx_pututline(&copy);
			lx_endutent();
		}
	} else {
		set_field(copy.ut_line, sizeof copy.ut_line, "???");
	}
	lx_updwtmp(LX_PATH_WTMP, &copy);
}

/* Mark LINE's user record dead: 1 when there was one, else 0. */
int lx_logout(const char *line)
{
	struct lx_utmp key, buf, *e;
	struct timespec ts;
	int r = 0;

	if (lx_utmpname(LX_PATH_UTMP) < 0)
		return 0;
	lx_setutent();
	memset(&key, 0, sizeof key);
	key.ut_type = LX_USER_PROCESS;
	set_field(key.ut_line, sizeof key.ut_line, line);
	if (lx_getutline_r(&key, &buf, &e) == 0) {
		memset(e->ut_user, 0, sizeof e->ut_user);
		memset(e->ut_host, 0, sizeof e->ut_host);
		clock_gettime(CLOCK_REALTIME, &ts);
		e->ut_tv.tv_sec = (int32_t)ts.tv_sec;
		e->ut_tv.tv_usec = (int32_t)(ts.tv_nsec / 1000);
		e->ut_type = LX_DEAD_PROCESS;
		r = lx_pututline(e) != NULL;
	}
	lx_endutent();
	return r;
}

/* The utmpx names: the same records on x86-64. */
void lx_setutxent(void) { lx_setutent(); }
void lx_endutxent(void) { lx_endutent(); }
struct lx_utmp *lx_getutxent(void) { return lx_getutent(); }
int lx_utmpxname(const char *name) { return lx_utmpname(name); }

struct lx_utmp *lx_getutxid(const struct lx_utmp *id)
{
	return lx_getutid(id);
}

struct lx_utmp *lx_getutxline(const struct lx_utmp *line)
{
	return lx_getutline(line);
}

struct lx_utmp *lx_pututxline(const struct lx_utmp *data)
{
	return lx_pututline(data);
}

void lx_updwtmpx(const char *name, const struct lx_utmp *ut)
{
	append_wtmp(name, ut);
}

void lx_getutmp(const struct lx_utmp *ux, struct lx_utmp *u)
{
	memmove(u, ux, sizeof *u);
}

void lx_getutmpx(const struct lx_utmp *u, struct lx_utmp *ux)
{
	memmove(ux, u, sizeof *ux);
}
