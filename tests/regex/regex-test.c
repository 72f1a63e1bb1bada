/*
 * Differential test of glibc's regex ABI.  Built twice: against the
 * system glibc (the oracle, ORACLE defined) and against libshim's
 * regex linked with musl (shim-names.h maps the names).  Each case
 * prints one line: compile result, match result, every register, error
 * codes and messages.  Run without arguments it prints the lines; given
 * the oracle's output file it compares line by line and ends with
 * "N passed, N failed" (exit status 1 on a failure).
 */
#ifdef ORACLE
#define _GNU_SOURCE
#include <regex.h>
#include "lx/regex.h"
#define PB_NOT_BOL(b, v) ((b)->not_bol = (v))
#define PB_NOT_EOL(b, v) ((b)->not_eol = (v))
#define PB_NEWLINE_ANCHOR(b, v) ((b)->newline_anchor = (v))
#define PB_GET_NEWLINE_ANCHOR(b) ((b)->newline_anchor)
#define PB_GET_NO_SUB(b) ((b)->no_sub)
#define PB_GET_REGS(b) ((b)->regs_allocated)
#define PB_SET_REGS(b, v) ((b)->regs_allocated = (v))
char *re_comp(const char *);
int re_exec(const char *);
#else
#include "shim-names.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_POSIX, K_STARTEND, K_SEARCH, K_MATCH, K_SEARCH2, K_MATCH2 };

/* Options of GNU-API cases. */
#define O_NOTBOL	0x01	/* buffer->not_bol = 1 */
#define O_NOTEOL	0x02
#define O_NONL		0x04	/* newline_anchor = 0 once compiled */
#define O_TRANS		0x08	/* translate table: tolower */
#define O_NOREGS	0x10	/* regs == NULL */
#define O_FIXED		0x20	/* REGS_FIXED with 3 registers */

struct tcase {
	int kind;
	unsigned long syn;	/* cflags or reg_syntax_t */
	const char *pat;
	int plen;		/* -1: strlen */
	const char *s1;
	int l1;			/* -1: strlen */
	const char *s2;
	int l2;
	int start, range, stop;	/* STARTEND: rm_so, rm_eo */
	int opt;		/* eflags (POSIX) or O_* */
};

#define E REG_EXTENDED
#define B 0
#define P(cf, p, s, ef) { K_POSIX, cf, p, -1, s, -1, 0, 0, 0, 0, 0, ef }
#define PS(cf, p, s, so, eo, ef) \
	{ K_STARTEND, cf, p, -1, s, -1, 0, 0, so, eo, 0, ef }
#define G(sy, p, s, st, rg, o) \
	{ K_SEARCH, sy, p, -1, s, -1, 0, 0, st, rg, 0, o }
#define GL(sy, p, pl, s, sl, st, rg, o) \
	{ K_SEARCH, sy, p, pl, s, sl, 0, 0, st, rg, 0, o }
#define M(sy, p, s, st, o) { K_MATCH, sy, p, -1, s, -1, 0, 0, st, 0, 0, o }
#define G2(sy, p, a, b, st, rg, sp, o) \
	{ K_SEARCH2, sy, p, -1, a, -1, b, -1, st, rg, sp, o }
#define M2(sy, p, a, b, st, sp, o) \
	{ K_MATCH2, sy, p, -1, a, -1, b, -1, st, 0, sp, o }

#define SB RE_SYNTAX_POSIX_BASIC
#define SE RE_SYNTAX_POSIX_EXTENDED
#define SG RE_SYNTAX_GREP
#define SEG RE_SYNTAX_EGREP
#define SAWK RE_SYNTAX_GNU_AWK
#define SEM RE_SYNTAX_EMACS

