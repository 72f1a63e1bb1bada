/*
 * glibc's regex ABI as guests see it: struct re_pattern_buffer (regex_t),
 * regmatch_t with a 4-byte regoff_t, struct re_registers, the RE_* syntax
 * bits, REG_* flags and error codes, and the lx_* entry points of
 * libshim/regex*.c.  Values and layouts are glibc's (checked against
 * /usr/include/regex.h of glibc 2.36).  Self-contained: compiled against
 * musl (the shim) and glibc (the differential test).
 */
#ifndef LX_REGEX_H
#define LX_REGEX_H

#include <stddef.h>

#include "lx/layout.h"

typedef unsigned long lx_reg_syntax_t;
typedef int lx_regoff_t;

/*
 * glibc declares the byte at offset 56 as bit-fields; x86-64 allocates
 * them from the least significant bit, so we name the bits instead
 * (checked at run time against glibc's bit-fields by tests/regex).
 */
#define LX_REPB_CAN_BE_NULL	0x01
#define LX_REPB_REGS_SHIFT	1
#define LX_REPB_REGS_MASK	0x06	/* LX_REGS_* << LX_REPB_REGS_SHIFT */
#define LX_REPB_FASTMAP_ACCURATE	0x08
#define LX_REPB_NO_SUB		0x10
#define LX_REPB_NOT_BOL		0x20
#define LX_REPB_NOT_EOL		0x40
#define LX_REPB_NEWLINE_ANCHOR	0x80

struct lx_re_pattern_buffer {
	void *buffer;			/* our compiled program */
	unsigned long allocated;
	unsigned long used;
	lx_reg_syntax_t syntax;
	char *fastmap;
	unsigned char *translate;
	size_t re_nsub;
	unsigned char flags;		/* LX_REPB_* bit-fields */
	unsigned char pad[7];
};
typedef struct lx_re_pattern_buffer lx_regex_t;

LX_LAYOUT(struct lx_re_pattern_buffer, 64,
	buffer, 0,
	allocated, 8,
	used, 16,
	syntax, 24,
	fastmap, 32,
	translate, 40,
	re_nsub, 48,
	flags, 56);

typedef struct {
	lx_regoff_t rm_so;
	lx_regoff_t rm_eo;
} lx_regmatch_t;
LX_LAYOUT(lx_regmatch_t, 8,
	rm_eo, 4);

struct lx_re_registers {
	unsigned num_regs;
	lx_regoff_t *start;
	lx_regoff_t *end;
};
LX_LAYOUT(struct lx_re_registers, 24,
	start, 8,
	end, 16);

#define LX_REGS_UNALLOCATED	0
#define LX_REGS_REALLOCATE	1
#define LX_REGS_FIXED		2
#define LX_RE_NREGS		30
#define LX_RE_DUP_MAX		0x7fff

/* Syntax bits (reg_syntax_t). */
#define LX_RE_BACKSLASH_ESCAPE_IN_LISTS	(1UL << 0)
#define LX_RE_BK_PLUS_QM		(1UL << 1)
#define LX_RE_CHAR_CLASSES		(1UL << 2)
#define LX_RE_CONTEXT_INDEP_ANCHORS	(1UL << 3)
#define LX_RE_CONTEXT_INDEP_OPS		(1UL << 4)
#define LX_RE_CONTEXT_INVALID_OPS	(1UL << 5)
#define LX_RE_DOT_NEWLINE		(1UL << 6)
#define LX_RE_DOT_NOT_NULL		(1UL << 7)
#define LX_RE_HAT_LISTS_NOT_NEWLINE	(1UL << 8)
#define LX_RE_INTERVALS			(1UL << 9)
#define LX_RE_LIMITED_OPS		(1UL << 10)
#define LX_RE_NEWLINE_ALT		(1UL << 11)
#define LX_RE_NO_BK_BRACES		(1UL << 12)
#define LX_RE_NO_BK_PARENS		(1UL << 13)
#define LX_RE_NO_BK_REFS		(1UL << 14)
#define LX_RE_NO_BK_VBAR		(1UL << 15)
#define LX_RE_NO_EMPTY_RANGES		(1UL << 16)
#define LX_RE_UNMATCHED_RIGHT_PAREN_ORD	(1UL << 17)
#define LX_RE_NO_POSIX_BACKTRACKING	(1UL << 18)
#define LX_RE_NO_GNU_OPS		(1UL << 19)
#define LX_RE_DEBUG			(1UL << 20)
#define LX_RE_INVALID_INTERVAL_ORD	(1UL << 21)
#define LX_RE_ICASE			(1UL << 22)
#define LX_RE_CARET_ANCHORS_HERE	(1UL << 23)
#define LX_RE_CONTEXT_INVALID_DUP	(1UL << 24)
#define LX_RE_NO_SUB			(1UL << 25)

