/*
 * glibc's error() and error_at_line() and their globals.  Contract (glibc
 * manual): flush stdout; print "PROG: " (or call error_print_progname),
 * the message, ": strerror(errnum)" when errnum is not 0, and a newline on
 * stderr; count the message; exit(status) when status is not 0.
 * error_at_line prints "PROG:FILE:LINE: " and, with error_one_per_line
 * set, stays silent on a repeat of the previous file and line.
 * The globals are read through their live copies: a guest executable that
 * names them holds them by COPY relocation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/gnu.h"
#include "shim/libshim.h"
#include "lx/printf.h"

unsigned int lx_error_message_count;
int lx_error_one_per_line;
void (*lx_error_print_progname)(void);

extern void *lx_live_lx_error_message_count;
extern void *lx_live_lx_error_one_per_line;
extern void *lx_live_lx_error_print_progname;
#define MESSAGE_COUNT	(*(unsigned int *)lx_live_lx_error_message_count)
#define ONE_PER_LINE	(*(int *)lx_live_lx_error_one_per_line)
#define PRINT_PROGNAME \
	(*(void (**)(void))lx_live_lx_error_print_progname)

static void
finish(int status, int errnum, const char *fmt, va_list ap)
{
	char buf[64];

	lx_vfprintf(stderr, fmt, ap);
	MESSAGE_COUNT++;
	if (errnum != 0)
		fprintf(stderr, ": %s",
		    lx_gnu_strerror(errnum, buf, sizeof buf));
	putc('\n', stderr);
	fflush(stderr);
	if (status != 0)
		exit(status);
}

void
lx_error(int status, int errnum, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (PRINT_PROGNAME != NULL)
		PRINT_PROGNAME();
	else
		fprintf(stderr, "%s: ", LX_PROGNAME);
	va_start(ap, fmt);
	finish(status, errnum, fmt, ap);
	va_end(ap);
}

/* True when FILE:LINE repeats the previous call's and that should be
 * silent. */
static int
repeated(const char *file, unsigned int line)
{
	static const char *old_file;
	static unsigned int old_line;

	if (!ONE_PER_LINE)
		return 0;
	if (line == old_line && (file == old_file ||
	    (file != NULL && old_file != NULL && strcmp(file, old_file) == 0)))
		return 1;
	old_file = file;
	old_line = line;
	return 0;
}

void
lx_error_at_line(int status, int errnum, const char *file,
    unsigned int line, const char *fmt, ...)
{
	va_list ap;

	if (repeated(file, line))
		return;
	fflush(stdout);
	if (PRINT_PROGNAME != NULL)
		PRINT_PROGNAME();
	else
		fprintf(stderr, "%s:", LX_PROGNAME);
	if (file != NULL)
		fprintf(stderr, "%s:%u: ", file, line);
	else
		fputc(' ', stderr);
	va_start(ap, fmt);
	finish(status, errnum, fmt, ap);
	va_end(ap);
}
