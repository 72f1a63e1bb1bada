/*
 * glibc's inline stdio paths over the streams a guest gets (the host's
 * FILE contract, include/shim/host.h): at -O2, getc_unlocked,
 * fread_unlocked of a small constant size, feof_unlocked and
 * ferror_unlocked read the FILE at glibc's offsets, and putc_unlocked
 * writes through them or falls back to __overflow.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#ifndef __USE_EXTERN_INLINES
#error "glibc's inline stdio functions need -O2"
#endif

static void
read_back(FILE *f)
{
	unsigned long sum = 0;
	long n = 0;
	char head[4];
	int c;

	rewind(f);
	printf("fread_unlocked: %zu", fread_unlocked(head, 1, 4, f));
	printf(" \"%.4s\"\n", head);
	c = getc_unlocked(f);
	printf("ungetc: %d", ungetc(c, f) == c);
	printf(" again %d\n", getc_unlocked(f) == c);
	while ((c = getc_unlocked(f)) != EOF) {
		sum = sum * 31 + (unsigned)c;
		n++;
	}
	printf("read %ld bytes, sum %lx, feof %d, ferror %d\n", n, sum,
	    feof_unlocked(f) != 0, ferror_unlocked(f) != 0);
	clearerr_unlocked(f);
	printf("after clearerr: feof %d\n", feof_unlocked(f) != 0);
}

int
main(void)
{
	FILE *f = tmpfile(), *r;
	int i;

	if (!f)
		return 1;
	fputs("head", f);
	for (i = 0; i < 20000; i++)
		putc_unlocked('a' + i % 26 + (i % 97 == 0 ? -32 : 0), f);
	putc_unlocked('\n', f);
	printf("ferror after writes: %d\n", ferror_unlocked(f) != 0);
	read_back(f);

	/* A write to a stream open for reading only sets its error flag. */
	r = fopen("/dev/null", "r");
	if (!r)
		return 1;
	printf("putc_unlocked on r: %d", putc_unlocked('x', r) == EOF);
	printf(" ferror %d\n", ferror_unlocked(r) != 0);
	printf("getc_unlocked at end: %d", getc_unlocked(r) == EOF);
	printf(" feof %d\n", feof_unlocked(r) != 0);
	fclose(r);
	fclose(f);
	return 0;
}
