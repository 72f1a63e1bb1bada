/*
 * Configuration queries where musl's answers are not glibc's: confstr's
 * GNU names, sysconf's CPU cache geometry (_SC_LEVEL*_CACHE_*, which
 * glibc reads from CPUID and musl refuses with EINVAL) and glibc 2.34's
 * _SC_MINSIGSTKSZ/_SC_SIGSTKSZ (which programs malloc), and
 * pathconf/fpathconf, which in glibc ask the file system (statfs) and so
 * fail for a missing path (ENOENT) or a bad descriptor (EBADF).
 */
#include <cpuid.h>
#include <errno.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "shim/libshim.h"
#include "shim/version.h"

#define LX_CS_GNU_LIBC_VERSION		2
#define LX_CS_GNU_LIBPTHREAD_VERSION	3
#define LX_SC_LEVEL1_ICACHE_SIZE	185	/* ... 199: LEVEL4 LINESIZE */
#define LX_SC_LEVEL4_CACHE_LINESIZE	199
#define LX_SC_MINSIGSTKSZ		249	/* glibc 2.34 */
#define LX_SC_SIGSTKSZ			250
#define LX_AT_MINSIGSTKSZ		51

size_t
lx_confstr(int name, char *buf, size_t len)
{
	const char *s;

	switch (name) {
	case LX_CS_GNU_LIBC_VERSION:
		s = "glibc " LX_GLIBC_VERSION;
		break;
	case LX_CS_GNU_LIBPTHREAD_VERSION:
		s = "NPTL " LX_GLIBC_VERSION;
		break;
	default:
		return confstr(name, buf, len);
	}
	if (len > 0 && buf) {
		strncpy(buf, s, len - 1);
		buf[len - 1] = 0;
	}
	return strlen(s) + 1;
}

/*
 * One cache from CPUID's deterministic cache parameters (leaf 4 on Intel,
 * 0x8000001D on AMD): LEVEL 1..4, TYPE 1 data, 2 instruction, 3 unified
 * (a unified cache also answers for data at levels 2..4). WHAT: 0 size,
 * 1 associativity, 2 line size. 0 when there is no such cache.
 */
static long
cpu_cache(int level, int type, int what)
{
	unsigned a, b, c, d, leaf = 4, max;

	__cpuid(0, max, b, c, d);
	if (b == 0x68747541) {	/* "Auth": AMD's leaf */
		leaf = 0x8000001d;
		__cpuid(0x80000000, max, b, c, d);
	}
	if (max < leaf)
		return 0;
	for (unsigned i = 0; i < 16; i++) {
		unsigned t, ways, parts, line, sets;

		__cpuid_count(leaf, i, a, b, c, d);
		t = a & 31;
		if (t == 0)
			break;
		if ((int)((a >> 5) & 7) != level ||
		    !(t == (unsigned)type || (t == 3 && type != 2)))
			continue;
		ways = (b >> 22) + 1;
		parts = ((b >> 12) & 0x3ff) + 1;
		line = (b & 0xfff) + 1;
		sets = c + 1;
		if (what == 1)
			return a & (1u << 9) ? 0 : ways;  /* fully associative */
		if (what == 2)
			return line;
		return (long)ways * parts * line * sets;
	}
	return 0;
}

/* The signal stack sizes: the kernel's AT_MINSIGSTKSZ (it depends on the
 * CPU's register state), else the old constant; SIGSTKSZ room for four
 * frames, never below the old SIGSTKSZ. */
static long
sigstack_size(int full)
{
	long min = (long)getauxval(LX_AT_MINSIGSTKSZ);

	if (min <= 0)
		min = 2048;
	if (!full)
		return min;
	return 4 * min > 8192 ? 4 * min : 8192;
}

long
lx_sysconf(int name)
{
	static const struct { signed char level, type; } caches[] = {
		{ 1, 2 }, { 1, 1 }, { 2, 3 }, { 3, 3 }, { 4, 3 },
	};
	int i;

	if (name == LX_SC_MINSIGSTKSZ || name == LX_SC_SIGSTKSZ)
		return sigstack_size(name == LX_SC_SIGSTKSZ);
	if (name < LX_SC_LEVEL1_ICACHE_SIZE ||
	    name > LX_SC_LEVEL4_CACHE_LINESIZE)
		return sysconf(name);
	i = name - LX_SC_LEVEL1_ICACHE_SIZE;
	return cpu_cache(caches[i / 3].level, caches[i / 3].type, i % 3);
}

/* pathconf (PATH, already rerooted) or fpathconf (FD): what the file
 * system says for _PC_NAME_MAX, musl's constants for the rest.
 * XXX: glibc's _PC_LINK_MAX and _PC_FILESIZEBITS depend on the file
 * system type; musl's are constants. */
long
lx_sys_pathconf(const char *path, int fd, int name)
{
	struct statfs sf;

	if (path ? statfs(path, &sf) : fstatfs(fd, &sf))
		return -1;
	if (name == _PC_NAME_MAX)
		return sf.f_namelen;
	return path ? pathconf(path, name) : fpathconf(fd, name);
}

long
lx_fpathconf(int fd, int name)
{
	return lx_sys_pathconf(NULL, fd, name);
}
