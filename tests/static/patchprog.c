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
 *   patchprog PATH [site]
 *
 * Prints what it read and the number of calls whose registers changed
 * (0); with "site", the first byte of each site afterwards ("mov" when it
 * is the program's, "jmp" when it was rewritten).
 */
#include <fcntl.h>
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

/* Fills the vector registers from V (16 x 32 bytes, or 16 x 16). */
#define LOAD_VEC(v) do { \
	if (avx) \
		__asm__ volatile( \
		    "vmovdqu 0(%0),%%ymm0\n\tvmovdqu 32(%0),%%ymm1\n\t" \
		    "vmovdqu 64(%0),%%ymm2\n\tvmovdqu 96(%0),%%ymm3\n\t" \
		    "vmovdqu 128(%0),%%ymm4\n\tvmovdqu 160(%0),%%ymm5\n\t" \
		    "vmovdqu 192(%0),%%ymm6\n\tvmovdqu 224(%0),%%ymm7\n\t" \
		    "vmovdqu 256(%0),%%ymm8\n\tvmovdqu 288(%0),%%ymm9\n\t" \
		    "vmovdqu 320(%0),%%ymm10\n\tvmovdqu 352(%0),%%ymm11\n\t" \
		    "vmovdqu 384(%0),%%ymm12\n\tvmovdqu 416(%0),%%ymm13\n\t" \
		    "vmovdqu 448(%0),%%ymm14\n\tvmovdqu 480(%0),%%ymm15" \
		    : : "r"(v) : "memory"); \
	else \
		__asm__ volatile( \
		    "movdqu 0(%0),%%xmm0\n\tmovdqu 32(%0),%%xmm1\n\t" \
		    "movdqu 64(%0),%%xmm2\n\tmovdqu 96(%0),%%xmm3\n\t" \
		    "movdqu 128(%0),%%xmm4\n\tmovdqu 160(%0),%%xmm5\n\t" \
		    "movdqu 192(%0),%%xmm6\n\tmovdqu 224(%0),%%xmm7\n\t" \
		    "movdqu 256(%0),%%xmm8\n\tmovdqu 288(%0),%%xmm9\n\t" \
		    "movdqu 320(%0),%%xmm10\n\tmovdqu 352(%0),%%xmm11\n\t" \
		    "movdqu 384(%0),%%xmm12\n\tmovdqu 416(%0),%%xmm13\n\t" \
		    "movdqu 448(%0),%%xmm14\n\tmovdqu 480(%0),%%xmm15" \
		    : : "r"(v) : "memory"); \
} while (0)

#define STORE_VEC(v) do { \
	if (avx) \
		__asm__ volatile( \
		    "vmovdqu %%ymm0,0(%0)\n\tvmovdqu %%ymm1,32(%0)\n\t" \
		    "vmovdqu %%ymm2,64(%0)\n\tvmovdqu %%ymm3,96(%0)\n\t" \
		    "vmovdqu %%ymm4,128(%0)\n\tvmovdqu %%ymm5,160(%0)\n\t" \
		    "vmovdqu %%ymm6,192(%0)\n\tvmovdqu %%ymm7,224(%0)\n\t" \
		    "vmovdqu %%ymm8,256(%0)\n\tvmovdqu %%ymm9,288(%0)\n\t" \
		    "vmovdqu %%ymm10,320(%0)\n\tvmovdqu %%ymm11,352(%0)\n\t" \
		    "vmovdqu %%ymm12,384(%0)\n\tvmovdqu %%ymm13,416(%0)\n\t" \
		    "vmovdqu %%ymm14,448(%0)\n\tvmovdqu %%ymm15,480(%0)" \
		    : : "r"(v) : "memory"); \
	else \
		__asm__ volatile( \
		    "movdqu %%xmm0,0(%0)\n\tmovdqu %%xmm1,32(%0)\n\t" \
		    "movdqu %%xmm2,64(%0)\n\tmovdqu %%xmm3,96(%0)\n\t" \
		    "movdqu %%xmm4,128(%0)\n\tmovdqu %%xmm5,160(%0)\n\t" \
		    "movdqu %%xmm6,192(%0)\n\tmovdqu %%xmm7,224(%0)\n\t" \
		    "movdqu %%xmm8,256(%0)\n\tmovdqu %%xmm9,288(%0)\n\t" \
		    "movdqu %%xmm10,320(%0)\n\tmovdqu %%xmm11,352(%0)\n\t" \
		    "movdqu %%xmm12,384(%0)\n\tmovdqu %%xmm13,416(%0)\n\t" \
		    "movdqu %%xmm14,448(%0)\n\tmovdqu %%xmm15,480(%0)" \
		    : : "r"(v) : "memory"); \
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
	    ".globl site_getppid\n"
	    "site_getppid:\n\tmovl $110, %%eax\n\tsyscall\n\tjmp 2f\n"
	    "1:\n\t"
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

static int same_vec(unsigned char a[16][32], unsigned char b[16][32])
{
	for (int i = 0; i < 16; i++)
		if (memcmp(a[i], b[i], avx ? 32 : 16))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	static unsigned char vin[16][32], vout[16][32];
	unsigned long in[9], out[12];
	int bad = 0;
	long ppid = getppid();
	char buf[64] = "";

	if (argc < 2) {
		fputs("usage: patchprog PATH [site]\n", stderr);
		return 2;
	}
	__builtin_cpu_init();
	avx = __builtin_cpu_supports("avx");
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
			LOAD_VEC(vin);
			r = call(site, argv[1], in);
			STORE_VEC(vout);
			if (memcmp(out, in, 8 * sizeof *in) ||
			    out[8] != 0x5151 || out[9] != (unsigned long)-100L ||
			    out[10] != (unsigned long)argv[1] ||
			    out[11] != O_RDONLY ||
			    !same_vec(vin, vout))
				bad++;
			if (site == 0 && r != ppid)
				bad++;
			if (site == 1) {
				ssize_t n;

				if (r < 0) {
					printf("openat: %ld\n", r);
					return 1;
				}
				n = read((int)r, buf, sizeof buf - 1);
				buf[n > 0 ? n : 0] = '\0';
				close((int)r);
			}
		}
	}
	printf("read: %s", buf);
	printf("%d rounds, calls with registers changed: %d\n", ROUNDS, bad);
	if (argc > 2 && strcmp(argv[2], "site") == 0)
		printf("getppid site: %s, openat site: %s\n",
		    site_getppid[0] == 0xe9 ? "jmp" : "mov",
		    site_openat[0] == 0xe9 ? "jmp" : "mov");
	return bad != 0;
}
