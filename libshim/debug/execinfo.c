/*
 * <execinfo.h>, which musl lacks: backtrace over libgcc's unwinder (linked
 * into the shim; it finds guest and shim frames through _dl_find_object),
 * and glibc's "PATH(SYMBOL+0xOFF) [0xADDR]" lines from dladdr.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unwind.h>

int lx_dladdr(const void *addr, Dl_info *info);

struct trace {
	void **buf;
	int max, n, skip;
};

static _Unwind_Reason_Code step(struct _Unwind_Context *ctx, void *arg)
{
	struct trace *t = arg;

	if (t->skip) {
		t->skip--;	/* backtrace's own frame, as glibc skips it */
		return _URC_NO_REASON;
	}
	if (t->n >= t->max)
		return _URC_END_OF_STACK;
	t->buf[t->n++] = (void *)_Unwind_GetIP(ctx);
	return _URC_NO_REASON;
}

int lx_backtrace(void **buf, int size)
{
	struct trace t = { buf, size, 0, 1 };

	if (size <= 0)
		return 0;
	_Unwind_Backtrace(step, &t);
	return t.n;
}

/* One line as glibc formats it; returns its length (snprintf's). */
static int format(void *addr, char *out, size_t cap)
{
	Dl_info info;

	if (!lx_dladdr(addr, &info) || !info.dli_fname)
		return snprintf(out, cap, "[%p]", addr);
	if (info.dli_sname)
		return snprintf(out, cap, "%s(%s+%#lx) [%p]", info.dli_fname,
			info.dli_sname, (unsigned long)((char *)addr -
			(char *)info.dli_saddr), addr);
	return snprintf(out, cap, "%s(+%#lx) [%p]", info.dli_fname,
		(unsigned long)((char *)addr - (char *)info.dli_fbase), addr);
}

/* One allocation holding the pointers and the strings, freed with free(). */
char **lx_backtrace_symbols(void *const *buf, int n)
{
	size_t total = 0;
	char **v, *p;
	int i;

	if (n <= 0)
		n = 0;
	for (i = 0; i < n; i++)
		total += format(buf[i], NULL, 0) + 1;
	if (!(v = malloc(n * sizeof *v + total)))
		return NULL;
	p = (char *)(v + n);
	for (i = 0; i < n; i++) {
		v[i] = p;
		p += format(buf[i], p, total) + 1;
	}
	return v;
}

void lx_backtrace_symbols_fd(void *const *buf, int n, int fd)
{
	char line[4096];

	for (int i = 0; i < n; i++) {
		int len = format(buf[i], line, sizeof line - 1);

		if (len > (int)sizeof line - 2)
			len = sizeof line - 2;
		line[len] = '\n';
		(void)!write(fd, line, len + 1);
	}
}
