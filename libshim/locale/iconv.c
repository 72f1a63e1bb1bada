/*
 * glibc's iconv over musl's. glibc knows its charsets by more names
 * ("ANSI_X3.4-1968", which nl_langinfo(CODESET) reports for the C locale,
 * "ISO_646.IRV:1991", "" for the locale's own), accepts the "//TRANSLIT"
 * and "//IGNORE" suffixes, and fails a character the target cannot
 * represent with EILSEQ; musl refuses those names and suffixes and writes
 * '*' for such a character. The guest's iconv_t is a struct lx_iconv
 * with musl's descriptor and the suffix flags; conversions go through
 * musl, and only when musl reports an irreversible conversion is the
 * input redone one character at a time to find it: then it is an error
 * (plain), a '?' (TRANSLIT) or skipped (IGNORE, which ends with EILSEQ
 * as glibc's does).
 * XXX: TRANSLIT uses no locale transliteration tables: every character
 * the target lacks becomes '?', as in glibc's C locale.
 */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define F_TRANSLIT	1
#define F_IGNORE	2

struct lx_iconv {
	iconv_t cd;
	int flags;
	int skipped;		/* IGNORE: characters left out so far */
};

static const char *const ascii_names[] = {
	"ANSI_X3.4-1968", "ANSI_X3.4-1986", "ISO_646.IRV:1991", "ISO646-US",
	"ISO-IR-6", "IBM367", "CP367", "CSASCII", "US", "646",
};

/* CODE without its suffixes, in musl's name, into BUF; suffix flags. */
static const char *host_name(const char *code, char *buf, size_t n,
	int *flags)
{
	const char *sl = strstr(code, "//");
	size_t k = sl ? (size_t)(sl - code) : strlen(code);

	for (const char *p = sl; p && *p; p = strstr(p + 2, "//")) {
		if (!strncasecmp(p + 2, "TRANSLIT", 8))
			*flags |= F_TRANSLIT;
		else if (!strncasecmp(p + 2, "IGNORE", 6))
			*flags |= F_IGNORE;
	}
	if (k >= n)
		k = n - 1;
	memcpy(buf, code, k);
	buf[k] = 0;
	if (!*buf)	/* glibc: the locale's character set */
		snprintf(buf, n, "%s", nl_langinfo(CODESET));
	for (size_t i = 0; i < sizeof ascii_names / sizeof *ascii_names; i++)
		if (!strcasecmp(buf, ascii_names[i]))
			return "ASCII";
	return buf;
}

iconv_t lx_iconv_open(const char *to, const char *from)
{
	char tb[64], fb[64];
	int flags = 0, ignored = 0;
	const char *t = host_name(to, tb, sizeof tb, &flags);
	const char *f = host_name(from, fb, sizeof fb, &ignored);
	struct lx_iconv *c;
	iconv_t cd = iconv_open(t, f);

	if (cd == (iconv_t)-1)
		return cd;
	if (!(c = malloc(sizeof *c))) {
		iconv_close(cd);
		errno = ENOMEM;
		return (iconv_t)-1;
	}
	c->cd = cd;
	c->flags = flags;
	c->skipped = 0;
	return (iconv_t)c;
}

int lx_iconv_close(iconv_t h)
{
	struct lx_iconv *c = (struct lx_iconv *)h;

	if (h == (iconv_t)-1 || !h) {
		errno = EBADF;
		return -1;
	}
	iconv_close(c->cd);
	free(c);
	return 0;
}

/* One input character: the shortest prefix musl converts. Returns musl's
 * result for it (0 reversible, 1 irreversible) or -1 with errno. */
static size_t one_char(struct lx_iconv *c, char **in, size_t *inleft,
	char **out, size_t *outleft)
{
	for (size_t k = 1; k <= *inleft; k++) {
		char *ip = *in, *op = *out;
		size_t il = k, ol = *outleft, r;

		r = iconv(c->cd, &ip, &il, &op, &ol);
		if (r == (size_t)-1 && errno == EINVAL && k < *inleft)
			continue;	/* incomplete: take another byte */
		if (r == (size_t)-1 && (errno != EINVAL || ip == *in))
			return r;
		*inleft -= ip - *in;
		*in = ip;
		*outleft = ol;
		*out = op;
		return r;
	}
	errno = EINVAL;
	return (size_t)-1;
}

/* Redo IN one character at a time from the start of this call. */
static size_t slow(struct lx_iconv *c, char **in, size_t *inleft,
	char **out, size_t *outleft)
{
	size_t irrev = 0;

	while (*inleft > 0) {
		char *in0 = *in, *out0 = *out;
		size_t il0 = *inleft, ol0 = *outleft;
		size_t r = one_char(c, in, inleft, out, outleft);

		if (r == (size_t)-1)
			return r;
		if (r == 0)
			continue;
		if (!(c->flags & (F_TRANSLIT | F_IGNORE))) {
			*in = in0, *inleft = il0, *out = out0, *outleft = ol0;
			errno = EILSEQ;
			return (size_t)-1;
		}
		*out = out0;	/* drop musl's '*' */
		*outleft = ol0;
		if (c->flags & F_TRANSLIT) {
			if (*outleft == 0) {
				*in = in0, *inleft = il0;
				errno = E2BIG;
				return (size_t)-1;
			}
			*(*out)++ = '?';	/* XXX: for ASCII-compatible targets */
			(*outleft)--;
			irrev++;
		} else {
			c->skipped++;
		}
	}
	if (c->skipped) {
		c->skipped = 0;
		errno = EILSEQ;
		return (size_t)-1;
	}
	return irrev;
}

size_t lx_iconv(iconv_t h, char **in, size_t *inleft, char **out,
	size_t *outleft)
{
	struct lx_iconv *c = (struct lx_iconv *)h;
	char *in0, *out0;
	size_t il0, ol0, r;
	int e;

	if (h == (iconv_t)-1 || !h) {
		errno = EBADF;
		return (size_t)-1;
	}
	if (!in || !*in)	/* reset, or flush the shift state */
		return iconv(c->cd, in, inleft, out, outleft);
	in0 = *in, out0 = out ? *out : NULL;
	il0 = *inleft, ol0 = outleft ? *outleft : 0;
	r = iconv(c->cd, in, inleft, out, outleft);
	if (r == 0 || r == (size_t)-1 || !out)
		return r;
	/* musl replaced something: find it */
	*in = in0, *inleft = il0, *out = out0, *outleft = ol0;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	e = errno;
	r = slow(c, in, inleft, out, outleft);
	if (r != (size_t)-1)
		errno = e;	/* the probing's EINVALs are not the guest's */
	return r;
}