static const struct tcase cases[] = {
	/* BRE basics */
	P(B, "abc", "xabcy", 0),
	P(B, "a.c", "abc", 0),
	P(B, "a*", "aaa", 0),
	P(B, "a*b", "xaaab", 0),
	P(B, "*a", "x*a", 0),
	P(B, "\\(*a\\)", "*a", 0),
	P(B, "a\\{2\\}", "aaaa", 0),
	P(B, "a\\{2,\\}", "aaaa", 0),
	P(B, "a\\{1,2\\}", "aaaa", 0),
	P(B, "a\\{,2\\}", "aaaa", 0),
	P(B, "a\\{0\\}b", "ab", 0),
	P(B, "a+", "a+", 0),
	P(B, "a\\+", "aaa", 0),
	P(B, "a\\?b", "b", 0),
	P(B, "a\\|b", "b", 0),
	P(B, "a|b", "a|b", 0),
	P(B, "\\(a\\)\\(b\\)", "ab", 0),
	P(B, "\\(a*\\)*", "b", 0),
	P(B, "\\(a*\\)*", "aa", 0),
	P(B, "\\(a*\\)\\+", "b", 0),
	P(B, "\\(ab\\)*c", "ababc", 0),
	P(B, "a**", "aa", 0),
	P(B, "a*\\{2\\}", "aa", 0),
	P(B, "\\{1\\}a", "a", 0),
	P(B, "a\\{1", "a", 0),
	P(B, "a\\{1,2", "a", 0),
	P(B, "a\\{x\\}", "a", 0),
	P(B, "a\\{2,1\\}", "a", 0),
	P(B, "a\\{32768\\}", "a", 0),
	P(B, "a\\{,\\}", "aaa", 0),
	P(B, "\\(a", "a", 0),
	P(B, "a\\)", "a", 0),
	P(B, "a\\", "a", 0),
	P(B, "\\(\\)", "a", 0),
	/* anchors */
	P(B, "^a", "a", 0),
	P(B, "^a", "ba", 0),
	P(B, "a^b", "a^b", 0),
	P(B, "a$b", "a$b", 0),
	P(B, "a$", "ba", 0),
	P(B, "\\(^a\\)", "a", 0),
	P(B, "x\\(^a\\)", "xa", 0),
	P(B, "b\\|^a", "a", 0),
	P(B, "\\(a$\\)", "a", 0),
	P(B, "a$\\|b", "a", 0),
	P(B, "^*", "*", 0),
	P(B, "^$", "", 0),
	P(B, "$", "abc", 0),
	P(B, "^", "abc", REG_NOTBOL),
	P(B, "^a", "a", REG_NOTBOL),
	P(B, "a$", "a", REG_NOTEOL),
	P(E, "a^b", "a^b", 0),
	P(E, "a|^b", "b", 0),
	P(E, "(^a)", "a", 0),
	P(E, "^*a", "a", 0),
	P(E, "a$|b", "a", 0),
	P(E, "x$*", "x", 0),
	/* ERE basics, alternation, leftmost-longest */
	P(E, "a|ab", "ab", 0),
	P(E, "ab|a", "ab", 0),
	P(E, "(a|ab)(c|bcd)(d*)", "abcd", 0),
	P(E, "x(a|ab)(bc|c)", "xabc", 0),
	P(E, "(a|b)*c", "abc", 0),
	P(E, "(a|(b))*", "ba", 0),
	P(E, "(a*)(ab)*b", "aab", 0),
	P(E, "(a*)+", "b", 0),
	P(E, "(a*)*", "aa", 0),
	P(E, "(a+|b)*", "ab", 0),
	P(E, "(a+|b)+", "ab", 0),
	P(E, "(a+|b){0,}", "ab", 0),
	P(E, "(a|b)?.*", "b", 0),
	P(E, "(.*)c(.*)", "abcde", 0),
	P(E, "(.*)(.*)", "ab", 0),
	P(E, "(a?)((ab)?)", "ab", 0),
	P(E, "(a?)((ab)?)(b?)", "ab", 0),
	P(E, "((a)|b)+", "ab", 0),
	P(E, "(wee|week)(knights|night)", "weeknights", 0),
	P(E, "(a|ab)(bcd|c)", "abcd", 0),
	P(E, "a{2}", "aaa", 0),
	P(E, "a{,2}", "aaa", 0),
	P(E, "a{1", "a{1", 0),
	P(E, "a{1,2", "a", 0),
	P(E, "a{x}", "a{x}", 0),
	P(E, "a{", "a{", 0),
	P(E, "{1}a", "a", 0),
	P(E, "a{1}{2}", "aa", 0),
	P(E, "a{1,", "a", 0),
	P(E, "a{1}{", "a", 0),
	P(E, "()*", "", 0),
	P(E, "a{1,2}{3}", "aaaaaaa", 0),
	P(E, "a{,}", "aaa", 0),
	P(E, "(a{2})*", "aaaaa", 0),
	P(E, "(a{0,2}){2}", "aaa", 0),
	P(E, "(a*){2}", "aa", 0),
	P(E, "(a?){3}", "aa", 0),
	P(E, "(ab|a)(bc|c)?", "abc", 0),
	/* empty iterations through assertions (found by fuzzing) */
	P(E, "(^)*", "x", 0),
	P(E, "(^)?", "x", 0),
	P(E, "(^)?a", "a", 0),
	P(E, "(^|a)*", "x", 0),
	P(E, "(a*|^)*", "x", 0),
	P(E, "(^a*)*", "x", 0),
	P(E, "(^)+", "x", 0),
	P(E, "x(\\>)*", "x", 0),
	P(E, "((^)|a)+", "x", 0),
	P(E, "(((^)))*", "x", 0),
	P(E, "a+?", "aa", 0),
	P(E, "a**", "aa", 0),
	P(E, "*a", "a", 0),
	P(E, "a|*b", "b", 0),
	P(E, "(*a)", "a", 0),
	P(E, "+a", "a", 0),
	P(E, "a||b", "b", 0),
	P(E, "(|a)", "a", 0),
	P(E, "()", "", 0),
	P(E, "a)", "a)", 0),
	P(E, "(a", "a", 0),
	P(E, "a\\", "a", 0),
	P(E, "\\(a\\)", "(a)", 0),
	P(E, "a\\{2\\}", "a{2}", 0),
	/* back-references */
	P(B, "\\(a\\)\\1", "xaa", 0),
	P(B, "\\(a*\\)b\\1", "aabaa", 0),
	P(B, "\\(a*\\)b\\1", "aaba", 0),
	P(B, "\\(.*\\)\\1", "abab", 0),
	P(B, "\\(.*\\)x\\1", "abxab", 0),
	P(B, "\\(a\\)\\2", "aa", 0),
	P(B, "\\(a\\1\\)", "aa", 0),
	P(B, "\\(a\\)\\|\\1", "a", 0),
	P(B, "\\(a\\|b\\)*\\1", "abb", 0),
	P(E, "(a)\\1", "xaa", 0),
	P(E, "(.)(.)\\2\\1", "xabba", 0),
	P(E, "(a*)\\1", "aaaa", 0),
	P(E, "(a)|\\1", "x", 0),
	P(REG_EXTENDED | REG_ICASE, "(a)\\1", "aA", 0),
	/* bracket expressions */
	P(B, "[abc]", "xbz", 0),
	P(B, "[^abc]", "abcd", 0),
	P(B, "[]a]", "]", 0),
	P(B, "[^]a]", "]ab", 0),
	P(B, "[a-]", "-", 0),
	P(B, "[-a]", "-", 0),
	P(B, "[a-c-e]", "d", 0),
	P(B, "[z-a]", "z", 0),
	P(B, "[a-a]", "a", 0),
	P(B, "[--/]", ".", 0),
	P(B, "[[:alpha:]]*", "ab1", 0),
	P(B, "[[:digit:][:space:]]*", "1 2a", 0),
	P(B, "[[:upper:]]", "aB", 0),
	P(B, "[[:foo:]]", "a", 0),
	P(B, "[[:alpha:]", "a", 0),
	P(B, "[[:alpha", "a", 0),
	P(B, "[abc", "a", 0),
	P(B, "[", "a", 0),
	P(B, "[^", "a", 0),
	P(B, "a[", "a", 0),
	P(B, "[a-\\", "a", 0),
	P(B, "[]", "a", 0),
	P(B, "[[::]]", "a", 0),
	P(B, "[[..]]", "a", 0),
	P(B, "[[==]]", "a", 0),
	P(B, "[[:]]", "a", 0),
	P(B, "[[=a=]]", "ba", 0),
	P(B, "[[=ab=]]", "ba", 0),
	P(B, "[[.-.]]", "a-", 0),
	P(B, "[[.hyphen.]]", "-", 0),
	P(B, "[[.a.]-c]", "b", 0),
	P(B, "[[:alpha:]-z]", "b", 0),
	P(B, "[a-[:alpha:]]", "b", 0),
	P(B, "[\\n]", "\\", 0),
	P(B, "[[]", "[", 0),
	P(B, "[a[]", "[", 0),
	P(B, "[[:punct:]]", "a,", 0),
	P(B, "[[:xdigit:]]*", "fFg", 0),
	P(B, "[[:blank:]]", "a\tb", 0),
	P(B, "[[:cntrl:]]", "a\x01", 0),
	P(B, "[[:graph:]]", " x", 0),
	P(B, "[[:print:]]", "\x01 ", 0),
	P(B, "[\x80-\xff]", "a\xe9", 0),
	P(E, "[^a]", "\n", 0),
	P(REG_EXTENDED | REG_NEWLINE, "[^a]", "\n", 0),
	/* case folding */
	P(REG_ICASE, "abc", "xABC", 0),
	P(REG_ICASE, "[a-c]*", "AbC", 0),
	P(REG_ICASE, "[[:lower:]]*", "AbC", 0),
	P(REG_ICASE, "[[:upper:]]*", "aBc", 0),
	P(REG_ICASE, "[^a]", "A", 0),
	P(REG_ICASE, "[^a]", "Ab", 0),
	/* newline handling */
	P(B, "a.b", "a\nb", 0),
	P(REG_NEWLINE, "a.b", "a\nb", 0),
	P(REG_NEWLINE, "^b", "a\nb", 0),
	P(REG_NEWLINE, "a$", "a\nb", 0),
	P(B, "^b", "a\nb", 0),
	P(REG_NEWLINE, "^b", "a\nb", REG_NOTBOL),
	P(REG_NEWLINE | E, "^$", "a\n\nb", 0),
	/* GNU operators */
	P(B, "\\<foo\\>", "a foo b", 0),
	P(B, "\\bfoo\\b", "afoo foo", 0),
	P(B, "\\Boo", "foo", 0),
	P(B, "\\B", " ", 0),
	P(B, "\\b", " ", 0),
	P(B, "\\w\\+", "  abc_1 ", 0),
	P(B, "\\W\\+", "ab  ,cd", 0),
	P(B, "\\s\\+", "ab \t c", 0),
	P(B, "\\S\\+", "  ab ", 0),
	P(B, "\\`a", "ab", 0),
	P(B, "b\\'", "ab", 0),
	P(B, "\\`a", "ab", REG_NOTBOL),
	P(B, "b\\'", "ab", REG_NOTEOL),
	P(B, "\\<", "  ", 0),
	P(B, "\\>", "a", 0),
	P(E, "\\<(a|b)*\\>", "x ab y", 0),
	P(B, "\\b*", "*", 0),
	P(E, "\\w+@\\w+", "me@x y", 0),
	P(B, "\\d", "d1", 0),
	P(B, "\\n", "n", 0),
	/* REG_NOSUB and more registers */
	P(REG_NOSUB, "a\\(b\\)", "ab", 0),
	P(E, "((((((((((a))))))))))", "a", 0),
	P(E, "((((((((((a))))))))))\\10", "aa0", 0),
	/* REG_STARTEND */
	PS(B, "b", "abcb", 2, 4, 0),
	PS(B, "^c", "abc", 2, 3, 0),
	PS(REG_NEWLINE, "^c", "a\nc", 2, 3, 0),
	PS(B, "a", "ab\0a", 3, 4, 0),
	PS(B, "\\<c", "abc", 2, 3, 0),
	PS(B, "b$", "abc", 0, 2, 0),
	PS(B, "b$", "abc", 0, 2, REG_NOTEOL),
	/* GNU API: re_search */
	G(SB, "b", "abcb", 0, 4, 0),
	G(SB, "b", "abcb", 2, 2, 0),
	G(SB, "b", "abcb", 3, -3, 0),
	G(SB, "b", "abcb", 2, -2, 0),
	G(SB, "b", "abcb", 4, -4, 0),
	G(SB, "b", "abcb", 0, 0, 0),
	G(SB, "b", "abcb", 1, 0, 0),
	G(SB, "b", "abcb", 5, 0, 0),
	G(SB, "b", "abcb", -1, 3, 0),
	G(SB, "b", "abcb", 0, 100, 0),
	G(SB, "b", "abcb", 3, -100, 0),
	G(SB, "", "abc", 3, 0, 0),
	G(SB, "x*", "abc", 1, 2, 0),
	G(SB, "^b", "abc", 1, 1, 0),
	G(SB, "^b", "a\nb", 0, 3, 0),
	G(SB, "^b", "a\nb", 0, 3, O_NONL),
	G(SB, "a$", "a\nb", 0, 3, 0),
	G(SB, "a$", "a\nb", 0, 3, O_NONL),
	G(SB, "^a", "ab", 0, 2, O_NOTBOL),
	G(SB, "b$", "ab", 0, 2, O_NOTEOL),
	G(SB, "\\<b", "ab b", 1, 3, 0),
	G(SB, "\\bb", "ab", 1, 0, 0),
	G(SB, "\\Bb", "ab", 1, 0, 0),
	G(SB, "\\`b", "ab", 1, 0, 0),
	G(SB, "\\(a*\\)\\(b\\)", "xaab", 0, 4, 0),
	G(SB, "\\(a*\\)\\(b\\)", "xaab", 0, 4, O_NOREGS),
	G(SB, "\\(a\\)\\(b\\)\\(c\\)\\(d\\)", "abcd", 0, 4, O_FIXED),
	G(SB, "a", "A", 0, 1, O_TRANS),
	G(SB, "A", "a", 0, 1, O_TRANS),
	G(SB, "[A-C]*", "abc", 0, 1, O_TRANS),
	G(SB, "\\(a\\)\\1", "aA", 0, 1, O_TRANS),
	GL(SB, "a.c", -1, "xa\0c", 4, 0, 4, 0),
	GL(SE, "a\0c", 3, "xa\0c", 4, 0, 4, 0),
	GL(SE, "[^x]+", -1, "\0\0x", 3, 0, 3, 0),
	GL(SB, "b$", -1, "ab\0", 2, 0, 2, 0),
	G(SB, "\\(a\\|b\\)*", "abab", 0, 4, 0),
	G(SB, "a\\{1,2\\}", "aaa", 0, 3, 0),
	G(SB, "a+?|", "a+?|", 0, 3, 0),
	G(SE, "a+", "xaa", 0, 3, 0),
	G(SE, "a|b", "cb", 0, 2, 0),
	G(SE, "(a)|b", "b", 0, 1, 0),
	G(SE, "a{1", "a{1", 0, 1, 0),
	G(SG, "a\nb", "xb", 0, 2, 0),
	G(SG, "a**", "aa", 0, 2, 0),
	G(SG, "a\\{1,2\\}*", "aaa", 0, 2, 0),
	G(SG, "^*a", "*a", 0, 2, 0),
	G(SEG, "a{1", "a{1", 0, 1, 0),
	G(SEG, "a{1,x}", "a{1,x}", 0, 1, 0),
	G(SEG, "a\nb", "xb", 0, 2, 0),
	G(SEG, "*a", "*a", 0, 2, 0),
	G(SEG, "a|*b", "*b", 0, 2, 0),
	G(SAWK, "a{1", "a{1", 0, 1, 0),
	G(SAWK, "[\\]]", "]", 0, 1, 0),
	G(SAWK, "*a", "*a", 0, 2, 0),
	G(SAWK, "\\w", "a", 0, 1, 0),
	G(RE_SYNTAX_AWK, "\\w", "wa", 0, 2, 0),
	G(RE_SYNTAX_AWK, "a.", "a\0", 0, 2, 0),
	G(RE_SYNTAX_POSIX_AWK, "a{2}", "aa", 0, 1, 0),
	G(SEM, "\\(a\\)\\|b", "b", 0, 1, 0),
	G(SEM, "a+b?", "a+b?", 0, 1, 0),
	G(SEM, "a\\{2\\}", "a{2}", 0, 1, 0),
	G(SEM, "a.", "a\n", 0, 1, 0),
	G(SEM, "[^a]", "\n", 0, 1, 0),
	G(RE_SYNTAX_POSIX_MINIMAL_BASIC, "a\\+", "a+", 0, 1, 0),
	G(RE_SYNTAX_POSIX_MINIMAL_BASIC, "a\\|b", "a|b", 0, 1, 0),
	G(RE_SYNTAX_POSIX_MINIMAL_EXTENDED, "(a)\\1", "a1", 0, 1, 0),
	G(RE_SYNTAX_POSIX_MINIMAL_EXTENDED, "*a", "a", 0, 1, 0),
	G(SB | RE_ICASE, "ab", "AB", 0, 1, 0),
	G(SB | RE_NO_SUB, "\\(a\\)", "a", 0, 1, 0),
	G(SB | RE_NO_SUB, "\\(a\\)", "a", 0, 1, O_FIXED),
	G(SB | RE_NO_SUB, "\\(a\\)\\(b\\)\\(c\\)", "abc", 0, 1, O_FIXED),
	G(SB | RE_NO_GNU_OPS, "\\w\\<", "w<", 0, 1, 0),
	G(SB & ~RE_NO_EMPTY_RANGES, "[z-a]b", "b", 0, 1, 0),
	G(SB & ~RE_DOT_NOT_NULL, "a.", "a\0", 0, 1, 0),
	G(SB & ~RE_CHAR_CLASSES, "[[:alpha:]]", "a]", 0, 2, 0),
	G(SB & ~RE_INTERVALS, "a\\{2\\}", "a{2}", 0, 1, 0),
	G(SB | RE_BACKSLASH_ESCAPE_IN_LISTS, "[\\]]", "]", 0, 1, 0),
	G(SB | RE_CONTEXT_INDEP_ANCHORS, "a^", "a^", 0, 1, 0),
	G(SB | RE_NO_BK_REFS, "\\(a\\)\\1", "a1", 0, 1, 0),
	G(SB | RE_HAT_LISTS_NOT_NEWLINE, "[^a]", "\n", 0, 1, 0),
	G(SE & ~RE_UNMATCHED_RIGHT_PAREN_ORD, "a)", "a)", 0, 1, 0),
	G(SE & ~RE_DOT_NEWLINE, "a.", "a\n", 0, 1, 0),
	G(SE, "(", "(", 0, 1, 0),
	G(SE, "[[:bogus:]]", "a", 0, 1, 0),
	G(SB, "\\(", "(", 0, 1, 0),
	G(SB, "\\)", ")", 0, 1, 0),
	/* re_match */
	M(SB, "a*", "aab", 0, 0),
	M(SB, "a*", "baa", 0, 0),
	M(SB, "a*", "baa", 1, 0),
	M(SB, "b", "ab", 0, 0),
	M(SB, "\\(a\\)\\|b", "b", 0, 0),
	M(SE, "(a|ab)(c|bcd)", "abcd", 0, 0),
	M(SE, "a+$", "aa\nb", 0, 0),
	M(SE, "a+$", "aa\nb", 0, O_NONL),
	M(SB, "x", "abc", 4, 0),
	/* re_search_2 / re_match_2 */
	G2(SB, "bc", "ab", "cd", 0, 4, 4, 0),
	G2(SB, "\\(b\\)\\(c\\)", "ab", "cd", 0, 4, 4, 0),
	G2(SB, "d", "ab", "cd", 0, 4, 3, 0),
	G2(SB, "c$", "ab", "cd", 0, 4, 3, 0),
	G2(SB, "b", "", "ab", 0, 2, 2, 0),
	G2(SB, "b", "ab", "", 0, 2, 2, 0),
	G2(SB, "x", "ab", "", 0, 2, -1, 0),
	M2(SB, "abc", "ab", "cd", 0, 4, 0),
	M2(SB, "a.*", "ab", "cd", 0, 3, 0),
};

