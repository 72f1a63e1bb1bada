/*
 * The loader's only way of speaking: one line per message on stderr, each
 * "ld-linux-shim: PATH: what". During dlopen the message goes to the dl
 * error buffer instead, so that dlerror() returns it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader-int.h"

bool shim_dl_mode;
bool shim_error_seen;
char shim_dl_error[512];

static void vmsg(const char *fmt, va_list ap)
{
	char buf[1024];
	int n;

	shim_error_seen = true;
	if (shim_dl_mode) {
		vsnprintf(shim_dl_error, sizeof shim_dl_error, fmt, ap);
		return;
	}
	n = snprintf(buf, sizeof buf, SHIM_NAME ": ");
	vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
	n = strlen(buf);
	buf[n++] = '\n';
	(void)!write(2, buf, n);
}

void shim_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void shim_fatal(const char *fmt, ...)
{
	va_list ap;

	shim_dl_mode = false;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	_exit(127);
}

void shim_debug(unsigned what, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	if (!(shim_cfg.debug & what))
		return;
	n = snprintf(buf, sizeof buf, "%d: ", (int)getpid());
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	buf[n++] = '\n';
	(void)!write(2, buf, n);
}
