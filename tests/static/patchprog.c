/*
 * Hot system call sites of a static program (libshim/syscall/patch.c):
 * two sites of the form `mov $NR,%eax; syscall` run many times, each with
 * known values in the registers a system call preserves (the argument
 * registers that are not arguments, %rbx, %rbp, %r12-%r15, %xmm0-15, and
 * the %ymm upper halves when the CPU has AVX), which must be unchanged
 * after every call:
 *   - getppid, a call the shim hands to the kernel as it is;
 *   - openat of PATH (then read and close), whose path the shim reroots.
 *
 *   patchprog PATH [site|threads|threads-site]
 *
 * Prints what it read and the number of calls whose registers changed
 * (0); with "site", the first byte of each site afterwards ("mov" when it
 * is the program's, "jmp" when it was rewritten). With "threads", four
 * threads run the rounds at once, all started before the first call, so
 * that the sites are rewritten while other threads run them (each site
 * begins a 16-byte block, where the shim can do that).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ROUNDS 300

extern const unsigned char site_getppid[], site_openat[];

struct regs {
	unsigned long gp[8];	/* rbx, rbp, r12-r15, r8, r9 */
	unsigned char vec[16][32];
};

static int avx;

/* Register N loaded from, or stored to, row N of a 16 x 32-byte array. */
#define LD(ins, reg, n) ins " " #n "*32(%0),%%" reg #n "\n\t"
#define ST(ins, reg, n) ins " %%" reg #n "," #n "*32(%0)\n\t"
#define ALL16(M, ins, reg) \
	M(ins, reg, 0) M(ins, reg, 1) M(ins, reg, 2) M(ins, reg, 3) \
	M(ins, reg, 4) M(ins, reg, 5) M(ins, reg, 6) M(ins, reg, 7) \
	M(ins, reg, 8) M(ins, reg, 9) M(ins, reg, 10) M(ins, reg, 11) \
	M(ins, reg, 12) M(ins, reg, 13) M(ins, reg, 14) M(ins, reg, 15)

/* %ymm0-15 (or %xmm0-15 without AVX) from, or to, V. */
#define VEC(M, v) do { \
	if (avx) \
		__asm__ volatile(ALL16(M, "vmovdqu", "ymm") : : "r"(v) \
		    : "memory"); \
	else \
		__asm__ volatile(ALL16(M, "movdqu", "xmm") : : "r"(v) \
		    : "memory"); \
} while (0)

/*
 * One call at SITE (0: getppid, 1: openat(AT_FDCWD, PATH, O_RDONLY)),
 * with IN's general registers loaded around it and all of them stored
 * after it into the array IN[8] points to.
 * Returns the call's result.
 */
__attribute__((noinline, noclone)) static long
call(int site, const char *path, const unsigned long *in)
{
	long r;

	/* %rdi, %rsi, %rdx: arguments of openat; getppid keeps them too. */
	__asm__ volatile(
	    "pushq %%rbx\n\tpushq %%rbp\n\tpushq %%r12\n\tpushq %%r13\n\t"
	    "pushq %%r14\n\tpushq %%r15\n\tpushq %%rcx\n\t"
	    "movq 0(%%rcx),%%rbx\n\tmovq 8(%%rcx),%%rbp\n\t"
	    "movq 16(%%rcx),%%r12\n\tmovq 24(%%rcx),%%r13\n\t"
	    "movq 32(%%rcx),%%r14\n\tmovq 40(%%rcx),%%r15\n\t"
	    "movq 48(%%rcx),%%r8\n\tmovq 56(%%rcx),%%r9\n\t"
	    "movq $0x5151, %%r10\n\t"
	    "testl %%eax, %%eax\n\tjnz 1f\n\t"
	    ".p2align 4\n"
	    ".globl site_getppid\n"
	    "site_getppid:\n\tmovl $110, %%eax\n\tsyscall\n\tjmp 2f\n"
	    "1:\n\t"
	    ".p2align 4\n"
	    ".globl site_openat\n"
	    "site_openat:\n\tmovl $257, %%eax\n\tsyscall\n"
	    "2:\n\tmovq (%%rsp), %%rcx\n\tmovq 64(%%rcx), %%rcx\n\t"
	    "movq %%rbx,0(%%rcx)\n\tmovq %%rbp,8(%%rcx)\n\t"
	    "movq %%r12,16(%%rcx)\n\tmovq %%r13,24(%%rcx)\n\t"
	    "movq %%r14,32(%%rcx)\n\tmovq %%r15,40(%%rcx)\n\t"
	    "movq %%r8,48(%%rcx)\n\tmovq %%r9,56(%%rcx)\n\t"
	    "movq %%r10,64(%%rcx)\n\t"
	    "movq %%rdi,72(%%rcx)\n\tmovq %%rsi,80(%%rcx)\n\t"
	    "movq %%rdx,88(%%rcx)\n\t"
	    "popq %%rcx\n\tpopq %%r15\n\tpopq %%r14\n\tpopq %%r13\n\t"
	    "popq %%r12\n\tpopq %%rbp\n\tpopq %%rbx"
	    : "=a"(r)
	    : "a"(site), "c"(in), "D"(-100L), "S"(path), "d"(O_RDONLY)
	    : "r8", "r9", "r10", "r11", "memory", "cc");
	return r;
}