#define NCASES (sizeof cases / sizeof cases[0])

static char out[8192];
static size_t outn;

static void
put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#include <stdarg.h>
static void
put(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (outn < sizeof out)
		outn += (size_t)vsnprintf(out + outn, sizeof out - outn, fmt,
		    ap);
	va_end(ap);
}

static void
run_posix(const struct tcase *c)
{
	regex_t re;
	regmatch_t m[12];
	char msg[80];
	int err, i;

	memset(&re, 0, sizeof re);
	err = regcomp(&re, c->pat, (int)c->syn);
	regerror(err, &re, msg, sizeof msg);
	put("comp=%d (%s)", err, msg);
	if (err != 0)
		return;
	put(" nsub=%zu", re.re_nsub);
	for (i = 0; i < 12; i++)
		m[i].rm_so = m[i].rm_eo = -7;
	if (c->kind == K_STARTEND) {
		m[0].rm_so = c->start;
		m[0].rm_eo = c->range;
		err = regexec(&re, c->s1, 12, m, c->opt | REG_STARTEND);
	} else
		err = regexec(&re, c->s1, 12, m, c->opt);
	regerror(err, &re, msg, sizeof msg);
	put(" exec=%d (%s)", err, msg);
	for (i = 0; err == 0 && i < 12; i++)
		put(" %d,%d", m[i].rm_so, m[i].rm_eo);
	regfree(&re);
}

