/*
 * Descriptor calls glibc has and musl lacks: closefrom (close_range,
 * else one close per descriptor up to the limit) and getpt (a
 * pseudo-terminal master, as posix_openpt opens it).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

void lx_closefrom(int low)
{
	long max;

	if (low < 0)
		low = 0;
	if (syscall(SYS_close_range, (unsigned)low, ~0u, 0) == 0)
		return;
	max = sysconf(_SC_OPEN_MAX);
	for (long fd = low; fd < max; fd++)
		close((int)fd);
}

int lx_getpt(void)
{
	return posix_openpt(O_RDWR | O_NOCTTY);
}
