/*
 * Differential test of libshim's random_r, its shadow and gshadow parsers
 * and parse_printf_format, a source built twice
 * (tests/difftest/difftest.h). Each case makes one record.
 */
#include "difftest.h"

/* ---- random_r --------------------------------------------------------- */

/* The generator's visible state: type word, type, degree, positions. */
static void
say_rd(const rd_t *rd, const int32_t *buf)
{
	dt_say("word=%d type=%d deg=%d sep=%d", (int)buf[0], rd->rand_type,
	       rd->rand_deg, rd->rand_sep);
	if (rd->rand_type > 0)
		dt_say(" f=%d r=%d e=%d", (int)(rd->fptr - rd->state),
		       (int)(rd->rptr - rd->state),
		       (int)(rd->end_ptr - rd->state));
}

static void
say_outputs(rd_t *rd, int count)
{
	int32_t v;
	int i, rc;

	for (i = 0; i < count; i++) {
		rc = F(random_r)(rd, &v);
		dt_say(" %d", rc ? -1 : (int)v);
	}
}

static void
test_random_sizes(void)
{
	static const size_t sizes[] = { 8, 9, 31, 32, 63, 64, 100, 128, 200,
		256, 300 };
	static const unsigned seeds[] = { 0, 1, 42, 12345, 0x7fffffff,
		0x80000000u, 0xffffffffu };
	int32_t buf[80];
	char name[64];
	rd_t rd;
	size_t i, j;
	int rc;

	for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
		for (j = 0; j < sizeof seeds / sizeof *seeds; j++) {
			memset(&rd, 0, sizeof rd);
			memset(buf, 0xaa, sizeof buf);
			rc = F(initstate_r)(seeds[j], (char *)buf, sizes[i],
					    &rd);
			dt_say("rc=%d ", rc);
			say_rd(&rd, buf);
			say_outputs(&rd, 60);
			dt_say(" |");
			say_rd(&rd, buf);
			snprintf(name, sizeof name, "random-%zu-%u", sizes[i],
				 seeds[j]);
			dt_done(name, NULL);
		}
}

static void
test_random_state(void)
{
	int32_t a[64], b[16];
	rd_t rd;
	int rc;

	memset(&rd, 0, sizeof rd);
	F(initstate_r)(7, (char *)a, sizeof a, &rd);
	say_outputs(&rd, 5);
	F(srandom_r)(99, &rd);
	say_outputs(&rd, 40);
	dt_say(" |");
	say_rd(&rd, a);
	dt_done("srandom_r", NULL);

	say_outputs(&rd, 13);
	F(initstate_r)(3, (char *)b, sizeof b, &rd);
	dt_say("a0=%d ", (int)a[0]);
	say_outputs(&rd, 9);
	rc = F(setstate_r)((char *)a, &rd);
	dt_say(" set=%d b0=%d ", rc, (int)b[0]);
	say_rd(&rd, a);
	say_outputs(&rd, 30);
	rc = F(setstate_r)((char *)b, &rd);
	dt_say(" set=%d ", rc);
	say_rd(&rd, b);
	say_outputs(&rd, 30);
	dt_done("setstate_r", NULL);

	/* A type 0 state saved and restored. */
	memset(&rd, 0, sizeof rd);
	F(initstate_r)(5, (char *)b, 8, &rd);
	say_outputs(&rd, 3);
	F(initstate_r)(6, (char *)a, sizeof a, &rd);
	say_outputs(&rd, 3);
	dt_say(" b0=%d b1=%d", (int)b[0], (int)b[1]);
	F(setstate_r)((char *)b, &rd);
	say_outputs(&rd, 5);
	F(setstate_r)((char *)a, &rd);
	say_outputs(&rd, 5);
	dt_done("setstate_r-type0", NULL);
}

