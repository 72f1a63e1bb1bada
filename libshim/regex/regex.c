/*
 * glibc's regex API for guests: POSIX regcomp/regexec/regerror/regfree
 * on glibc's regex_t and 4-byte regmatch_t, and the GNU API
 * (re_compile_pattern, re_search[_2], re_match[_2], re_set_syntax,
 * re_syntax_options, re_compile_fastmap, re_set_registers, re_comp,
 * re_exec) with struct re_registers and the REGS_* protocol.
 * musl's regex is not used: the shim has its own engine (parse.c,
 * bracket.c, emit.c, exec.c) so that GNU syntax bits,
 * translate tables, strings with NULs and glibc's match choices hold.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "regex-int.h"

lx_reg_syntax_t lx_re_syntax_options;
int lx_re_max_failures = 2000;

/* The live re_syntax_options: the guest's copy (COPY relocation), else
 * lx_re_syntax_options. */
extern void *lx_live_lx_re_syntax_options;

static lx_reg_syntax_t *
syntax_var(void)
{
	return lx_live_lx_re_syntax_options;
}

static const char *const errmsg[LX_REG_NERR] = {
	[LX_REG_NOERROR] = "Success",
	[LX_REG_NOMATCH] = "No match",
	[LX_REG_BADPAT] = "Invalid regular expression",
	[LX_REG_ECOLLATE] = "Invalid collation character",
	[LX_REG_ECTYPE] = "Invalid character class name",
	[LX_REG_EESCAPE] = "Trailing backslash",
	[LX_REG_ESUBREG] = "Invalid back reference",
	[LX_REG_EBRACK] = "Unmatched [, [^, [:, [., or [=",
	[LX_REG_EPAREN] = "Unmatched ( or \\(",
	[LX_REG_EBRACE] = "Unmatched \\{",
	[LX_REG_BADBR] = "Invalid content of \\{\\}",
	[LX_REG_ERANGE] = "Invalid range end",
	[LX_REG_ESPACE] = "Memory exhausted",
	[LX_REG_BADRPT] = "Invalid preceding regular expression",
	[LX_REG_EEND] = "Premature end of regular expression",
	[LX_REG_ESIZE] = "Regular expression too big",
	[LX_REG_ERPAREN] = "Unmatched ) or \\)",
};
_Static_assert(sizeof errmsg / sizeof errmsg[0] == 17, "errmsg complete");

static void
set_flag(struct lx_re_pattern_buffer *b, unsigned mask, int on)
{
	b->flags = (unsigned char)(on ? b->flags | mask : b->flags & ~mask);
}

static struct rx_prog *
prog_of(const struct lx_re_pattern_buffer *b)
{
	struct rx_prog *p = b->buffer;

	return p != NULL && p->magic == RX_MAGIC ? p : NULL;
}

static void
drop_prog(struct lx_re_pattern_buffer *b)
{
	struct rx_prog *p = prog_of(b);

	if (p != NULL)
		rx_free(p);
	else
		free(b->buffer);	/* glibc reallocates it too */
	b->buffer = NULL;
	b->allocated = 0;
	b->used = 0;
}

/* The compiler behind regcomp, re_compile_pattern and re_comp. */
static int
compile(struct lx_re_pattern_buffer *b, const char *pat, size_t len,
    lx_reg_syntax_t syntax)
{
	struct rx_prog *p;
	int err;

	drop_prog(b);
	b->syntax = syntax;
	b->re_nsub = 0;
	b->flags &= ~(LX_REPB_NOT_BOL | LX_REPB_NOT_EOL | LX_REPB_REGS_MASK |
	    LX_REPB_FASTMAP_ACCURATE);
	err = rx_compile(&p, pat, len, syntax, b->translate);
	if (err != 0)
		return err;
	b->buffer = p;
	b->allocated = b->used = sizeof *p;
	b->re_nsub = p->nsub;
	return 0;
}

int
lx_re_compile_fastmap(struct lx_re_pattern_buffer *b)
{
	struct rx_prog *p = prog_of(b);

	if (p == NULL || b->fastmap == NULL)
		return 0;
	set_flag(b, LX_REPB_CAN_BE_NULL, rx_fastmap(p, b->fastmap));
	set_flag(b, LX_REPB_FASTMAP_ACCURATE, 1);
	return 0;
}

int
lx_regcomp(lx_regex_t *preg, const char *pattern, int cflags)
{
	lx_reg_syntax_t syntax = (cflags & LX_REG_EXTENDED) ?
	    LX_RE_SYNTAX_POSIX_EXTENDED : LX_RE_SYNTAX_POSIX_BASIC;
	int err;

	preg->buffer = NULL;
	preg->allocated = 0;
	preg->used = 0;
	preg->fastmap = malloc(256);
	if (preg->fastmap == NULL)
		return LX_REG_ESPACE;
	if (cflags & LX_REG_ICASE)
		syntax |= LX_RE_ICASE;
	if (cflags & LX_REG_NEWLINE) {
		syntax &= ~LX_RE_DOT_NEWLINE;
		syntax |= LX_RE_HAT_LISTS_NOT_NEWLINE;
	}
	set_flag(preg, LX_REPB_NEWLINE_ANCHOR, cflags & LX_REG_NEWLINE);
	set_flag(preg, LX_REPB_NO_SUB, cflags & LX_REG_NOSUB);
	preg->translate = NULL;
	err = compile(preg, pattern, strlen(pattern), syntax);
	if (err == LX_REG_ERPAREN)
		err = LX_REG_EPAREN;	/* POSIX knows one paren error */
	if (err == 0)
		lx_re_compile_fastmap(preg);
	else {
		free(preg->fastmap);
		preg->fastmap = NULL;
	}
	return err;
}

