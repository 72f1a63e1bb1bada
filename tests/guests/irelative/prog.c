/*
 * ifuncs in the program (IRELATIVE for calls and for a data pointer; the
 * resolver uses __builtin_cpu_supports, so libgcc's cpu model is
 * initialised inside a resolver) and a library's ifunc called and taken by
 * address from the program: the address must equal the library's own view.
 */
#include <stdio.h>

typedef int (*int_fn)(int);

int lib_mul(int x);
int lib_inner(int x);
int_fn lib_mul_addr(void);

static int add_generic(int x) { return x + 1; }
static int add_sse2(int x) { return x + 2; }
static int neg(int x) { return -x; }

static int_fn resolve_add(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("sse2") ? add_sse2 : add_generic;
}

static int_fn resolve_neg(void)
{
	return neg;
}

int exe_add(int x) __attribute__((ifunc("resolve_add")));
static int exe_neg(int x) __attribute__((ifunc("resolve_neg")));
int_fn exe_ptr = exe_add;

int main(void)
{
	int_fn mine = lib_mul;

	printf("exe_add(5) = %d\n", exe_add(5));
	printf("exe_neg(5) = %d\n", exe_neg(5));
	printf("exe_ptr(6) = %d\n", exe_ptr(6));
	printf("lib_mul(7) = %d\n", lib_mul(7));
	printf("lib_inner(7) = %d\n", lib_inner(7));
	printf("&lib_mul: program and library agree: %d\n",
	       mine == lib_mul_addr());
	printf("through the pointer: %d\n", mine(8));
	return exe_add(0) == 2 && lib_mul(1) == 3 ? 0 : 1;
}