static void
test_random_errors(void)
{
	rd_t *volatile none = NULL;
	int32_t *volatile nores = NULL;
	int32_t a[64], v;
	rd_t rd;
	int rc;

	memset(&rd, 0, sizeof rd);
	errno = 0;
	rc = F(initstate_r)(1, (char *)a, 7, &rd);
	dt_say("init7=%d/%d ", rc, errno);
	errno = 0;
	rc = F(initstate_r)(1, (char *)a, 0, &rd);
	dt_say("init0=%d/%d ", rc, errno);
	errno = 0;
	rc = F(initstate_r)(1, (char *)a, 8, none);
	dt_say("initnull=%d/%d ", rc, errno);
	errno = 0;
	rc = F(random_r)(none, &v);
	dt_say("rnull=%d/%d ", rc, errno);
	F(initstate_r)(1, (char *)a, sizeof a, &rd);
	errno = 0;
	rc = F(random_r)(&rd, nores);
	dt_say("resnull=%d/%d ", rc, errno);
	errno = 0;
	rc = F(srandom_r)(1, none);
	dt_say("snull=%d/%d ", rc, errno);
	rd.rand_type = 5;
	errno = 0;
	rc = F(srandom_r)(1, &rd);
	dt_say("stype5=%d/%d ", rc, errno);
	rd.rand_type = -1;
	errno = 0;
	rc = F(srandom_r)(1, &rd);
	dt_say("stype-1=%d/%d ", rc, errno);
	memset(&rd, 0, sizeof rd);
	F(initstate_r)(1, (char *)a, sizeof a, &rd);
	{
		int32_t bad[16] = { -1 };

		errno = 0;
		rc = F(setstate_r)((char *)bad, &rd);
		dt_say("setbad=%d/%d a0=%d ", rc, errno, (int)a[0]);
		bad[0] = 5 * 3 + 7;	/* 7 % 5 == 2: type 2, rear 4 */
		rc = F(setstate_r)((char *)bad, &rd);
		dt_say("set22=%d ", rc);
		say_rd(&rd, bad);
	}
	dt_done("random-errors", NULL);
}

/* ---- sgetspent -------------------------------------------------------- */

static void
test_sgetspent(void)
{
	static const char *const lines[] = {
		"root:*:19000:0:99999:7:::",
		"root:$6$abc$def:19000:0:99999:7:::\n",
		"user:!:19000::::::",
		"user:x:1:2:3:4:5:6:7",
		"user:x:1:2:3",
		"user:x:1:2:3\n",
		"user:x:1:2:3   ",
		"user:x:1:2:3:",
		"user:x:1:2:",
		"user:x:1:2",
		"user:x:1",
		"user:x",
		"user",
		"",
		"+nis",
		"-nis",
		"+nis:",
		"+",
		"u:x:-1:-5:4294967295:4294967296:2147483648:99999999999:-1",
		"u:x: 5:+6:007:0x10:::",
		"u:x:5a:::::",
		"u:x:1:2:3:4:5:6:",
		"u:x:1:2:3:4:5:6:7:8",
		"u:x:1:2:3:4:5::",
		"u:x:1:2:3:4:5:",
		"u:x:1:2:3: :::",
		"u:x:1:2:3:4::6:18446744073709551615",
		"u::::::::",
		":::::::::",
		"a:b\n:1:2:3",
		"u:x:1:2:3:4:5:6:7junk",
	};
	const spwd_t *s;
	char name[32];
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		errno = 0;
		s = F(sgetspent)(lines[i]);
		if (!s)
			dt_say("NULL");
		else
			dt_say("%s|%s|%ld|%ld|%ld|%ld|%ld|%ld|%lu", s->sp_namp,
			       s->sp_pwdp ? s->sp_pwdp : "(null)",
			       s->sp_lstchg, s->sp_min, s->sp_max,
			       s->sp_warn, s->sp_inact, s->sp_expire,
			       s->sp_flag);
		dt_say(" errno=%d", errno);
		snprintf(name, sizeof name, "sgetspent-%zu", i);
		dt_done(name, NULL);
	}
}

/* ---- gshadow ---------------------------------------------------------- */

static void
say_list(char **v)
{
	if (!v) {
		dt_say("(null)");
		return;
	}
	dt_say("[");
	for (; *v; v++)
		dt_say("<%s>", *v);
	dt_say("]");
}

