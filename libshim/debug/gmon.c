/*
 * gprof profiling of guest code built with gcc -pg: glibc's gcrt1.o calls
 * __monstartup(text start, etext) and atexit(_mcleanup); each instrumented
 * function calls mcount (mcount-x86_64.S), which counts the call arc; a
 * SIGPROF timer (profil) counts program-counter samples in a histogram;
 * _mcleanup writes both to gmon.out ($GMON_OUT_PREFIX.PID if that is set)
 * in the gmon.out format of <sys/gmon_out.h> (include/lx/runtime.h).
 * As glibc, addresses in the file are relative to the load address of the
 * profiled object (0 for a non-PIE program), bins are 16-bit, one per
 * HISTFRACTION * 2 bytes of text, and the rate is __profile_frequency().
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#include "shim/gnu.h"
#include "lx/runtime.h"

int lx_dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *),
	void *data);

#define HISTFRACTION	2	/* text bytes per histogram byte */
#define ARCDENSITY	3	/* arcs per 100 bytes of text */
#define MINARCS		50
#define MAXARCS		(1 << 20)
#define SCALE_1_TO_1	0x10000
#define ARCGRAIN	16	/* bytes of call sites one arc stands for */

enum { PROF_ON, PROF_BUSY, PROF_ERROR, PROF_OFF };

struct arc {
	uintptr_t from, self;
	long count;
};

static struct {
	int state;		/* PROF_*, CAS-guarded against re-entry */
	uintptr_t lowpc, highpc, bias;
	uint16_t *kcount;	/* the histogram */
	size_t nbins, kbytes;
	struct arc *arcs;	/* open addressing, narcs a power of 2 */
	size_t narcs, used, maplen;
	unsigned scale;
} gp = { .state = PROF_OFF };

/* ---- profil: program-counter sampling -------------------------------- */

static struct {
	uint16_t *buf;
	size_t n;
	uintptr_t offset;
	unsigned scale;
	struct sigaction old;
	struct itimerval oldtimer;
	int on;
} pf;

