/*
 * The line-wrapping output stream of argp's help texts: text is buffered
 * and, whenever the margins change, the column is asked for or the buffer
 * is full, the new text is laid out: a left margin at the start of each
 * line, lines longer than the right margin broken at the last blank before
 * it and continued at the wrap margin. Where the text is cut into pieces
 * (the buffer starts at 200 bytes) decides where glibc breaks a line, so
 * the same bookkeeping is kept here.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argp-int.h"
#include "lx/printf.h"

#define BUF_START	200
#define PRINTF_GUESS	150

struct argp_fmt {
	FILE *stream;
	int lmargin, rmargin, wmargin;
	size_t done;		/* bytes of buf already laid out */
	long col;		/* column after them; -1: no left margin */
	char *buf, *p, *end;
};

struct argp_fmt *
lx_argp_fmt_open(FILE *stream, int lmargin, int rmargin, int wmargin)
{
	struct argp_fmt *fs = calloc(1, sizeof *fs);

	if (fs == NULL)
		return NULL;
	fs->buf = malloc(BUF_START);
	if (fs->buf == NULL) {
		free(fs);
		return NULL;
	}
	fs->stream = stream;
	fs->lmargin = lmargin;
	fs->rmargin = rmargin;
	fs->wmargin = wmargin;
	fs->p = fs->buf;
	fs->end = fs->buf + BUF_START;
	return fs;
}

static void
spaces_out(FILE *f, int n)
{
	while (n-- > 0)
		putc(' ', f);
}

/* At the start of a line: the left margin, in the buffer if it fits. */
static char *
left_margin(struct argp_fmt *fs, char *s)
{
	int pad = fs->lmargin;

	if (fs->p + pad < fs->end) {
		memmove(s + pad, s, fs->p - s);
		memset(s, ' ', pad);
		fs->p += pad;
		s += pad;
	} else {
		spaces_out(fs->stream, pad);
	}
	fs->col = pad;
	return s;
}

static int
blank_at(const struct argp_fmt *fs, const char *q)
{
	return q < fs->p && isblank((unsigned char)*q);
}

/* The line at S (its end, or the end of the text, at NL) is too long:
 * break it. Returns where scanning goes on, NULL when S..NL stays one
 * overlong line ending at NL. */
static char *
wrap(struct argp_fmt *fs, char *s, char *nl)
{
	char *q = s + (fs->rmargin - fs->col), *brk, *next;
	size_t len = fs->p - s, rest;

	while (q >= s && !blank_at(fs, q))
		q--;
	next = q + 1;
	if (next > s) {
		while (q >= s && blank_at(fs, q))
			q--;
		brk = q + 1;
	} else {
		q = s + (fs->rmargin - fs->col);
		while (q < nl && !blank_at(fs, q))
			q++;
		if (q >= nl)
			return NULL;
		brk = q;
		while (blank_at(fs, q))
			q++;
		next = q;
	}
	if (next - (brk + 1) < fs->wmargin && fs->p > next) {
		if (fs->end - fs->p > fs->wmargin + 1) {
			rest = fs->p - next;
			memmove(brk + 1 + fs->wmargin, next, rest);
			next = brk + 1 + fs->wmargin;
			len = next + rest - s;
			*brk++ = '\n';
		} else {
			fwrite(fs->buf, 1, brk - fs->buf, fs->stream);
			putc('\n', fs->stream);
			len += s - fs->buf;
			brk = s = fs->buf;
		}
	} else {
		*brk++ = '\n';
	}
	if (next - brk >= fs->wmargin) {
		memset(brk, ' ', fs->wmargin);
		brk += fs->wmargin;
	} else {
		spaces_out(fs->stream, fs->wmargin);
	}
	if (brk < next)
		memmove(brk, next, s + len - next);
	len -= next - s;
	fs->p = brk + len;
	fs->col = fs->wmargin ? fs->wmargin : -1;
	return brk;
}

