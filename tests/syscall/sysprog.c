/*
 * Raw Linux system calls through glibc's syscall(), one case per run
 * (argv[1]); natively the kernel answers, through the shim libshim's
 * syscall table does (libshim/syscall/). The output must not depend on
 * which: tests/syscall/CMakeLists.txt compares the two, syscall.py runs
 * the cases whose answers depend on a prefix. futex: raw FUTEX_WAIT and
 * FUTEX_WAKE between two threads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* "-1 ENAME" or the result. */
static void
show(const char *what, long r)
{
	if (r == -1)
		printf("%s: -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%s: %ld\n", what, r);
}

/* cat PATH, opened by a raw openat. */
static int
cat(const char *path)
{
	char buf[256];
	long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	long n;

	if (fd < 0) {
		printf("openat %s: -1 %s\n", path, strerrorname_np(errno));
		return 1;
	}
	while ((n = syscall(SYS_read, fd, buf, sizeof buf)) > 0)
		fwrite(buf, 1, n, stdout);
	syscall(SYS_close, fd);
	return 0;
}

/* The program's own name, by readlink and readlinkat of /proc/self/exe. */
static int
exe(void)
{
	char buf[PATH_MAX], buf2[PATH_MAX];
	long n = syscall(SYS_readlink, "/proc/self/exe", buf, sizeof buf - 1);
	long m = syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", buf2,
	    sizeof buf2 - 1);

	if (n < 0 || m < 0) {
		show("readlink", n);
		show("readlinkat", m);
		return 1;
	}
	buf[n] = buf2[m] = 0;
	printf("readlink: %s\n", strrchr(buf, '/') + 1);
	printf("readlinkat: %s\n", strrchr(buf2, '/') + 1);
	printf("readlink and readlinkat agree: %s\n",
	    strcmp(buf, buf2) ? "no" : "yes");
	/* A short buffer: cut, not terminated, as the kernel does. */
	m = syscall(SYS_readlink, "/proc/self/exe", buf2, 4);
	printf("short: %ld, %s\n", m, m == 4 && !memcmp(buf, buf2, 4) ?
	    "the first bytes" : "wrong bytes");
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names getdents64 gives for a directory of our own, sorted. */
static int
dents(void)
{
	char dir[] = "/tmp/shim-getdents.XXXXXX", path[64], buf[4096];
	const char *names[] = { "alpha", "beta", "gamma" };
	char *seen[16];
	int ns = 0;
	long fd, n;

	if (!mkdtemp(dir))
		return 1;
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		close(open(path, O_CREAT | O_WRONLY, 0600));
	}
	fd = syscall(SYS_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY);
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
		for (long off = 0; off < n;) {
			/* d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name */
			unsigned short reclen;

			memcpy(&reclen, buf + off + 16, 2);
			if (ns < 16)
				seen[ns++] = strdup(buf + off + 19);
			off += reclen;
		}
	show("getdents64 end", n);
	syscall(SYS_close, fd);
	qsort(seen, ns, sizeof *seen, cmp);
	for (int i = 0; i < ns; i++)
		printf("entry %s\n", seen[i]);
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	return 0;
}

static int
pids(void)
{
	printf("getpid: %s\n", syscall(SYS_getpid) == getpid() ? "same" :
	    "differs");
	printf("gettid: %s\n", syscall(SYS_gettid) == gettid() ? "same" :
	    "differs");
	return 0;
}

/* Numbers Linux does not have: past the end, in the gap, negative. */
static int
unknown(void)
{
	errno = 0;
	show("syscall(1000)", syscall(1000, 1, 2, 3));
	show("syscall(400)", syscall(400));
	show("syscall(-1)", syscall(-1L));
	show("afs_syscall", syscall(SYS_afs_syscall));
	show("afs_syscall again", syscall(SYS_afs_syscall));
	return 0;
}

/* An anonymous page: written, made read-only, read back, unmapped. */
static int
maps(void)
{
	long p = syscall(SYS_mmap, 0L, 4096L, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1L, 0L);
	char *c = (char *)p;

	if (p == -1) {
		show("mmap", p);
		return 1;
	}
	strcpy(c, "written");
	show("mprotect", syscall(SYS_mprotect, p, 4096L, PROT_READ));
	printf("read back: %s\n", c);
	show("mprotect misaligned", syscall(SYS_mprotect, p + 1, 4096L,
	    PROT_READ));
	show("munmap", syscall(SYS_munmap, p, 4096L));
	show("mmap bad fd", syscall(SYS_mmap, 0L, 4096L, PROT_READ,
	    MAP_PRIVATE, 12345L, 0L));
	return 0;
}

/*
 * Futex wait and wake between two threads: the second waits on a word
 * until the first changes it and wakes it, three times over; a wait on a
 * word that no longer holds the expected value is EAGAIN, and a wait
 * with a timeout that passes is ETIMEDOUT.
 */
static int word;

static void *
waiter(void *arg)
{
	int *seen = arg;

	for (int round = 0; round < 3; round++) {
		while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) == round * 2)
			syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE,
			    round * 2, NULL, NULL, 0);
		seen[round] = __atomic_load_n(&word, __ATOMIC_ACQUIRE);
		__atomic_store_n(&word, round * 2 + 2, __ATOMIC_RELEASE);
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
	return NULL;
}

static int
futexes(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int seen[3] = { 0 };
	pthread_t t;

	if (pthread_create(&t, NULL, waiter, seen))
		return 1;
	for (int round = 0; round < 3; round++) {
		usleep(10000);
		__atomic_store_n(&word, round * 2 + 1, __ATOMIC_RELEASE);
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) == round * 2 + 1)
			syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE,
			    round * 2 + 1, NULL, NULL, 0);
	}
	pthread_join(t, NULL);
	printf("the waiter saw %d %d %d; the word is %d\n", seen[0], seen[1],
	    seen[2], word);
	show("wait on a changed word", syscall(SYS_futex, &word,
	    FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0));
	show("wait until a timeout", syscall(SYS_futex, &word,
	    FUTEX_WAIT_PRIVATE, word, &ts, NULL, 0));
	return 0;
}

int
main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(c, "cat") && argc > 2)
		return cat(argv[2]);
	if (!strcmp(c, "exe"))
		return exe();
	if (!strcmp(c, "getdents64"))
		return dents();
	if (!strcmp(c, "pids"))
		return pids();
	if (!strcmp(c, "unknown"))
		return unknown();
	if (!strcmp(c, "mmap"))
		return maps();
	if (!strcmp(c, "futex"))
		return futexes();
	fprintf(stderr, "usage: sysprog cat PATH|exe|getdents64|pids|"
	    "unknown|mmap|futex\n");
	return 2;
}