static unsigned char lower[256];

static void
put_regs(int ret, const struct re_registers *r, int fixed)
{
	unsigned i;

	put(" ret=%d", ret);
	if (r->num_regs == 0 || (ret < 0 && !fixed))
		return;
	put(" regs(%u)", r->num_regs);
	for (i = 0; i < r->num_regs; i++)
		put(" %d,%d", r->start[i], r->end[i]);
}

static void
run_gnu(const struct tcase *c)
{
	struct re_pattern_buffer pb;
	struct re_registers regs = { 0, NULL, NULL };
	regoff_t fs[3] = { -9, -9, -9 }, fe[3] = { -9, -9, -9 };
	const char *err;
	int len = c->l1 < 0 ? (int)strlen(c->s1) : c->l1;
	int l2 = c->s2 ? (int)strlen(c->s2) : 0, ret = 0, i;

	memset(&pb, 0, sizeof pb);
	if (c->opt & O_TRANS) {
		pb.translate = malloc(256);
		for (i = 0; i < 256; i++)
			pb.translate[i] = lower[i];
	}
	re_set_syntax(c->syn);
	err = re_compile_pattern(c->pat, c->plen < 0 ? strlen(c->pat) :
	    (size_t)c->plen, &pb);
	put("comp=%s", err ? err : "ok");
	if (err != NULL)
		goto out;
	put(" nsub=%zu nl=%d nosub=%d", pb.re_nsub,
	    (int)PB_GET_NEWLINE_ANCHOR(&pb), (int)PB_GET_NO_SUB(&pb));
	PB_NOT_BOL(&pb, !!(c->opt & O_NOTBOL));
	PB_NOT_EOL(&pb, !!(c->opt & O_NOTEOL));
	if (c->opt & O_NONL)
		PB_NEWLINE_ANCHOR(&pb, 0);
	if (c->opt & O_FIXED) {
		re_set_registers(&pb, &regs, 3, fs, fe);
		PB_SET_REGS(&pb, REGS_FIXED);
	}
	switch (c->kind) {
	case K_SEARCH:
		ret = re_search(&pb, c->s1, len, c->start, c->range,
		    (c->opt & O_NOREGS) ? NULL : &regs);
		break;
	case K_MATCH:
		ret = re_match(&pb, c->s1, len, c->start,
		    (c->opt & O_NOREGS) ? NULL : &regs);
		break;
	case K_SEARCH2:
		ret = re_search_2(&pb, c->s1, len, c->s2, l2, c->start,
		    c->range, (c->opt & O_NOREGS) ? NULL : &regs,
		    c->stop < 0 ? len + l2 : c->stop);
		break;
	case K_MATCH2:
		ret = re_match_2(&pb, c->s1, len, c->s2, l2, c->start,
		    (c->opt & O_NOREGS) ? NULL : &regs, c->stop);
		break;
	}
	put_regs(ret, &regs, (c->opt & O_FIXED) != 0);
	put(" alloc=%d", (int)PB_GET_REGS(&pb));
	if (!(c->opt & O_FIXED)) {
		free(regs.start);
		free(regs.end);
	}
out:
	regfree(&pb);
}

