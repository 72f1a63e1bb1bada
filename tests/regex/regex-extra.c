/*
 * tests/regex/regex-extra.c: the checks of the differential regex test
 * outside its table (regex-test.h): API protocols, each printing one line
 * (regerror's truncation, register allocation, the fastmap, re_comp and
 * re_exec, the syntax global, the buffer's flag bits, regexec's flags).
 */
#include "regex-test.h"

#include <stdlib.h>
#include <string.h>

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

void
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
