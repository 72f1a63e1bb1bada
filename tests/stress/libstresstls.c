/*
 * stress: the library the stress program dlopen's. Initialised (.tdata)
 * and zeroed (.tbss) __thread data, reached through __tls_get_addr
 * (global-dynamic for the exported variables, local-dynamic for the
 * static ones). Everything here may be called from a signal handler.
 */
#include <stddef.h>

#define LIB_WORDS 16

__thread long lib_magic = 0x11b7a9;
__thread long lib_words[LIB_WORDS] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5,
	8, 9, 7, 9, 3 };
__thread long lib_zero[LIB_WORDS];
static __thread long lib_own = -1;
static __thread const char *lib_name = "libstresstls";

/* 0 if the calling thread's blocks hold the initial values. */
int lib_check_init(void)
{
	static const long words[LIB_WORDS] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3,
		5, 8, 9, 7, 9, 3 };
	int bad = 0;

	if (lib_magic != 0x11b7a9 || lib_own != -1)
		bad |= 1;
	for (int i = 0; i < LIB_WORDS; i++) {
		if (lib_words[i] != words[i])
			bad |= 2;
		if (lib_zero[i] != 0)
			bad |= 4;
	}
	if (!lib_name || lib_name[0] != 'l' || lib_name[12] != 0)
		bad |= 8;
	return bad;
}

/* Make the calling thread's values its own, derived from ID. */
void lib_set(long id)
{
	lib_own = id;
	for (int i = 0; i < LIB_WORDS; i++) {
		lib_words[i] = id * 31 + i;
		lib_zero[i] = id ^ i;
	}
}

/* 0 if the values are those lib_set(ID) wrote, or still the initial ones
 * when the thread has not written them yet (ID < 0). */
int lib_check(long id)
{
	if (lib_magic != 0x11b7a9)
		return 1;
	if (id < 0)
		return lib_check_init();
	if (lib_own != id)
		return 2;
	for (int i = 0; i < LIB_WORDS; i++)
		if (lib_words[i] != id * 31 + i || lib_zero[i] != (id ^ i))
			return 3;
	return 0;
}

/* A checksum of the calling thread's values. */
unsigned long lib_sum(void)
{
	unsigned long s = (unsigned long)lib_own * 2654435761u;

	for (int i = 0; i < LIB_WORDS; i++)
		s = s * 33 + (unsigned long)lib_words[i] +
			((unsigned long)lib_zero[i] << 7);
	return s;
}

/* The address of the calling thread's lib_magic. */
const void *lib_addr(void)
{
	return &lib_magic;
}