/* Checks outside the table: API protocols; each prints one line. */
static void
extra_regerror(int n)
{
	char buf[8];
	size_t r;

	memset(buf, 'x', sizeof buf);
	r = regerror(n, NULL, buf, n == REG_EBRACK ? 5 : 1);
	put("regerror(%d) small: %zu \"%s\"", n, r, buf);
	r = regerror(n, NULL, NULL, 0);
	put(" null: %zu", r);
}

static void
extra_regs_protocol(void)
{
	struct re_pattern_buffer pb;
	struct re_registers regs = { 0, NULL, NULL };
	regoff_t *s, *e;
	int r;

	memset(&pb, 0, sizeof pb);
	re_set_syntax(RE_SYNTAX_POSIX_EXTENDED);
	re_compile_pattern("(a)(b)?", 7, &pb);
	put("alloc0=%d", (int)PB_GET_REGS(&pb));
	r = re_search(&pb, "xab", 3, 0, 3, &regs);
	put_regs(r, &regs, 0);
	put(" alloc1=%d", (int)PB_GET_REGS(&pb));
	r = re_search(&pb, "xa", 2, 0, 2, &regs);
	put_regs(r, &regs, 0);
	/* shrink: REGS_REALLOCATE keeps the larger arrays */
	s = malloc(2 * sizeof *s);
	e = malloc(2 * sizeof *e);
	free(regs.start);
	free(regs.end);
	re_set_registers(&pb, &regs, 2, s, e);
	put(" alloc2=%d", (int)PB_GET_REGS(&pb));
	r = re_search(&pb, "ab", 2, 0, 2, &regs);
	put_regs(r, &regs, 0);
	s = regs.start;		/* reallocated by the search */
	e = regs.end;
	re_set_registers(&pb, &regs, 0, NULL, NULL);
	put(" alloc3=%d n=%u", (int)PB_GET_REGS(&pb), regs.num_regs);
	free(s);
	free(e);
	regfree(&pb);
}

