/*
 * Differential test of glibc's regex ABI.  Built twice: against the
 * system glibc (the oracle, ORACLE defined) and against libshim's
 * regex linked with musl (shim-names.h maps the names).  Each case
 * prints one line: compile result, match result, every register, error
 * codes and messages.  Run without arguments it prints the lines; given
 * the oracle's output file it compares line by line and ends with
 * "N passed, N failed" (exit status 1 on a failure).
 *
 * This file runs the items and compares; the table of cases is
 * regex-cases.c, the checks of API protocols regex-extra.c
 * (regex-test.h).
 */
#include "regex-test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[8192];
static size_t outn;

void
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

void
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

/* The line for item I (a table case or an extra check), in out[]. */
static void
run_item(size_t i)
{
	outn = 0;
	out[0] = '\0';
	if (i < regex_ncases) {
		const struct tcase *c = &regex_cases[i];
		put("%zu: ", i);
		if (c->kind == K_POSIX || c->kind == K_STARTEND)
			run_posix(c);
		else
			run_gnu(c);
	} else {
		put("x%zu: ", i - regex_ncases);
		run_extra((int)(i - regex_ncases));
	}
}

/* Prints PAT (and the subject) of case I readably, for failure reports. */
static void
describe(size_t i)
{
	const unsigned char *p;

	if (i >= regex_ncases)
		return;
	printf("  pattern \"");
	for (p = (const unsigned char *)regex_cases[i].pat; *p; p++)
		printf(*p < ' ' || *p >= 0x7f ? "\\x%02x" : "%c", *p);
	printf("\" subject \"");
	for (p = (const unsigned char *)regex_cases[i].s1; *p; p++)
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
	size_t i, n = regex_ncases + NEXTRA, len;
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
