/*
 * glibc's stdio entry points that inline code reaches: getc_unlocked and
 * putc_unlocked are inline in glibc programs and read FILE at glibc's
 * offsets (_IO_read_ptr 8, _IO_read_end 16, _IO_write_ptr 40,
 * _IO_write_end 48). The host's FILE keeps its buffered input between
 * the read pointers and a NULL write end (shim/host.h), so the inline
 * read path is exact and the inline write path always falls back to
 * __overflow.
 */
#include <stdio.h>

int lx___uflow(FILE *f)
{
	return getc_unlocked(f);
}

int lx___underflow(FILE *f)
{
	int c = getc_unlocked(f);

	if (c != EOF)
		ungetc(c, f);
	return c;
}

int lx___overflow(FILE *f, int c)
{
	if (c == EOF)
		return fflush(f) ? EOF : 0;
	return putc_unlocked(c, f);
}

int lx__IO_getc(FILE *f)
{
	return getc(f);
}

int lx__IO_putc(int c, FILE *f)
{
	return putc(c, f);
}