#define LX_RE_SYNTAX_POSIX_COMMON \
	(LX_RE_CHAR_CLASSES | LX_RE_DOT_NEWLINE | LX_RE_DOT_NOT_NULL | \
	 LX_RE_INTERVALS | LX_RE_NO_EMPTY_RANGES)
#define LX_RE_SYNTAX_POSIX_BASIC \
	(LX_RE_SYNTAX_POSIX_COMMON | LX_RE_BK_PLUS_QM | \
	 LX_RE_CONTEXT_INVALID_DUP)
#define LX_RE_SYNTAX_POSIX_EXTENDED \
	(LX_RE_SYNTAX_POSIX_COMMON | LX_RE_CONTEXT_INDEP_ANCHORS | \
	 LX_RE_CONTEXT_INDEP_OPS | LX_RE_NO_BK_BRACES | \
	 LX_RE_NO_BK_PARENS | LX_RE_NO_BK_VBAR | \
	 LX_RE_CONTEXT_INVALID_OPS | LX_RE_UNMATCHED_RIGHT_PAREN_ORD)

#define LX_RE_SYNTAX_EMACS 0
#define LX_RE_SYNTAX_AWK \
	(LX_RE_BACKSLASH_ESCAPE_IN_LISTS | LX_RE_DOT_NOT_NULL | \
	 LX_RE_NO_BK_PARENS | LX_RE_NO_BK_REFS | LX_RE_NO_BK_VBAR | \
	 LX_RE_NO_EMPTY_RANGES | LX_RE_DOT_NEWLINE | \
	 LX_RE_CONTEXT_INDEP_ANCHORS | LX_RE_CHAR_CLASSES | \
	 LX_RE_UNMATCHED_RIGHT_PAREN_ORD | LX_RE_NO_GNU_OPS)
#define LX_RE_SYNTAX_GNU_AWK \
	((LX_RE_SYNTAX_POSIX_EXTENDED | LX_RE_BACKSLASH_ESCAPE_IN_LISTS | \
	  LX_RE_INVALID_INTERVAL_ORD) & ~(LX_RE_DOT_NOT_NULL | \
	  LX_RE_CONTEXT_INDEP_OPS | LX_RE_CONTEXT_INVALID_OPS))
#define LX_RE_SYNTAX_POSIX_AWK \
	(LX_RE_SYNTAX_POSIX_EXTENDED | LX_RE_BACKSLASH_ESCAPE_IN_LISTS | \
	 LX_RE_INTERVALS | LX_RE_NO_GNU_OPS | LX_RE_INVALID_INTERVAL_ORD)
#define LX_RE_SYNTAX_GREP \
	((LX_RE_SYNTAX_POSIX_BASIC | LX_RE_NEWLINE_ALT) & \
	 ~(LX_RE_CONTEXT_INVALID_DUP | LX_RE_DOT_NOT_NULL))
#define LX_RE_SYNTAX_EGREP \
	((LX_RE_SYNTAX_POSIX_EXTENDED | LX_RE_INVALID_INTERVAL_ORD | \
	  LX_RE_NEWLINE_ALT) & ~(LX_RE_CONTEXT_INVALID_OPS | \
	  LX_RE_DOT_NOT_NULL))
