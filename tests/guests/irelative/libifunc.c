/*
 * Guest library with an exported ifunc (lib_mul: bound from the program by
 * JUMP_SLOT and GLOB_DAT against an STT_GNU_IFUNC symbol) and a static one
 * used inside the library (R_X86_64_IRELATIVE). The resolvers choose by a
 * deterministic condition.
 */
#include <stddef.h>

typedef int (*int_fn)(int);

int lib_mul(int x);
int lib_inner(int x);
int_fn lib_mul_addr(void);

static const char *volatile lib_mode = "triple";

static int mul_double(int x) { return x * 2; }
static int mul_triple(int x) { return x * 3; }
static int sub_one(int x) { return x - 1; }
static int sub_two(int x) { return x - 2; }

static int_fn resolve_mul(void)
{
	return lib_mode[0] == 't' ? mul_triple : mul_double;
}

static int_fn resolve_sub(void)
{
	return sizeof(void *) == 8 ? sub_two : sub_one;
}

int lib_mul(int x) __attribute__((ifunc("resolve_mul")));
static int lib_sub(int x) __attribute__((ifunc("resolve_sub")));

/* A data pointer to the local ifunc: an IRELATIVE in .data.rel.ro. */
static int_fn const sub_ptr = lib_sub;

int lib_inner(int x)
{
	return lib_sub(x) * 1000 + sub_ptr(x) + lib_mul(x) * 10;
}

int_fn lib_mul_addr(void)
{
	return lib_mul;
}
