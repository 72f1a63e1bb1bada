/*
 * The stdio room's service to the rooms that open streams (file/ fopen,
 * start/ popen): glibc's buffer size and mode for a stream just opened
 * on a file descriptor (libshim/stdio/buffer.c).
 */
#ifndef SHIM_STDIO_H
#define SHIM_STDIO_H

#include <stdio.h>

/* F (NULL passes through) with glibc's buffer: st_blksize bytes when
 * below 8192, else 8192; line-buffered on a terminal. Returns F. */
FILE *lx_stdio_glibc_buffer(FILE *f);

#endif