#define LX_RE_SYNTAX_POSIX_EGREP LX_RE_SYNTAX_EGREP
#define LX_RE_SYNTAX_ED LX_RE_SYNTAX_POSIX_BASIC
#define LX_RE_SYNTAX_SED LX_RE_SYNTAX_POSIX_BASIC
#define LX_RE_SYNTAX_POSIX_MINIMAL_BASIC \
	(LX_RE_SYNTAX_POSIX_COMMON | LX_RE_LIMITED_OPS)
#define LX_RE_SYNTAX_POSIX_MINIMAL_EXTENDED \
	(LX_RE_SYNTAX_POSIX_COMMON | LX_RE_CONTEXT_INDEP_ANCHORS | \
	 LX_RE_CONTEXT_INVALID_OPS | LX_RE_NO_BK_BRACES | \
	 LX_RE_NO_BK_PARENS | LX_RE_NO_BK_REFS | LX_RE_NO_BK_VBAR | \
	 LX_RE_UNMATCHED_RIGHT_PAREN_ORD)

/* regcomp/regexec flags (the same values as musl's, plus REG_STARTEND). */
#define LX_REG_EXTENDED	1
#define LX_REG_ICASE	2
#define LX_REG_NEWLINE	4
#define LX_REG_NOSUB	8
#define LX_REG_NOTBOL	1
#define LX_REG_NOTEOL	2
#define LX_REG_STARTEND	4

/* Error codes (glibc numbering; 0..13 coincide with musl's). */
enum {
	LX_REG_NOERROR, LX_REG_NOMATCH, LX_REG_BADPAT, LX_REG_ECOLLATE,
	LX_REG_ECTYPE, LX_REG_EESCAPE, LX_REG_ESUBREG, LX_REG_EBRACK,
	LX_REG_EPAREN, LX_REG_EBRACE, LX_REG_BADBR, LX_REG_ERANGE,
	LX_REG_ESPACE, LX_REG_BADRPT, LX_REG_EEND, LX_REG_ESIZE,
	LX_REG_ERPAREN, LX_REG_NERR
};

int lx_regcomp(lx_regex_t *preg, const char *pattern, int cflags);
int lx_regexec(const lx_regex_t *preg, const char *string, size_t nmatch,
    lx_regmatch_t *pmatch, int eflags);
int lx_regexec_2_2_5(const lx_regex_t *preg, const char *string,
    size_t nmatch, lx_regmatch_t *pmatch, int eflags);
size_t lx_regerror(int errcode, const lx_regex_t *preg, char *errbuf,
    size_t errbuf_size);
void lx_regfree(lx_regex_t *preg);

extern lx_reg_syntax_t lx_re_syntax_options;
lx_reg_syntax_t lx_re_set_syntax(lx_reg_syntax_t syntax);
const char *lx_re_compile_pattern(const char *pattern, size_t length,
    struct lx_re_pattern_buffer *buffer);
int lx_re_compile_fastmap(struct lx_re_pattern_buffer *buffer);
int lx_re_search(struct lx_re_pattern_buffer *buffer, const char *string,
    int length, int start, int range, struct lx_re_registers *regs);
int lx_re_search_2(struct lx_re_pattern_buffer *buffer, const char *string1,
    int length1, const char *string2, int length2, int start, int range,
    struct lx_re_registers *regs, int stop);
int lx_re_match(struct lx_re_pattern_buffer *buffer, const char *string,
    int length, int start, struct lx_re_registers *regs);
int lx_re_match_2(struct lx_re_pattern_buffer *buffer, const char *string1,
    int length1, const char *string2, int length2, int start,
    struct lx_re_registers *regs, int stop);
void lx_re_set_registers(struct lx_re_pattern_buffer *buffer,
    struct lx_re_registers *regs, unsigned num_regs, lx_regoff_t *starts,
    lx_regoff_t *ends);
char *lx_re_comp(const char *s);
int lx_re_exec(const char *s);
extern int lx_re_max_failures;

#endif