static void
subject_init(struct rx_subject *s, const struct lx_re_pattern_buffer *b,
    const char *str, size_t len, size_t stop, int eflags)
{
	s->s = (const unsigned char *)str;
	s->len = len;
	s->stop = stop;
	s->not_bol = (eflags & LX_REG_NOTBOL) != 0;
	s->not_eol = (eflags & LX_REG_NOTEOL) != 0;
	s->nl_anchor = (b->flags & LX_REPB_NEWLINE_ANCHOR) != 0;
}

int
lx_regexec(const lx_regex_t *preg, const char *string, size_t nmatch,
    lx_regmatch_t *pmatch, int eflags)
{
	const struct rx_prog *p = prog_of(preg);
	struct rx_subject sub;
	lx_regoff_t *caps = NULL;
	size_t start = 0, len, i;
	long r;

	if (eflags & ~(LX_REG_NOTBOL | LX_REG_NOTEOL | LX_REG_STARTEND))
		return LX_REG_BADPAT;
	if (p == NULL)
		return LX_REG_BADPAT;
	memset(&sub, 0, sizeof sub);
	sub.utf8 = p->utf8;
	if (eflags & LX_REG_STARTEND) {
		if (pmatch[0].rm_so < 0 || pmatch[0].rm_eo < pmatch[0].rm_so)
			return LX_REG_NOMATCH;
		start = (size_t)pmatch[0].rm_so;
		len = (size_t)pmatch[0].rm_eo;
	} else
		len = strlen(string);
	if (preg->flags & LX_REPB_NO_SUB)
		nmatch = 0;
	if (nmatch > 0 &&
	    (caps = malloc(2 * (p->nsub + 1) * sizeof *caps)) == NULL)
		return LX_REG_ESPACE;
	subject_init(&sub, preg, string, len, len, eflags);
	r = rx_search(p, &sub, start, len, caps);
	for (i = 0; r >= 0 && i < nmatch; i++) {
		pmatch[i].rm_so = i <= p->nsub ? caps[2 * i] : -1;
		pmatch[i].rm_eo = i <= p->nsub ? caps[2 * i + 1] : -1;
	}
	free(caps);
	return r >= 0 ? 0 : r == -1 ? LX_REG_NOMATCH : LX_REG_ESPACE;
}

/* regexec@GLIBC_2.2.5 predates REG_STARTEND and ignores unknown flags. */
int
lx_regexec_2_2_5(const lx_regex_t *preg, const char *string, size_t nmatch,
    lx_regmatch_t *pmatch, int eflags)
{
	return lx_regexec(preg, string, nmatch, pmatch,
	    eflags & (LX_REG_NOTBOL | LX_REG_NOTEOL));
}

size_t
lx_regerror(int errcode, const lx_regex_t *preg, char *errbuf,
    size_t errbuf_size)
{
	const char *msg;
	size_t n;

	(void)preg;
	if (errcode < 0 || errcode >= LX_REG_NERR)
		abort();	/* as glibc does */
	msg = errmsg[errcode];
	n = strlen(msg) + 1;
	if (errbuf_size != 0) {
		size_t cp = n < errbuf_size ? n - 1 : errbuf_size - 1;
		memcpy(errbuf, msg, cp);
		errbuf[cp] = '\0';
	}
	return n;
}

void
lx_regfree(lx_regex_t *preg)
{
	drop_prog(preg);
	free(preg->fastmap);
	preg->fastmap = NULL;
	free(preg->translate);
	preg->translate = NULL;
}

lx_reg_syntax_t
lx_re_set_syntax(lx_reg_syntax_t syntax)
{
	lx_reg_syntax_t *v = syntax_var(), old = *v;

	*v = syntax;
	return old;
}

const char *
lx_re_compile_pattern(const char *pattern, size_t length,
    struct lx_re_pattern_buffer *b)
{
	lx_reg_syntax_t syntax = *syntax_var();
	int err;

	set_flag(b, LX_REPB_NO_SUB, (syntax & LX_RE_NO_SUB) != 0);
	set_flag(b, LX_REPB_NEWLINE_ANCHOR, 1);
	err = compile(b, pattern, length, syntax);
	return err ? errmsg[err] : NULL;
}

/* The pattern of re_comp/re_exec. */
static struct lx_re_pattern_buffer re_comp_buf;

char *
lx_re_comp(const char *s)
{
	struct lx_re_pattern_buffer *b = &re_comp_buf;
	char *fastmap;
	int err;

	if (s == NULL)
		return b->buffer ? NULL :
		    (char *)"No previous regular expression";
	if (b->buffer != NULL) {
		fastmap = b->fastmap;
		b->fastmap = NULL;
		lx_regfree(b);
		memset(b, 0, sizeof *b);
		b->fastmap = fastmap;
	}
	if (b->fastmap == NULL && (b->fastmap = malloc(256)) == NULL)
		return (char *)errmsg[LX_REG_ESPACE];
	set_flag(b, LX_REPB_NEWLINE_ANCHOR, 1);
	err = compile(b, s, strlen(s), *syntax_var());
	if (err == 0)
		return NULL;
	return (char *)errmsg[err];
}

int
lx_re_exec(const char *s)
{
	int len = (int)strlen(s);

	return lx_re_search(&re_comp_buf, s, len, 0, len, NULL) >= 0;
}