/* Lays out the text added since the last time. */
static void
update(struct argp_fmt *fs)
{
	char *s = fs->buf + fs->done, *nl, *t;
	size_t len;

	while (s < fs->p) {
		if (fs->col == 0 && fs->lmargin != 0)
			s = left_margin(fs, s);
		if (fs->col < 0)
			fs->col = 0;
		len = fs->p - s;
		nl = memchr(s, '\n', len);
		if (nl == NULL) {
			if (fs->col + (long)len < fs->rmargin) {
				fs->col += len;
				break;
			}
			nl = fs->p;
		} else if (fs->col + (nl - s) < fs->rmargin) {
			fs->col = 0;
			s = nl + 1;
			continue;
		}
		t = wrap(fs, s, nl);
		if (t == NULL) {
			fs->col = 0;
			s = nl + 1;
		} else {
			s = t;
		}
	}
	fs->done = fs->p - fs->buf;
}

static void
ensure(struct argp_fmt *fs, size_t amount)
{
	size_t size;
	char *nbuf;

	if ((size_t)(fs->end - fs->p) >= amount)
		return;
	update(fs);
	fwrite(fs->buf, 1, fs->p - fs->buf, fs->stream);
	fs->p = fs->buf;
	fs->done = 0;
	size = fs->end - fs->buf;
	if (size >= amount)
		return;
	nbuf = realloc(fs->buf, size + amount);
	if (nbuf == NULL)
		abort();
	fs->buf = fs->p = nbuf;
	fs->end = nbuf + size + amount;
}

void
lx_argp_fmt_close(struct argp_fmt *fs)
{
	update(fs);
	if (fs->p > fs->buf)
		fwrite(fs->buf, 1, fs->p - fs->buf, fs->stream);
	free(fs->buf);
	free(fs);
}

void
lx_argp_fmt_write(struct argp_fmt *fs, const char *s, size_t len)
{
	if (fs->p + len > fs->end)
		ensure(fs, len);
	memcpy(fs->p, s, len);
	fs->p += len;
}

void
lx_argp_fmt_puts(struct argp_fmt *fs, const char *s)
{
	size_t len = strlen(s);

	if (len)
		lx_argp_fmt_write(fs, s, len);
}

void
lx_argp_fmt_putc(struct argp_fmt *fs, int c)
{
	if (fs->p >= fs->end)
		ensure(fs, 1);
	*fs->p++ = (char)c;
}

void
lx_argp_fmt_printf(struct argp_fmt *fs, const char *fmt, ...)
{
	size_t guess = PRINTF_GUESS, avail;
	va_list ap;
	int out;

	for (;;) {
		ensure(fs, guess);
		avail = fs->end - fs->p;
		va_start(ap, fmt);
		out = lx_vsnprintf(fs->p, avail, fmt, ap);
		va_end(ap);
		if (out < 0)
			return;
		if ((size_t)out < avail)
			break;
		guess = out + 1;
	}
	fs->p += out;
}

static void
catch_up(struct argp_fmt *fs)
{
	if ((size_t)(fs->p - fs->buf) > fs->done)
		update(fs);
}

/* Sets the margin *M to V for the text to come; returns the old one. */
static int
set_margin(struct argp_fmt *fs, int *m, int v)
{
	int old = *m;

	catch_up(fs);
	*m = v;
	return old;
}

int
lx_argp_fmt_set_lmargin(struct argp_fmt *fs, int v)
{
	return set_margin(fs, &fs->lmargin, v);
}

int
lx_argp_fmt_set_wmargin(struct argp_fmt *fs, int v)
{
	return set_margin(fs, &fs->wmargin, v);
}

int lx_argp_fmt_lmargin(struct argp_fmt *fs) { return fs->lmargin; }
int lx_argp_fmt_wmargin(struct argp_fmt *fs) { return fs->wmargin; }
int lx_argp_fmt_rmargin(struct argp_fmt *fs) { return fs->rmargin; }

int
lx_argp_fmt_point(struct argp_fmt *fs)
{
	catch_up(fs);
	return fs->col >= 0 ? (int)fs->col : 0;
}
