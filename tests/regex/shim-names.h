/*
 * Maps glibc's regex names onto the shim's lx_* ones, so that
 * regex-test.c, written against <regex.h>, calls libshim's regex with
 * glibc's types (include/lx/regex.h) when built with musl.
 */
#ifndef SHIM_NAMES_H
#define SHIM_NAMES_H

#include "lx/regex.h"

#define regex_t lx_regex_t
#define regmatch_t lx_regmatch_t
#define regoff_t lx_regoff_t
#define reg_syntax_t lx_reg_syntax_t
#define re_pattern_buffer lx_re_pattern_buffer
#define re_registers lx_re_registers

#define regcomp lx_regcomp
#define regexec lx_regexec
#define regerror lx_regerror
#define regfree lx_regfree
#define re_set_syntax lx_re_set_syntax
#define re_syntax_options lx_re_syntax_options
#define re_compile_pattern lx_re_compile_pattern
#define re_compile_fastmap lx_re_compile_fastmap
#define re_search lx_re_search
#define re_search_2 lx_re_search_2
#define re_match lx_re_match
#define re_match_2 lx_re_match_2
#define re_set_registers lx_re_set_registers
#define re_comp lx_re_comp
#define re_exec lx_re_exec

#define RE_SYNTAX_EMACS LX_RE_SYNTAX_EMACS
#define RE_SYNTAX_AWK LX_RE_SYNTAX_AWK
#define RE_SYNTAX_GNU_AWK LX_RE_SYNTAX_GNU_AWK
#define RE_SYNTAX_POSIX_AWK LX_RE_SYNTAX_POSIX_AWK
#define RE_SYNTAX_GREP LX_RE_SYNTAX_GREP
#define RE_SYNTAX_EGREP LX_RE_SYNTAX_EGREP
#define RE_SYNTAX_SED LX_RE_SYNTAX_SED
#define RE_SYNTAX_POSIX_BASIC LX_RE_SYNTAX_POSIX_BASIC
#define RE_SYNTAX_POSIX_MINIMAL_BASIC LX_RE_SYNTAX_POSIX_MINIMAL_BASIC
#define RE_SYNTAX_POSIX_EXTENDED LX_RE_SYNTAX_POSIX_EXTENDED
#define RE_SYNTAX_POSIX_MINIMAL_EXTENDED LX_RE_SYNTAX_POSIX_MINIMAL_EXTENDED
#define RE_ICASE LX_RE_ICASE
#define RE_NO_SUB LX_RE_NO_SUB
#define RE_NO_GNU_OPS LX_RE_NO_GNU_OPS
#define RE_NEWLINE_ALT LX_RE_NEWLINE_ALT
#define RE_DOT_NEWLINE LX_RE_DOT_NEWLINE
#define RE_DOT_NOT_NULL LX_RE_DOT_NOT_NULL
#define RE_HAT_LISTS_NOT_NEWLINE LX_RE_HAT_LISTS_NOT_NEWLINE
#define RE_NO_EMPTY_RANGES LX_RE_NO_EMPTY_RANGES
#define RE_BACKSLASH_ESCAPE_IN_LISTS LX_RE_BACKSLASH_ESCAPE_IN_LISTS
#define RE_CONTEXT_INDEP_ANCHORS LX_RE_CONTEXT_INDEP_ANCHORS
#define RE_CONTEXT_INDEP_OPS LX_RE_CONTEXT_INDEP_OPS
#define RE_CONTEXT_INVALID_OPS LX_RE_CONTEXT_INVALID_OPS
#define RE_CONTEXT_INVALID_DUP LX_RE_CONTEXT_INVALID_DUP
#define RE_INVALID_INTERVAL_ORD LX_RE_INVALID_INTERVAL_ORD
#define RE_INTERVALS LX_RE_INTERVALS
#define RE_LIMITED_OPS LX_RE_LIMITED_OPS
#define RE_NO_BK_REFS LX_RE_NO_BK_REFS
#define RE_UNMATCHED_RIGHT_PAREN_ORD LX_RE_UNMATCHED_RIGHT_PAREN_ORD
#define RE_CHAR_CLASSES LX_RE_CHAR_CLASSES

#define REG_EXTENDED LX_REG_EXTENDED
#define REG_ICASE LX_REG_ICASE
#define REG_NEWLINE LX_REG_NEWLINE
#define REG_NOSUB LX_REG_NOSUB
#define REG_NOTBOL LX_REG_NOTBOL
#define REG_NOTEOL LX_REG_NOTEOL
#define REG_STARTEND LX_REG_STARTEND
#define REG_NOERROR LX_REG_NOERROR
#define REG_NOMATCH LX_REG_NOMATCH
#define REG_EBRACK LX_REG_EBRACK
#define REG_ERPAREN LX_REG_ERPAREN
#define REG_BADRPT LX_REG_BADRPT
#define REG_EEND LX_REG_EEND
#define REGS_UNALLOCATED LX_REGS_UNALLOCATED
#define REGS_REALLOCATE LX_REGS_REALLOCATE
#define REGS_FIXED LX_REGS_FIXED

/* The pattern buffer's bit-fields, through the flags byte. */
#define GETBIT(b, m) (((b)->flags & (m)) != 0)
#define SETBIT(b, m, v) ((b)->flags = (unsigned char)((v) ? \
	(b)->flags | (m) : (b)->flags & ~(m)))
#define PB_NOT_BOL(b, v) SETBIT(b, LX_REPB_NOT_BOL, v)
#define PB_NOT_EOL(b, v) SETBIT(b, LX_REPB_NOT_EOL, v)
#define PB_NEWLINE_ANCHOR(b, v) SETBIT(b, LX_REPB_NEWLINE_ANCHOR, v)
#define PB_GET_NEWLINE_ANCHOR(b) GETBIT(b, LX_REPB_NEWLINE_ANCHOR)
#define PB_GET_NO_SUB(b) GETBIT(b, LX_REPB_NO_SUB)
#define PB_SET_REGS(b, v) ((b)->flags = (unsigned char)(((b)->flags & \
	~LX_REPB_REGS_MASK) | ((v) << LX_REPB_REGS_SHIFT)))
#define PB_GET_REGS(b) (((b)->flags & LX_REPB_REGS_MASK) >> \
	LX_REPB_REGS_SHIFT)

#endif
