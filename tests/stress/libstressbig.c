/*
 * stress: a second dlopen'ed library, with more __thread data than the
 * shim keeps in static TLS, so that its blocks are made per thread on
 * first use (glibc's dynamic TLS). Safe to call from a signal handler once
 * the calling thread has used the library.
 */
#define BIG_PAD (136 * 1024)

__thread long big_magic = 0xb16b16;
__thread char big_pad[BIG_PAD];
__thread long big_own = -1;

/* 0 if the values are those big_set(ID) wrote, or the initial ones for
 * ID < 0. */
int big_check(long id)
{
	if (big_magic != 0xb16b16)
		return 1;
	if (big_own != id && !(id < 0 && big_own == -1))
		return 2;
	for (int i = 0; i < BIG_PAD; i += 4096)
		if (big_pad[i] != (id < 0 ? 0 : (char)(id + i / 4096)))
			return 3;
	return big_pad[BIG_PAD - 1] != (id < 0 ? 0 : (char)id) ? 4 : 0;
}

void big_set(long id)
{
	big_own = id;
	for (int i = 0; i < BIG_PAD; i += 4096)
		big_pad[i] = (char)(id + i / 4096);
	big_pad[BIG_PAD - 1] = (char)id;
}