static void
say_sgrp(const sgrp_t *g)
{
	if (!g) {
		dt_say("NULL");
		return;
	}
	dt_say("%s|%s|", g->sg_namp, g->sg_passwd ? g->sg_passwd : "(null)");
	say_list(g->sg_adm);
	dt_say("|");
	say_list(g->sg_mem);
}

static const char *const sg_lines[] = {
	"root:*::",
	"adm:!:root,bin:root,daemon,adm",
	"g:x:a, b ,,c:d,e,\n",
	"g:x:a:b:c",
	"g:x:a",
	"g:x",
	"g",
	"",
	"+nis",
	"-nis",
	"+nis:",
	"g::::",
	"g:x:,:,",
	"g:x:  a:  b",
	"g:x:a\tb,c:d e",
	":::",
	"g:x:a,b,c,d,e,f,g,h,i,j,k,l,m:n,o,p,q,r,s,t,u,v,w,x,y,z",
};

static void
test_sgetsgent(void)
{
	char name[32];
	sgrp_t *g;
	size_t i;

	for (i = 0; i < sizeof sg_lines / sizeof *sg_lines; i++) {
		errno = 0;
		g = F(sgetsgent)(sg_lines[i]);
		say_sgrp(g);
		dt_say(" errno=%d", errno);
		snprintf(name, sizeof name, "sgetsgent-%zu", i);
		dt_done(name, NULL);
	}
}

/* sgetsgent_r for every buffer size from 1 to 150: which ones fit. */
static void
test_sgetsgent_r(void)
{
	static const int picks[] = { 0, 1, 2, 3, 8, 10, 11, 12, 13, 16 };
	char buf[160], name[32];
	sgrp_t res, *r;
	size_t i, len;
	int rc;

	for (i = 0; i < sizeof picks / sizeof *picks; i++) {
		for (len = 1; len <= 150; len++) {
			errno = 0;
			r = (sgrp_t *)1;
			rc = F(sgetsgent_r)(sg_lines[picks[i]], &res, buf,
					    len, &r);
			dt_say("%c", rc == 0 ? (r == &res ? 'o' : '?') :
			       rc == ERANGE ? 'E' : 'x');
		}
		dt_say(" ");
		say_sgrp(r);
		snprintf(name, sizeof name, "sgetsgent_r-%d", picks[i]);
		dt_done(name, NULL);
	}
	errno = 0;
	rc = F(sgetsgent_r)("bad", &res, buf, sizeof buf, &r);
	dt_say("bad: rc=%d r=%s", rc, r ? "set" : "NULL");
	dt_done("sgetsgent_r-bad", NULL);
}

/* A file of gshadow lines: comments, blanks, malformed lines, a long one,
 * a last line without a newline. */