static void
extra_fastmap(void)
{
	struct re_pattern_buffer pb;
	int r;

	memset(&pb, 0, sizeof pb);
	pb.fastmap = malloc(256);
	re_set_syntax(RE_SYNTAX_POSIX_BASIC);
	re_compile_pattern("b\\|c", 4, &pb);
	r = re_compile_fastmap(&pb);
	put("fastmap r=%d a=%d b=%d c=%d", r, pb.fastmap['a'],
	    pb.fastmap['b'], pb.fastmap['c']);
	r = re_search(&pb, "aaac", 4, 0, 4, NULL);
	put(" search=%d", r);
	regfree(&pb);
	put(" freed=%d", pb.fastmap == NULL);
}

static void
extra_re_comp(void)
{
	char *m;

	re_set_syntax(RE_SYNTAX_POSIX_BASIC);
	m = re_comp(NULL);
	put("null=%s", m ? m : "NULL");
	m = re_comp("a\\(b\\)*c");
	put(" comp=%s", m ? m : "NULL");
	put(" exec=%d,%d", re_exec("xabbc"), re_exec("xbc"));
	m = re_comp(NULL);
	put(" null2=%s", m ? m : "NULL");
	m = re_comp("a\\(");
	put(" bad=%s", m ? m : "NULL");
	m = re_comp("^b");
	put(" nl=%d", re_exec("a\nb"));
}

