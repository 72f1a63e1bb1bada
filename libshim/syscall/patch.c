/*
 * Hot sites of a trapped guest: a site that keeps trapping is rewritten
 * so that its later calls enter the shim by a jump instead of a signal.
 *
 * A site is the guest's `mov $NR,%eax; syscall` (b8 imm32 0f 05), the form
 * compilers and libcs emit for a call with a constant number, or `mov
 * disp8(%rsp),%rax; syscall` (48 8b 44 24 disp8 0f 05), a number from the
 * stack (Go's Syscall6 before its register ABI), whose stub runs the
 * displaced mov and lets shim_patch_entry_dyn choose the way when the call
 * runs (a call that must trap goes back to the site's own `syscall`). On
 * its PATCH_AFTER-th trap the 5-byte mov becomes a `jmp` to a stub of its
 * own in a page within reach of a rel32 (stub_alloc). The `syscall` after
 * it stays as it was, for code that jumps to it directly, and for a thread
 * stopped between the two. While the process has one thread nothing else
 * can run the bytes being rewritten. With other threads running, the jump
 * is written in three steps that no thread can see torn (text_write_mt),
 * where the site's first two bytes lie in one aligned 16-byte block (15
 * sites in 16); in those processes the calls the SIGSYS entry makes itself
 * are counted there (shim_patch_due).
 * The stub steps over the guest's red zone, loads %eax as the mov did,
 * calls shim_patch_entry (x86_64/sigsys.S) and jumps back behind the
 * `syscall`:
 *
 *   0  48 8d 64 24 80            lea  -128(%rsp),%rsp
 *   5  b8 NR                     mov  $NR,%eax
 *  10  ff 15 10 00 00 00         call *32(stub)
 *  16  48 8d a4 24 80 00 00 00   lea  128(%rsp),%rsp
 *  24  e9 rel32                  jmp  site+7
 *  32  shim_patch_entry          (8 bytes)
 *  40  site+7, the %rcx a syscall leaves (8 bytes)
 *
 * A call the shim hands to the kernel as it is (shim_syscall_direct: a
 * `pass` call with no path to reroot) calls shim_patch_gadget instead, a
 * `syscall; ret` inside the shim's image, from which system calls are
 * allowed: the cost of the call itself and a few jumps. For the others,
 * shim_patch_entry saves what a system call preserves (every register
 * but %rax, %rcx and %r11, the flags, the vector state), switches to the
 * thread's alternate stack and the shim's thread pointer as the SIGSYS
 * entry does, and serves the call through shim_syscall. Only the calls
 * that shim_sigsys serves with shim_syscall alone are patched (trap.c
 * says which: trap_plain): those that act on the signal frame
 * (rt_sigreturn, masks, sigaltstack), on threads or processes (clone,
 * fork, vfork, exit, rseq) or on the thread pointer keep trapping.
 * Sites are patched only in private read-execute mappings, never in the
 * vDSO; SHIM_PATCH=0 turns patching off. A patched call uses the guest's
 * stack below its red zone: 8 bytes on the way to the gadget, about 160
 * on the way to shim_patch_entry, which then moves to the thread's
 * alternate stack (a trapped call uses none: the signal frame is on that
 * stack).
 */
#include <cpuid.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "shim/syscall.h"
#include "patch.h"

#define PATCH_AFTER	2
#define STUB_SIZE	48
#define SITE_SLOTS	1024
#define STUB_PAGES	64
#define PAGE		4096UL
#define LX_SYS_rt_sigprocmask 14
#define LX_SYS_membarrier	324
#define LX_MEMBARRIER_SYNC_CORE	32	/* PRIVATE_EXPEDITED_SYNC_CORE */
#define LX_MEMBARRIER_REG_SYNC_CORE 64	/* its REGISTER_ command */

/* Read by shim_patch_entry: xsave/xrstor (else fxsave/fxrstor). */
unsigned char shim_patch_xsave;

