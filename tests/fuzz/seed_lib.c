/* A seed for the ELF fuzzer with what the Debian seeds may lack: both
 * hash tables, RELR, symbol versions (two of one name), TLS, an IFUNC,
 * an initializer and a COPY-able object. */
#include <stddef.h>

__thread int seed_tls = 42;
int seed_data[4] = { 1, 2, 3, 4 };
int *seed_ptr = &seed_data[1];
static int counter;

static void init(void) __attribute__((constructor));
static void init(void)
{
	counter++;
}

int seed_old(void) { return 1; }
int seed_new(void) { return 2 + counter; }
__asm__(".symver seed_old, seed@SEED_1");
__asm__(".symver seed_new, seed@@SEED_2");

static int impl(void) { return seed_tls; }
static int (*resolve(void))(void) { return impl; }
int seed_ifunc(void) __attribute__((ifunc("resolve")));

extern int seed_import(int);
int seed_call(void) { return seed_import(*seed_ptr); }