static void
extra_syntax(void)
{
	reg_syntax_t old = re_set_syntax(RE_SYNTAX_GREP);
	reg_syntax_t now = re_set_syntax(old);

	put("syntax %#lx %#lx", (unsigned long)now,
	    (unsigned long)re_syntax_options);
	re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
	put(" set %#lx", (unsigned long)re_set_syntax(0));
}

static void
extra_layout(void)
{
#ifdef ORACLE
	regex_t r;
	unsigned char *p = (unsigned char *)&r;

	memset(&r, 0, sizeof r);
	r.newline_anchor = 1;
	r.no_sub = 1;
	r.regs_allocated = REGS_FIXED;
	r.not_eol = 1;
	put("flags %#x", p[56]);
#else
	put("flags %#x", LX_REPB_NEWLINE_ANCHOR | LX_REPB_NO_SUB |
	    LX_REPB_NOT_EOL | (REGS_FIXED << LX_REPB_REGS_SHIFT));
#endif
}

static void
extra_regexec_flags(void)
{
	regex_t re;
	regmatch_t m[1];
	int r;

	regcomp(&re, "a", 0);
	r = regexec(&re, "a", 1, m, 8);
	put("badflags=%d", r);
	r = regexec(&re, "a", 0, NULL, 0);
	put(" nomatch-arg=%d", r);
	regfree(&re);
	regcomp(&re, "\\(a\\)", REG_NOSUB);
	m[0].rm_so = 77;
	r = regexec(&re, "a", 1, m, 0);
	put(" nosub=%d %d", r, m[0].rm_so);
	regfree(&re);
}

