/*
 * A library of an unprivileged user's that a secure program must never
 * load: its constructor leaves MARKER behind (its path is compiled in).
 */
#include <fcntl.h>
#include <unistd.h>

__attribute__((constructor)) static void hostile(void)
{
	int fd = open(MARKER, O_WRONLY | O_CREAT, 0666);

	if (fd >= 0)
		close(fd);
}