static void profil_tick(int sig, siginfo_t *si, void *uc)
{
	uintptr_t pc = ((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
	uintptr_t i = (pc - pf.offset) / 2;

	(void)sig;
	(void)si;
	i = (uintptr_t)(((unsigned long long)i * pf.scale) >> 16);
	if (pc >= pf.offset && i < pf.n)
		pf.buf[i]++;
}

int lx___profile_frequency(void)
{
	long hz = sysconf(_SC_CLK_TCK);

	return hz > 0 ? (int)hz : 100;
}

static int profil_stop(void)
{
	if (!pf.on)
		return 0;
	pf.on = 0;
	if (setitimer(ITIMER_PROF, &pf.oldtimer, NULL) < 0)
		return -1;
	return sigaction(SIGPROF, &pf.old, NULL);
}

/*
 * profil: count in BUF[((pc - OFFSET) / 2 * SCALE) >> 16] (SIZE bytes of
 * 16-bit counters) at each SIGPROF tick; SCALE 0 or no BUF stops.
 */
int lx_profil(unsigned short *buf, size_t size, size_t offset,
	unsigned int scale)
{
	struct sigaction sa = { .sa_sigaction = profil_tick,
		.sa_flags = SA_RESTART | SA_SIGINFO };
	struct itimerval t = { { 0, 0 }, { 0, 0 } };

	if (!scale || !buf)
		return profil_stop();
	if (pf.on && profil_stop() < 0)
		return -1;
	pf.buf = buf;
	pf.n = size / sizeof *buf;
	pf.offset = offset;
	pf.scale = scale;
	sigfillset(&sa.sa_mask);
	if (sigaction(SIGPROF, &sa, &pf.old) < 0)
		return -1;
	t.it_value.tv_usec = 1000000 / lx___profile_frequency();
	t.it_interval = t.it_value;
	if (setitimer(ITIMER_PROF, &t, &pf.oldtimer) < 0) {
		sigaction(SIGPROF, &pf.old, NULL);
		return -1;
	}
	pf.on = 1;
	return 0;
}

/* ---- call arcs (mcount) ---------------------------------------------- */

/*
 * From mcount: one call from FROMPC into the function at SELFPC. Arcs
 * from outside the profiled text are not counted, and call sites are
 * kept at glibc's granularity (HASHFRACTION * sizeof(ARCINDEX) = 16 bytes,
 * rounded down), so that gprof reads the same arcs as from glibc.
 */
__attribute__((target("general-regs-only"), used))
void lx_mcount_internal(uintptr_t frompc, uintptr_t selfpc)
{
	int on = PROF_ON;
	size_t h, mask = gp.narcs - 1;

	if (!__atomic_compare_exchange_n(&gp.state, &on, PROF_BUSY, 0,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (frompc - gp.lowpc >= gp.highpc - gp.lowpc)
		goto done;
	frompc = gp.lowpc + ((frompc - gp.lowpc) & ~(uintptr_t)(ARCGRAIN - 1));
	h = ((frompc >> 1) * 31 + (selfpc >> 1)) * 0x9e3779b97f4a7c15ull;
	for (h = (h >> 32) & mask;; h = (h + 1) & mask) {
		struct arc *a = &gp.arcs[h];

		if (a->from == frompc && a->self == selfpc) {
			a->count++;
			break;
		}
		if (!a->from) {
			if (gp.used + 1 >= gp.narcs) {
				/* glibc: "mcount: tos overflow" */
				__atomic_store_n(&gp.state, PROF_ERROR,
					__ATOMIC_RELEASE);
				return;
			}
			gp.used++;
			*a = (struct arc){ frompc, selfpc, 1 };
			break;
		}
	}
done:
	__atomic_store_n(&gp.state, PROF_ON, __ATOMIC_RELEASE);
}

/* ---- start, control, write ------------------------------------------- */

struct find_bias {
	uintptr_t pc, bias;
};

static int bias_of(struct dl_phdr_info *info, size_t size, void *data)
{
	struct find_bias *f = data;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD && f->pc >= start &&
		    f->pc - start < ph->p_memsz) {
			f->bias = info->dlpi_addr;
			return 1;
		}
	}
	return 0;
}

void lx_moncontrol(int mode)
{
	if (mode && gp.state == PROF_OFF && gp.kcount) {	/* not ERROR */
		lx_profil(gp.kcount, gp.kbytes, gp.lowpc, gp.scale);
		gp.state = PROF_ON;
	} else if (!mode && gp.kcount) {
		lx_profil(NULL, 0, 0, 0);
		gp.state = PROF_OFF;
	}
}

void lx___monstartup(unsigned long lowpc, unsigned long highpc)
{
	size_t unit = HISTFRACTION * sizeof(uint16_t), text, n;
	struct find_bias f = { lowpc, 0 };
	char *m;

	gp.lowpc = lowpc / unit * unit;
	gp.highpc = (highpc + unit - 1) / unit * unit;
	text = gp.highpc - gp.lowpc;
	/* glibc rounds the histogram to its arc-index size (8 bytes). */
	gp.kbytes = (text / HISTFRACTION + 7) / 8 * 8;
	gp.nbins = gp.kbytes / sizeof(uint16_t);
	n = text / 100 * ARCDENSITY;
	n = n < MINARCS ? MINARCS : n > MAXARCS ? MAXARCS : n;
	for (gp.narcs = 64; gp.narcs < 2 * n; gp.narcs *= 2)
		;
	gp.maplen = gp.kbytes + gp.narcs * sizeof(struct arc);
	m = mmap(NULL, gp.maplen, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || !text) {
		fputs("monstartup: out of memory\n", stderr);
		gp.state = PROF_ERROR;
		return;
	}
	gp.kcount = (uint16_t *)m;
	gp.arcs = (struct arc *)(m + gp.kbytes);
	gp.scale = gp.kbytes < text ?
		(unsigned)((double)gp.kbytes / text * SCALE_1_TO_1) :
		SCALE_1_TO_1;
	lx_dl_iterate_phdr(bias_of, &f);
	gp.bias = f.bias;
	lx_moncontrol(1);
}

void lx_monstartup(unsigned long lowpc, unsigned long highpc)
{
	lx___monstartup(lowpc, highpc);
}

static void put(char *dst, uint64_t v, size_t n)
{
	memcpy(dst, &v, n);	/* x86-64: little-endian, as glibc writes */
}

static int write_all(int fd, const void *p, size_t n)
{
	for (const char *c = p; n;) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int write_gmon(int fd)
{
	struct lx_gmon_hdr h = { .cookie = LX_GMON_MAGIC };
	struct lx_gmon_hist_hdr hh = { .dimen = "seconds",
		.dimen_abbrev = 's' };
	char tag = LX_GMON_TAG_TIME_HIST;

	put(h.version, LX_GMON_VERSION, 4);
	put(hh.low_pc, gp.lowpc - gp.bias, 8);
	put(hh.high_pc, gp.highpc - gp.bias, 8);
	put(hh.hist_size, gp.nbins, 4);
	put(hh.prof_rate, (uint64_t)lx___profile_frequency(), 4);
	if (write_all(fd, &h, sizeof h) || write_all(fd, &tag, 1) ||
	    write_all(fd, &hh, sizeof hh) ||
	    write_all(fd, gp.kcount, gp.kbytes))
		return -1;
	tag = LX_GMON_TAG_CG_ARC;
	for (size_t i = 0; i < gp.narcs; i++) {
		struct lx_gmon_cg_arc_record r;

		if (!gp.arcs[i].from)
			continue;
		put(r.from_pc, gp.arcs[i].from - gp.bias, 8);
		put(r.self_pc, gp.arcs[i].self - gp.bias, 8);
		put(r.count, (uint64_t)gp.arcs[i].count, 4);
		if (write_all(fd, &tag, 1) || write_all(fd, &r, sizeof r))
			return -1;
	}
	return 0;
}

void lx__mcleanup(void)
{
	/* a secure program writes gmon.out only, as glibc's */
	const char *prefix = getauxval(AT_SECURE) ? NULL :
		getenv("GMON_OUT_PREFIX");
	int overflow = gp.state == PROF_ERROR;
	char name[4096];
	int fd;

	if (!gp.kcount)
		return;
	lx_moncontrol(0);
	if (overflow)
		fputs("mcount: call graph buffer size limit exceeded, "
			"gmon.out will not be generated\n", stderr);
	else {
		if (prefix)
			snprintf(name, sizeof name, "%s.%ld", prefix,
				(long)getpid());
		else
			strcpy(name, "gmon.out");
		fd = LX_PATHCALL(open)(name, O_CREAT | O_TRUNC | O_WRONLY |
			O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0)
			fprintf(stderr, "_mcleanup: gmon.out: %s\n",
				strerror(errno));
		else {
			if (write_gmon(fd) < 0)
				fprintf(stderr, "_mcleanup: gmon.out: %s\n",
					strerror(errno));
			close(fd);
		}
	}
	munmap(gp.kcount, gp.maplen);
	gp.kcount = NULL;
	gp.arcs = NULL;
	gp.state = PROF_OFF;
}
