/*
 * glibc's buffer sizes for the streams a program opens. glibc gives a
 * stream on a file descriptor, at its first read or write, a buffer of
 * st_blksize bytes when that is below BUFSIZ (8192), else 8192: 4096 on
 * pipes and most file systems. A stream on a terminal is line-buffered.
 * The host's streams have 1024 bytes: four times the read and write
 * calls (sort's temporary files, sed's input), and a different
 * interleaving when a program's output and its children's share a pipe.
 * fopen (file/reroot.c), fdopen, tmpfile and popen (start/exec.c) size
 * their stream here; stdin and stdout are sized at start-up (start.c).
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shim/host.h"
#include "shim/stdio.h"

#define GLIBC_BUFSIZ 8192

FILE *lx_stdio_glibc_buffer(FILE *f)
{
	struct stat st;
	size_t size = GLIBC_BUFSIZ;
	int fd;

	if (!f || (fd = fileno(f)) < 0 || fstat(fd, &st) < 0)
		return f;
	if (st.st_blksize > 0 && st.st_blksize < GLIBC_BUFSIZ)
		size = st.st_blksize;
	/* A stream that cannot be resized keeps the host's buffer. */
	host_stdio_set_buffer(f, size);
	if (S_ISCHR(st.st_mode) && isatty(fd))
		setvbuf(f, NULL, _IOLBF, 0);
	return f;
}

FILE *lx_fdopen(int fd, const char *mode)
{
	return lx_stdio_glibc_buffer(fdopen(fd, mode));
}

FILE *lx_tmpfile(void)
{
	return lx_stdio_glibc_buffer(tmpfile());
}