static FILE *
sg_file(char *path)
{
	FILE *f;
	int fd, i;

	strcpy(path, "/tmp/extratest-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, "w+");
	fputs("root:*::\n# comment\n\n   \n  lead:x:a:b\n", f);
	fputs("bad\nadm:!:root,bin:root,daemon\n+nis\n", f);
	fputs("long:x:", f);
	for (i = 0; i < 300; i++)
		fprintf(f, "%sadmin%d", i ? "," : "", i);
	fputs(":m\n\t#c2\nmid:x::\nlast:x:a:z", f);
	rewind(f);
	return f;
}

static void
test_fgetsgent(void)
{
	char path[64];
	sgrp_t *g;
	FILE *f = sg_file(path);

	if (!f) {
		dt_done("fgetsgent", "no temp file");
		return;
	}
	for (;;) {
		errno = 0;
		g = F(fgetsgent)(f);
		if (g && !strcmp(g->sg_namp, "long"))
			dt_say("long:%zu ",
			       g->sg_adm ? (size_t)(g->sg_adm[299] -
						    g->sg_adm[0]) : 0);
		else
			say_sgrp(g);
		dt_say(" e=%d\n", errno);
		if (!g)
			break;
	}
	errno = 0;
	g = F(fgetsgent)(f);
	say_sgrp(g);
	dt_say(" e=%d", errno);
	dt_done("fgetsgent", NULL);
	fclose(f);
	unlink(path);
}

/* fgetsgent_r with each buffer size: result, and where the stream is. */
static void
test_fgetsgent_r(void)
{
	char path[64], buf[200];
	sgrp_t res, *r;
	size_t len;
	FILE *f = sg_file(path);
	int rc;

	if (!f) {
		dt_done("fgetsgent_r", "no temp file");
		return;
	}
	for (len = 1; len <= 64; len++) {
		fseek(f, 9, SEEK_SET);	/* at "# comment" */
		errno = 0;
		rc = F(fgetsgent_r)(f, &res, buf, len, &r);
		dt_say("%zu:%d/%d@%ld%s ", len, rc, errno, ftell(f),
		       r ? "" : "N");
	}
	dt_done("fgetsgent_r-sizes", NULL);
	rewind(f);
	while ((rc = F(fgetsgent_r)(f, &res, buf, sizeof buf, &r)) != ENOENT) {
		dt_say("%d:", rc);
		if (rc == 0)
			say_sgrp(r);
		dt_say(" ");
		if (rc == ERANGE)	/* the long line: skip it */
			fgets(buf, sizeof buf, f), fgets(buf, sizeof buf, f);
	}
	dt_say("end r=%s", r ? "set" : "NULL");
	dt_done("fgetsgent_r", NULL);
	fclose(f);
	unlink(path);
}

static void
test_getsgent(void)
{
	char buf[1024];
	sgrp_t res, *r, *g;
	int rc, n = 0;

	F(setsgent)();
	while ((g = F(getsgent)()) != NULL) {
		say_sgrp(g);
		dt_say("\n");
		n++;
	}
	dt_say("n=%d e=%d", n, errno);
	dt_done("getsgent", NULL);
	F(setsgent)();
	errno = 0;
	rc = F(getsgent_r)(&res, buf, 5, &r);
	dt_say("small=%d/%d/%s ", rc, errno, r ? "set" : "NULL");
	rc = F(getsgent_r)(&res, buf, sizeof buf, &r);
	dt_say("big=%d ", rc);
	say_sgrp(r);
	while ((rc = F(getsgent_r)(&res, buf, sizeof buf, &r)) == 0)
		;
	dt_say(" end=%d/%s", rc, r ? "set" : "NULL");
	F(endsgent)();
	g = F(getsgent)();
	dt_say(" again=%s", g ? g->sg_namp : "NULL");
	F(endsgent)();
	dt_done("getsgent_r", NULL);
}

static void
test_getsgnam(void)
{
	char buf[1024];
	sgrp_t res, *r, *g;
	int rc;

	errno = 0;
	g = F(getsgnam)("root");
	say_sgrp(g);
	dt_say(" e=%d ", errno);
	errno = 0;
	g = F(getsgnam)("no-such-group-here");
	say_sgrp(g);
	dt_say(" e=%d ", errno);
	errno = 0;
	r = &res;
	rc = F(getsgnam_r)("no-such-group-here", &res, buf, sizeof buf, &r);
	dt_say("r-missing=%d/%d/%s ", rc, errno, r ? "set" : "NULL");
	errno = 0;
	rc = F(getsgnam_r)("adm", &res, buf, 5, &r);
	dt_say("r-small=%d/%d/%s ", rc, errno, r ? "set" : "NULL");
	errno = 0;
	rc = F(getsgnam_r)("adm", &res, buf, sizeof buf, &r);
	dt_say("r-adm=%d ", rc);
	say_sgrp(r);
	dt_done("getsgnam", NULL);
}

static void
test_putsgent(void)
{
	char *adm[] = { "root", "bin", NULL }, *mem[] = { "x", NULL };
	char *badl[] = { "a,b", NULL }, *badc[] = { "a:b", NULL };
	char *empty[] = { NULL }, text[512];
	sgrp_t g = { "grp", "pw", adm, mem };
	FILE *f = tmpfile();
	size_t n;

	dt_say("%d ", F(putsgent)(&g, f));
	g.sg_passwd = NULL;
	g.sg_adm = NULL;
	dt_say("%d ", F(putsgent)(&g, f));
	g.sg_adm = empty;
	g.sg_mem = empty;
	dt_say("%d ", F(putsgent)(&g, f));
	g.sg_mem = NULL;
	dt_say("%d ", F(putsgent)(&g, f));
	g.sg_mem = badl;
	errno = 0;
	dt_say("%d/%d ", F(putsgent)(&g, f), errno);
	g.sg_mem = badc;
	errno = 0;
	dt_say("%d/%d ", F(putsgent)(&g, f), errno);
	g.sg_mem = mem;
	g.sg_passwd = "a:b";
	errno = 0;
	dt_say("%d/%d ", F(putsgent)(&g, f), errno);
	g.sg_passwd = "p,q";
	dt_say("%d ", F(putsgent)(&g, f));
	g.sg_namp = "n\nl";
	errno = 0;
	dt_say("%d/%d ", F(putsgent)(&g, f), errno);
	g.sg_namp = NULL;
	errno = 0;
	dt_say("%d/%d ", F(putsgent)(&g, f), errno);
	rewind(f);
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	dt_say("%s", text);
	fclose(f);
	dt_done("putsgent", NULL);
}

/* ---- parse_printf_format ---------------------------------------------- */

static void
test_printf_format(void)
{
	static const char *const fmts[] = {
		"", "plain", "%%", "%d", "%i%u%o%x%X", "%hhd %hd %ld %lld",
		"%Ld %qd %jd %zd %Zd %td", "%hhu %hu %lu %llu", "%c %lc %C",
		"%s %ls %S", "%p %n %hn %ln %lln", "%f %e %g %a %E %G %A %F",
		"%lf %Lf %Le %llf %qf", "%m", "%m %d %m", "%5d %-5s %05.3f",
		"%*d", "%.*d", "%*.*f", "%-*.*s|%+ #0'Id", "%1$d", "%2$s %1$d",
		"%3$p", "%2$*1$d", "%3$.*2$f %1$d", "%1$*2$.*3$d",
		"%2$d %2$ld", "%1$s %s", "%s %1$s", "%*1$d", "%.*2$d",
		"%0$d", "%10$d %1$d", "%b %B %hhb %lb", "%k %y %w",
		"%lll d", "%hhhd", "%", "abc%", "%5", "%-", "%*", "%.*",
		"%.", "%l", "%ll", "%1$", "%1$*", "%*5d", "%.*5d",
		"%99999999999$d", "%*99999999999$d", "%2147483647$d",
		"%.d %.5s %.f", "%#x %#o %+d % d", "%I d", "%'d",
		"%1$n %2$hhn", "%3$m %d", "%2$m",
		"%jx %zx %tx %jn", "%hc %hs %hp %Lc", "%ls%lc%lS",
		"%d%d%d%d%d%d%d%d%d%d", "%*d %*d %*d",
	};
	int types[24], i, j;
	size_t k, r, r1, r0;
	char name[32];

	for (k = 0; k < sizeof fmts / sizeof *fmts; k++) {
		for (i = 0; i < 24; i++)
			types[i] = -7;
		r = F(parse_printf_format)(fmts[k], 24, types);
		r1 = F(parse_printf_format)(fmts[k], 1, types + 20);
		r0 = F(parse_printf_format)(fmts[k], 0, NULL);
		dt_say("%zu/%zu/%zu:", r, r1, r0);
		for (j = 0; j < 24; j++)
			dt_say(" %x", (unsigned)types[j]);
		snprintf(name, sizeof name, "printf-format-%zu", k);
		dt_done(name, NULL);
	}
	/* The values of the constants. */
	types[0] = -1;
	F(parse_printf_format)("%lx", 1, types);
	dt_done("printf-constants", types[0] == (PA_INT | PA_FLAG_LONG) ?
		"" : "wrong");
}

int
main(int argc, char **argv)
{
	dt_start(argc, argv);
	test_random_sizes();
	test_random_state();
	test_random_errors();
	test_sgetspent();
	test_sgetsgent();
	test_sgetsgent_r();
	test_fgetsgent();
	test_fgetsgent_r();
	test_getsgent();
	test_getsgnam();
	test_putsgent();
	test_printf_format();
	return dt_finish();
}