void shim_patch_entry(void);
void shim_patch_entry_dyn(void);
void shim_patch_gadget(void);

/* Read by shim_sigsys_entry too. */
unsigned char shim_patch_on;

/* Traps counted per site (the address behind its `syscall`); DONE: it
 * was patched, or cannot be. BUSY: a thread is in the table (a thread
 * that finds it so does not wait: a count is a hint). */
static struct { unsigned long rip; unsigned count; bool done; }
	sites[SITE_SLOTS];
static char busy;


/* The pages the stubs are written in, and how much of each is used. */
static struct { unsigned char *base; size_t used; } pages[STUB_PAGES];

void shim_patch_init(void)
{
	unsigned a, b, c, d;
	const char *v = getenv("SHIM_PATCH");

	shim_patch_on = !(v && strcmp(v, "0") == 0);
	if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE))
		shim_patch_xsave = 1;
}

static bool in_reach(unsigned long a, unsigned long b)
{
	long d = (long)(a - b);

	return d > -(1L << 31) + (long)PAGE && d < (1L << 31) - (long)PAGE;
}

/*
 * Whether [ADDR, ADDR+LEN) lies in one private read-execute mapping that
 * is not the vDSO, from /proc/self/maps (read without stdio or malloc:
 * this runs inside the trap).
 */
static bool text_mapping(unsigned long addr, size_t len)
{
	char buf[4096], line[512];
	size_t ll = 0;
	ssize_t n;
	bool found = false, done = false;
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	while (!done && (n = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n && !done; i++) {
			unsigned long lo, hi;
			char *p;

			if (buf[i] != '\n') {
				if (ll < sizeof line - 1)
					line[ll++] = buf[i];
				continue;
			}
			line[ll] = '\0';
			ll = 0;
			lo = strtoul(line, &p, 16);
			if (*p != '-')
				continue;
			hi = strtoul(p + 1, &p, 16);
			if (addr < lo || addr >= hi)
				continue;
			done = true;
			found = addr + len <= hi &&
				strncmp(p, " r-xp ", 6) == 0 &&
				!strstr(p, "[vdso]") && !strstr(p, "[vsyscall]");
		}
	}
	close(fd);
	return found;
}

