/*
 * glibc's stream buffer sizes, seen from outside: a stream opened on a
 * file descriptor writes to it only when its buffer (st_blksize below
 * 8192, else 8192: 4096 on pipes and most file systems) is full, and
 * reads it in buffer-sized pieces. Each case prints how many whole 4 KiB
 * blocks reached the file or pipe after writes of growing size, and where
 * the descriptor stands after reads. Whole blocks, because the host's
 * stdio writes the full buffer together with the byte that overflowed it
 * (4097 bytes where glibc writes 4096 and keeps the byte): a known
 * difference of flush granularity, not of buffer size.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void fill(FILE *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putc('a' + i % 26, f);
}

/* How many bytes of what F buffered the descriptor FD has seen, after
 * each of several writes. */
static void watch_writes(const char *what, FILE *f, int fd)
{
	size_t steps[] = { 100, 900, 1100, 2000, 4000, 5000, 9000 };
	struct stat st;

	printf("%s:", what);
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		fill(f, steps[i]);
		if (fstat(fd, &st) < 0)
			return perror("fstat");
		printf(" %lld", (long long)st.st_size / 4096);
	}
	putchar('\n');
}

/* Where the descriptor under F stands after reading one byte, and after
 * reading past the first buffer. */
static void watch_reads(const char *what, FILE *f)
{
	long first, second;

	getc(f);
	first = lseek(fileno(f), 0, SEEK_CUR);
	for (int i = 0; i < 5000; i++)
		getc(f);
	second = lseek(fileno(f), 0, SEEK_CUR);
	printf("%s: %ld %ld, at %ld\n", what, first, second, ftell(f));
}

int main(void)
{
	char path[] = "/tmp/stdbufXXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0)
		return perror("mkstemp"), 1;

	f = fdopen(fd, "w+");
	watch_writes("fdopen", f, fd);
	rewind(f);
	watch_reads("fdopen read", f);
	fclose(f);

	f = fopen(path, "w");
	watch_writes("fopen w", f, fileno(f));
	fclose(f);
	f = fopen(path, "r");
	watch_reads("fopen r", f);
	fclose(f);

	f = tmpfile();
	watch_writes("tmpfile", f, fileno(f));
	fclose(f);

	/* Through a pipe: what the reader gets in one read(2). */
	int p[2];
	char buf[65536];
	ssize_t n;

	if (pipe(p) < 0)
		return perror("pipe"), 1;
	f = fdopen(p[1], "w");
	fill(f, 6000);
	n = read(p[0], buf, sizeof buf);
	printf("pipe: first read %zd blocks\n", n / 4096);
	fclose(f);
	close(p[0]);

	unlink(path);
	return 0;
}