#define NEXTRA 11

static void
run_extra(int i)
{
	switch (i) {
	case 0: extra_regerror(REG_EBRACK); break;
	case 1: extra_regerror(REG_NOERROR); break;
	case 2: extra_regerror(REG_ERPAREN); break;
	case 3: extra_regs_protocol(); break;
	case 4: extra_fastmap(); break;
	case 5: extra_re_comp(); break;
	case 6: extra_syntax(); break;
	case 7: extra_layout(); break;
	case 8: extra_regexec_flags(); break;
	case 9: extra_regerror(REG_BADRPT); break;
	case 10: extra_regerror(REG_EEND); break;
	}
}

/* The line for item I (a table case or an extra check), in out[]. */
static void
run_item(size_t i)
{
	outn = 0;
	out[0] = '\0';
	if (i < NCASES) {
		const struct tcase *c = &cases[i];
		put("%zu: ", i);
		if (c->kind == K_POSIX || c->kind == K_STARTEND)
			run_posix(c);
		else
			run_gnu(c);
	} else {
		put("x%zu: ", i - NCASES);
		run_extra((int)(i - NCASES));
	}
}

/* Prints PAT (and the subject) of case I readably, for failure reports. */
static void
describe(size_t i)
{
	const unsigned char *p;

	if (i >= NCASES)
		return;
	printf("  pattern \"");
	for (p = (const unsigned char *)cases[i].pat; *p; p++)
		printf(*p < ' ' || *p >= 0x7f ? "\\x%02x" : "%c", *p);
	printf("\" subject \"");
	for (p = (const unsigned char *)cases[i].s1; *p; p++)
		printf(*p < ' ' || *p >= 0x7f ? "\\x%02x" : "%c", *p);
	printf("\"\n");
}

/*
 * "-f": POSIX cases from stdin, one per line, "CFLAGS<TAB>PATTERN<TAB>
 * SUBJECT" (for ad-hoc fuzzing: feed both builds, diff the outputs).
 */
static int
run_stdin(void)
{
	static char line[8192];
	struct tcase c;
	char *p, *s;
	size_t n = 0, len;

	memset(&c, 0, sizeof c);
	while (fgets(line, sizeof line, stdin) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if ((p = strchr(line, '\t')) == NULL ||
		    (s = strchr(p + 1, '\t')) == NULL)
			continue;
		*p++ = '\0';
		*s++ = '\0';
		c.kind = K_POSIX;
		c.syn = strtoul(line, NULL, 0);
		c.pat = p;
		c.s1 = s;
		outn = 0;
		put("%zu: ", n++);
		run_posix(&c);
		printf("%s\n", out);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	size_t i, n = NCASES + NEXTRA, len;
	unsigned pass = 0, fail = 0;
	char line[8192];
	FILE *f = NULL;

	for (i = 0; i < 256; i++)
		lower[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);
	if (argc > 1 && strcmp(argv[1], "-f") == 0)
		return run_stdin();
	if (argc > 1 && (f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	for (i = 0; i < n; i++) {
		run_item(i);
		if (f == NULL) {
			printf("%s\n", out);
			continue;
		}
		if (fgets(line, sizeof line, f) == NULL)
			line[0] = '\0';
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (strcmp(line, out) == 0) {
			pass++;
			continue;
		}
		fail++;
		printf("FAIL\n  glibc: %s\n  shim:  %s\n", line, out);
		describe(i);
	}
	if (f == NULL)
		return 0;
	fclose(f);
	printf("%u passed, %u failed\n", pass, fail);
	return fail != 0;
}