/*
 * A site whose number comes from the stack (mov 0(%rsp),%rax; syscall,
 * Go's old Syscall6): the same bytes run getppid (the kernel's as it
 * is), openat of PATH (the shim's) and rt_sigprocmask with a bad HOW (a
 * call that must trap). Returns the call's result.
 */
extern const unsigned char site_dyn[];

__attribute__((noinline, noclone)) static long
dyn_call(long nr, const char *path)
{
	long r;

	__asm__ volatile(
	    "leaq -128(%%rsp), %%rsp\n\t"	/* over the red zone */
	    "pushq %1\n\t"
	    ".p2align 4\n"
	    ".globl site_dyn\n"
	    "site_dyn:\n\t"
	    ".byte 0x48, 0x8b, 0x44, 0x24, 0x00\n\t" /* mov 0(%%rsp),%%rax */
	    "syscall\n\t"
	    "leaq 136(%%rsp), %%rsp"
	    : "=a"(r)
	    : "r"(nr), "D"(-100L), "S"(path), "d"(O_RDONLY),
	      "c"(0) /* rt_sigprocmask's set: none */
	    : "r10", "r11", "memory");
	return r;
}

static int same_vec(unsigned char a[16][32], unsigned char b[16][32])
{
	for (int i = 0; i < 16; i++)
		if (memcmp(a[i], b[i], avx ? 32 : 16))
			return 0;
	return 1;
}

static const char *path;
static long ppid;
static pthread_barrier_t start;

/* ROUNDS rounds of both sites; what the last read gave in BUF. Returns
 * the number of calls whose registers changed, or -1. */
static int rounds(char *buf, size_t size)
{
	unsigned char vin[16][32], vout[16][32];
	unsigned long in[9], out[12];
	int bad = 0;

	for (int i = 0; i < 16; i++)
		for (int j = 0; j < 32; j++)
			vin[i][j] = (unsigned char)(i * 37 + j * 11 + 1);
	for (int i = 0; i < 8; i++)
		in[i] = 0x1111111111111111UL * (unsigned long)(i + 1);
	in[8] = (unsigned long)out;
	for (int round = 0; round < ROUNDS; round++) {
		for (int site = 0; site < 2; site++) {
			long r;

			memset(out, 0, sizeof out);
			VEC(LD, vin);
			r = call(site, path, in);
			VEC(ST, vout);
			if (memcmp(out, in, 8 * sizeof *in) ||
			    out[8] != 0x5151 || out[9] != (unsigned long)-100L ||
			    out[10] != (unsigned long)path ||
			    out[11] != O_RDONLY ||
			    !same_vec(vin, vout))
				bad++;
			if (site == 0 && r != ppid)
				bad++;
			if (site == 1) {
				ssize_t n;

				if (r < 0) {
					printf("openat: %ld\n", r);
					return -1;
				}
				n = read((int)r, buf, size - 1);
				buf[n > 0 ? n : 0] = '\0';
				close((int)r);
			}
		}
		/* The number-from-the-stack site, each of its ways. */
		long fd = dyn_call(257, path);

		if (fd < 0)
			bad++;
		else
			close((int)fd);
		if (dyn_call(110, path) != ppid)
			bad++;
		if (dyn_call(14, path) != -22)	/* EINVAL: how is -100 */
			bad++;
	}
	return bad;
}

struct worker {
	pthread_t t;
	char buf[64];
	int bad;
};

static void *worker(void *arg)
{
	struct worker *w = arg;

	pthread_barrier_wait(&start);
	w->bad = rounds(w->buf, sizeof w->buf);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "";
	char buf[64] = "";
	int bad = 0;

	if (argc < 2) {
		fputs("usage: patchprog PATH [site|threads|threads-site]\n",
		    stderr);
		return 2;
	}
	path = argv[1];
	ppid = getppid();
	__builtin_cpu_init();
	avx = __builtin_cpu_supports("avx");
	if (strncmp(mode, "threads", 7) == 0) {
		struct worker w[4];

		pthread_barrier_init(&start, NULL, 4);
		for (int i = 0; i < 4; i++)
			pthread_create(&w[i].t, NULL, worker, &w[i]);
		for (int i = 0; i < 4; i++) {
			pthread_join(w[i].t, NULL);
			if (w[i].bad < 0)
				return 1;
			bad += w[i].bad;
			if (i > 0 && strcmp(w[i].buf, w[0].buf))
				bad++;
		}
		strcpy(buf, w[0].buf);
		printf("4 threads: ");
	} else if ((bad = rounds(buf, sizeof buf)) < 0) {
		return 1;
	}
	printf("read: %s", buf);
	printf("%d rounds, calls with registers changed: %d\n", ROUNDS, bad);
	if (strstr(mode, "site"))
		printf("getppid site: %s, openat site: %s, stack site: %s\n",
		    site_getppid[0] == 0xe9 ? "jmp" : "mov",
		    site_openat[0] == 0xe9 ? "jmp" : "mov",
		    site_dyn[0] == 0xe9 ? "jmp" : "mov");
	return bad != 0;
}
