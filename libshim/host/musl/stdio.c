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

#include "shim/host.h"

_Static_assert(__builtin_types_compatible_p(FILE, struct _IO_FILE),
	"musl's FILE is its struct _IO_FILE");
