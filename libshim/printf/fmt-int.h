/*
 * Internals shared by the printf formatter's files: fmt.c (the driver,
 * the output buffer and the text conversions), spec.c (the format and its
 * arguments), number.c and float.c (the numeric conversions).
 */
#ifndef LX_PRINTF_FMT_INT_H
#define LX_PRINTF_FMT_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "lx/printf.h"

enum {
	F_ALT = 1, F_GROUP = 2, F_PLUS = 4, F_SPACE = 8, F_LEFT = 16,
	F_ZERO = 32, F_I18N = 64,
};
enum len { L_NONE, L_HH, L_H, L_L, L_LL, L_BIGL, L_J, L_Z, L_T };

struct conv {
	const char *lit;	/* literal text before the conversion */
	size_t litlen;
	const char *spec;	/* the '%' */
	int flags, width, prec;	/* width 0 / prec -1: not given */
	int width_arg, prec_arg, data_arg;	/* -1: none */
	int nargs;		/* data arguments */
	enum len len;
	unsigned short user;
	int c;			/* conversion; 0: the format ends in it; -1:
				   no conversion (trailing literal) */
	int ext;		/* a registered handler formats it */
};

union val {
	int i;
	long l;
	long long ll;
	double d;
	long double ld;
	void *p;
};

struct parse {
	struct conv *cv;
	size_t ncv, cvcap;
	int *types, *sizes;
	size_t nargs, argcap;
	size_t seq;
	/* room for the usual format without malloc */
	struct conv cv_in[16];
	int types_in[32], sizes_in[32];
};

#define PARSE_INIT(ps) do {						\
	memset(&(ps), 0, offsetof(struct parse, cv_in));		\
	(ps).cv = (ps).cv_in;						\
	(ps).cvcap = sizeof (ps).cv_in / sizeof *(ps).cv_in;		\
	(ps).types = (ps).types_in;					\
	(ps).sizes = (ps).sizes_in;					\
	(ps).argcap = sizeof (ps).types_in / sizeof *(ps).types_in;	\
} while (0)

/* spec.c: the format and its arguments. */
void fmt_parse_free(struct parse *ps);
/* Parses FMT into PS (set up by PARSE_INIT): 0, or -1 with errno set. */
int fmt_parse(const char *fmt, struct parse *ps);
int fmt_fetch_args(struct parse *ps, union val *vals, void **ptrs,
    va_list *ap);
/* CV as <printf.h>'s struct printf_info, for registered functions. */
void fmt_info_of(const struct conv *cv, struct lx_printf_info *in);

/* fmt.c: output into the buffer; each returns 0, or -1 with errno set. */
int fmt_put(struct lx_fmtbuf *b, const char *s, size_t n);
int fmt_fill(struct lx_fmtbuf *b, char c, size_t n);
int fmt_musl_conv(struct lx_fmtbuf *b, const char *spec, ...)
    __attribute__((format(printf, 2, 3)));
void fmt_musl_spec(char *s, const struct conv *cv, const char *len, int c);
int fmt_put_padded(struct lx_fmtbuf *b, const struct conv *cv,
    const char *s, size_t n);
int fmt_put_number(struct lx_fmtbuf *b, const struct conv *cv,
    const char *prefix, const char *digits, size_t nd, size_t zeros,
    int zeropad);
const char *fmt_sign(const struct conv *cv, int neg);

/* number.c and float.c: the numeric conversions of the value at V. */
unsigned long long fmt_uint_arg(const struct conv *cv, const union val *v,
    int type);
int fmt_conv_int(struct lx_fmtbuf *b, const struct conv *cv,
    const union val *v, int type);
int fmt_conv_binary(struct lx_fmtbuf *b, const struct conv *cv,
    unsigned long long v);
int fmt_conv_pointer(struct lx_fmtbuf *b, const struct conv *cv, void *p);
int fmt_conv_unknown(struct lx_fmtbuf *b, const struct conv *cv);
int fmt_conv_float(struct lx_fmtbuf *b, const struct conv *cv,
    const union val *v, int type);

#endif