/* STUB_SIZE bytes of stub space within reach of SITE, or NULL. */
static unsigned char *stub_alloc(unsigned long site)
{
	int i;

	for (i = 0; i < STUB_PAGES && pages[i].base; i++)
		if (in_reach((unsigned long)pages[i].base, site) &&
		    pages[i].used + STUB_SIZE <= PAGE)
			break;
	if (i == STUB_PAGES)
		return NULL;
	if (!pages[i].base) {
		/* Free address space near the site: below it first (above
		 * a program's image is where its brk heap grows), then well
		 * above. */
		for (long k = 1; k <= 24 && !pages[i].base; k++) {
			unsigned long hint = (site & ~(PAGE - 1)) +
				(k <= 16 ? -(k << 20) : (k - 16) << 28);
			void *p = mmap((void *)hint, PAGE, PROT_READ | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS |
				MAP_FIXED_NOREPLACE, -1, 0);

			if (p == MAP_FAILED)
				continue;
			if (in_reach((unsigned long)p, site))
				pages[i].base = p;
			else
				munmap(p, PAGE);
		}
		if (!pages[i].base)
			return NULL;
	}
	pages[i].used += STUB_SIZE;
	return pages[i].base + pages[i].used - STUB_SIZE;
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void put64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

/* Writes LEN bytes over the read-execute text at ADDR; 0 or -1. */
static int text_write(unsigned long addr, const void *bytes, size_t len)
{
	unsigned long lo = addr & ~(PAGE - 1);
	size_t span = (addr + len - lo + PAGE - 1) & ~(PAGE - 1);

	if (mprotect((void *)lo, span, PROT_READ | PROT_WRITE | PROT_EXEC))
		return -1;
	memcpy((void *)addr, bytes, len);
	return mprotect((void *)lo, span, PROT_READ | PROT_EXEC);
}

/* Whether SITE's first two bytes lie in one aligned 16-byte block (one
 * fetch block: a 2-byte store there is seen whole or not at all) and its
 * five in one page: what a site needs to be patched with other threads
 * running. */
static bool one_block(unsigned long site)
{
	return (site & 15) != 15 && (site & (PAGE - 1)) <= PAGE - 5;
}

/* Every thread of the process serializes its instruction stream. */
static bool sync_cores(void)
{
	long r = shim_syscall_trap(LX_SYS_membarrier,
		(long[6]){ LX_MEMBARRIER_SYNC_CORE, 0, 0 });

	if (r == -EPERM &&
	    shim_syscall_trap(LX_SYS_membarrier,
	    (long[6]){ LX_MEMBARRIER_REG_SYNC_CORE, 0, 0 }) == 0)
		r = shim_syscall_trap(LX_SYS_membarrier,
			(long[6]){ LX_MEMBARRIER_SYNC_CORE, 0, 0 });
	return r == 0;
}

static void store16(unsigned long at, uint16_t v)
{
	__asm__ volatile("movw %1, %0" : "=m"(*(volatile uint16_t *)at)
		: "r"(v) : "memory");
}

/*
 * The 5-byte JMP written over SITE while other threads may run it. Each
 * step is seen by every thread before the next (sync_cores; the first
 * also makes the new stub visible): a jump to itself in the first two
 * bytes (a thread that arrives waits there), then the other three bytes
 * (no thread still holds a copy of the old first two, so none can decode
 * a mix of old and new), then the first two of the jump. 0 or -1.
 */
static int text_write_mt(unsigned long site, const unsigned char *jmp)
{
	unsigned long lo = site & ~(PAGE - 1);

	if (!sync_cores())
		return -1;
	if (mprotect((void *)lo, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC))
		return -1;
	store16(site, 0xfeeb);			/* jmp . */
	sync_cores();
	memcpy((void *)(site + 2), jmp + 2, 3);
	sync_cores();
	store16(site, (uint16_t)(jmp[0] | jmp[1] << 8));
	return mprotect((void *)lo, PAGE, PROT_READ | PROT_EXEC);
}

/*
 * NR >= 0: the site loads that constant (b8 imm32). NR < 0: the site
 * loads %rax from the stack (48 8b 44 24 disp8, Go's Syscall6), which the
 * stub does first, on the guest's stack pointer; which call it is is
 * known only when it runs (shim_patch_entry_dyn).
 */
static void patch(unsigned long site, long nr, bool alone)
{
	unsigned char stub[STUB_SIZE] = {
		0x48, 0x8d, 0x64, 0x24, 0x80,
		0xb8, 0, 0, 0, 0,
		0xff, 0x15, 0x10, 0, 0, 0,
		0x48, 0x8d, 0xa4, 0x24, 0x80, 0, 0, 0,
		0xe9, 0, 0, 0, 0,
		0xcc, 0xcc, 0xcc,
	};
	unsigned char jmp[5] = { 0xe9 };
	unsigned char *s = stub_alloc(site);

	if (!s)
		return;
	if (nr >= 0) {
		put32(stub + 6, (uint32_t)nr);
		put32(stub + 25, (uint32_t)(site + 7 - ((unsigned long)s + 29)));
		put64(stub + 32, (uint64_t)(uintptr_t)(shim_syscall_direct(nr) ?
			shim_patch_gadget : shim_patch_entry));
	} else {
		/* mov disp8(%rsp),%rax; lea -128(%rsp),%rsp; ... jmp *%rcx:
		 * the entry returns where to go on, site+7 or the site's own
		 * `syscall` (a call it must not serve: it traps there). */
		memcpy(stub, (const void *)site, 5);
		memcpy(stub + 5, (const unsigned char[]){ 0x48, 0x8d, 0x64,
			0x24, 0x80 }, 5);
		memcpy(stub + 24, (const unsigned char[]){ 0xff, 0xe1, 0xcc,
			0xcc, 0xcc }, 5);
		put64(stub + 32, (uint64_t)(uintptr_t)shim_patch_entry_dyn);
	}
	put64(stub + 40, site + 7);
	if (text_write((unsigned long)s, stub, sizeof stub) != 0)
		return;
	put32(jmp + 1, (uint32_t)((unsigned long)s - (site + 5)));
	if (alone)
		text_write(site, jmp, sizeof jmp);
	else
		text_write_mt(site, jmp);
}

/* SITE's count, in the table (BUSY held); NULL when it is full. */
static unsigned *site_count(unsigned long rip, bool **done)
{
	unsigned h = (unsigned)(rip >> 2) % SITE_SLOTS;

	for (unsigned i = 0; i < SITE_SLOTS; i++, h = (h + 1) % SITE_SLOTS)
		if (sites[h].rip == rip || sites[h].rip == 0)
			break;
	if (sites[h].rip == 0)
		sites[h].rip = rip;
	else if (sites[h].rip != rip)
		return NULL;
	*done = &sites[h].done;
	return &sites[h].count;
}

/*
 * From shim_sigsys_entry, before it makes a call the kernel serves as it
 * is, with other threads running: counts the site, and says whether it
 * is due to be patched (the entry then serves the call the slow way,
 * through shim_patch_note). Runs on the guest's thread pointer: no
 * thread-local state, no stack protector.
 */
__attribute__((no_stack_protector))
bool shim_patch_due(unsigned long rip)
{
	unsigned *count;
	bool *done, due = false;

	if (__atomic_test_and_set(&busy, __ATOMIC_ACQUIRE))
		return false;
	if ((count = site_count(rip, &done)) != NULL)
		due = !*done && ++*count >= PATCH_AFTER && one_block(rip - 7);
	__atomic_clear(&busy, __ATOMIC_RELEASE);
	return due;
}

void shim_patch_note(unsigned long rip, long nr, bool alone)
{
	unsigned long site = rip - 7;
	const unsigned char *b = (const unsigned char *)site;
	uint64_t all = ~0ULL, old;
	unsigned *count;
	bool *done;

	if (!shim_patch_on || __atomic_test_and_set(&busy, __ATOMIC_ACQUIRE))
		return;
	count = site_count(rip, &done);
	if (!count || *done || ++*count < PATCH_AFTER ||
	    (!alone && !one_block(site)))
		goto out;
	*done = true;
	/* The bytes are read only once they are known to be text. */
	if (!text_mapping(site, 7))
		goto out;
	if (b[5] != 0x0f || b[6] != 0x05)
		goto out;
	if (b[0] == 0x48 && b[1] == 0x8b && b[2] == 0x44 && b[3] == 0x24)
		nr = -1;	/* mov disp8(%rsp),%rax */
	else if (b[0] != 0xb8 || (long)(int32_t)(b[1] | b[2] << 8 |
	    b[3] << 16 | (uint32_t)b[4] << 24) != nr)
		goto out;
	/* No guest handler may run the site while it is half written:
	 * every signal is blocked (the kernel's call, which the host's
	 * would filter). */
	if (shim_syscall_trap(LX_SYS_rt_sigprocmask,
	    (long[6]){ SIG_BLOCK, (long)&all, (long)&old, 8 }) != 0)
		goto out;
	patch(site, nr, alone);
	shim_syscall_trap(LX_SYS_rt_sigprocmask,
	    (long[6]){ SIG_SETMASK, (long)&old, 0, 8 });
out:
	__atomic_clear(&busy, __ATOMIC_RELEASE);
}
