/*
 * The host boundary on musl, stdio streams (shim/host.h's FILE contract,
 * which has no call): musl's struct _IO_FILE starts with
 *	unsigned flags;			 0: F_EOF 16, F_ERR 32, as glibc's
 *					    _IO_EOF_SEEN and _IO_ERR_SEEN
 *	unsigned char *rpos, *rend;	 8, 16: glibc's read pointers
 *	int (*close)(FILE *);		24
 *	unsigned char *wend, *wpos;	32, 40
 *	unsigned char *mustbezero_1;	48: glibc's _IO_write_end, NULL
 * so glibc's inline getc_unlocked reads musl's buffer, feof_unlocked and
 * ferror_unlocked read musl's flags, and putc_unlocked always falls back
 * to __overflow. The struct is private to musl (its <stdio.h> declares
 * FILE incomplete); these facts are musl 1.2.3's (Debian 12), and
 * tests/runtime/stdinline pins them with glibc programs' inline code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "shim/host.h"

_Static_assert(__builtin_types_compatible_p(FILE, struct _IO_FILE),
	"musl's FILE is its struct _IO_FILE");

/*
 * host_stdio_set_buffer: the rest of musl 1.2.3's struct _IO_FILE up to
 * the field used here. musl's fopen and fdopen allocate the FILE, the
 * UNGET bytes ungetc may push back before the buffer, and BUFSIZ (1024)
 * bytes of buffer in one block. getln_buf is the line buffer of musl's
 * fgetln, which glibc programs cannot reach (glibc has no fgetln); fclose
 * frees it, so the new buffer is kept there and goes with the stream.
 */
struct musl_file {
	unsigned flags;
	unsigned char *rpos, *rend;
	int (*close)(FILE *);
	unsigned char *wend, *wpos;
	unsigned char *mustbezero_1;
	unsigned char *wbase;
	size_t (*read)(FILE *, unsigned char *, size_t);
	size_t (*write)(FILE *, const unsigned char *, size_t);
	off_t (*seek)(FILE *, off_t, int);
	unsigned char *buf;
	size_t buf_size;
	FILE *prev, *next;
	int fd;
	int pipe_pid;
	long lockcount;
	int mode;
	volatile int lock;
	int lbf;
	void *cookie;
	off_t off;
	char *getln_buf;
};

#define MUSL_UNGET 8

int host_stdio_set_buffer(FILE *f, size_t size)
{
	struct musl_file *m = (struct musl_file *)f;
	unsigned char *p;

	/* Only a stream as fopen/fdopen leave it: its own buffer right
	 * after the struct, nothing read or written, no line buffer. */
	if (m->fd != fileno(f) || m->rpos || m->rend || m->wpos ||
	    m->wbase || m->getln_buf || m->buf_size != BUFSIZ || !size)
		return -1;
	if (size <= m->buf_size) {
		m->buf_size = size;
		return 0;
	}
	if ((p = malloc(MUSL_UNGET + size)) == NULL)
		return -1;
	m->getln_buf = (char *)p;
	m->buf = p + MUSL_UNGET;
	m->buf_size = size;
	return 0;
}
