/*
 * Differential test of libshim's fnmatch, strftime/wcsftime and fts, a
 * source built twice (tests/difftest/difftest.h). Every case is one
 * record.
 */
#include "difftest.h"

/* ---- fnmatch ---- */

static void
test_fnmatch(void)
{
	static const struct { const char *p, *s; int f; } t[] = {
#define X(p, s, f) { p, s, f },
#include "fnmatch_cases.h"
#undef X
	};
	char name[64];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		dt_say("%s|%s|%d => %d", t[i].p, t[i].s, t[i].f,
		    F(fnmatch)(t[i].p, t[i].s, t[i].f));
		snprintf(name, sizeof name, "fnmatch-%zu", i);
		dt_done(name, NULL);
	}
}

/* ---- strftime ---- */

static const char *const sfmt[] = {
	"%a|%A|%b|%B|%h", "%c", "%C|%y|%Y", "%d|%e|%j", "%D|%F|%x", "%g|%G|%V",
	"%H|%I|%k|%l", "%m|%M|%S", "%n|%t|%%", "%p|%P|%r", "%R|%T|%X",
	"%s", "%u|%w|%U|%W", "%z|%Z",
	"%-d|%_H|%010Y|%^a|%#Z|%#a|%#p|%^p|%^P|%#P", "%-5a|%_10a|%010a",
	"%5e|%05e|%-e|%_e|%-3e", "%05k|%-l|%_3j|%-3j|%3j|%1j", "%-5Y|%_6Y|%06Y",
	"%5z|%05z|%-z|%_z|%10z|%_7z", "%10D|%_12F|%012F|%-12T|%012T",
	"%^c|%^r|%^12p|%10%|%010%|%5n|%5t", "%08P|%-08P|%08l",
	"%Ec|%EC|%Ex|%EX|%Ey|%EY|%Ez", "%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou",
	"%OU|%OV|%Ow|%OW|%Oy|%Ob|%OB|%Oh", "%Ea|%Od|%Ed|%OY|%Oc|%EE|%EOd",
	"%Q|%5Q|%:z|%+Y|%E", "%5", "%-", "%_5m|%-_5m|%_-5m|%0_5m|%-08P",
	"%^#a|%#^A|%^Z|%^B|%^10B|%#b", "literal text, no conversions",
	"%999999999d", "%3Y|%3C|%5G|%_5g|%-V", "%G-W%V-%u",
};

static struct tm stm[] = {
	{ .tm_year = 124, .tm_mon = 2, .tm_mday = 5, .tm_hour = 14,
	  .tm_min = 7, .tm_sec = 9, .tm_wday = 2, .tm_yday = 64,
	  .tm_gmtoff = 3600, .tm_zone = "CET" },
	{ .tm_year = 70, .tm_mday = 1, .tm_wday = 4, .tm_zone = "UTC" },
	{ .tm_year = 104, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23,
	  .tm_min = 59, .tm_sec = 60, .tm_wday = 5, .tm_yday = 365,
	  .tm_gmtoff = -25200, .tm_zone = "PDT" },
	{ .tm_year = 99, .tm_mon = 0, .tm_mday = 1, .tm_hour = 0,
	  .tm_wday = 5, .tm_gmtoff = 19800, .tm_zone = "IST" },
	{ .tm_year = 110, .tm_mon = 0, .tm_mday = 3, .tm_hour = 12,
	  .tm_wday = 0, .tm_yday = 2, .tm_isdst = -1 },
	{ .tm_year = -1905, .tm_mday = 1, .tm_min = 7, .tm_sec = 9,
	  .tm_gmtoff = -34200, .tm_zone = "XYZ" },
	{ .tm_year = 18099, .tm_mday = 1, .tm_wday = 3, .tm_gmtoff = 45296,
	  .tm_zone = "" },
	{ .tm_year = 8, .tm_mon = 13, .tm_mday = 0, .tm_hour = -3,
	  .tm_min = 75, .tm_sec = 61, .tm_wday = 9, .tm_yday = 400 },
	{ .tm_year = 120, .tm_mon = 11, .tm_mday = 28, .tm_hour = 12,
	  .tm_wday = 1, .tm_yday = 362, .tm_zone = "GMT" },
};

static void
test_strftime(void)
{
	char buf[256], name[64];
	wchar_t wbuf[256], wfmt[128];
	size_t n;

	for (size_t i = 0; i < sizeof stm / sizeof stm[0]; i++) {
		for (size_t j = 0; j < sizeof sfmt / sizeof sfmt[0]; j++) {
			n = F(strftime)(buf, sizeof buf, sfmt[j], &stm[i]);
			dt_say("%zu[%s]", n, n ? buf : "");
			snprintf(name, sizeof name, "strftime-%zu-%zu", i, j);
			dt_done(name, NULL);
		}
		if (stm[i].tm_mon > 11)	/* glibc's wcsftime fails on it */
			continue;
		mbstowcs(wfmt, "%a %^B %-d %_H|%c|%G %V|%#Z %z|%P", 128);
		n = F(wcsftime)(wbuf, 256, wfmt, &stm[i]);
		dt_say("%zu[%ls]", n, n ? wbuf : L"");
		snprintf(name, sizeof name, "wcsftime-%zu", i);
		dt_done(name, NULL);
	}
	for (size_t cap = 0; cap < 12; cap++) {
		memset(buf, 'x', sizeof buf);
		n = F(strftime)(buf, cap, "%Y-%m-%d", &stm[0]);
		dt_say("%zu %s", n, n ? buf : "");
		snprintf(name, sizeof name, "strftime-cap-%zu", cap);
		dt_done(name, NULL);
	}
	n = F(wcsftime)(wbuf, 5, L"%Y-%m-%d", &stm[0]);
	dt_say("%zu", n);
	dt_done("wcsftime-small", NULL);
}

/* ---- fts ---- */

static char fixture[64];

static int
by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static int
by_name_rev(const FTSENT **a, const FTSENT **b)
{
	return -strcmp((*a)->fts_name, (*b)->fts_name);
}

static void
mkfile(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd >= 0)
		close(fd);
}

/* The fixture tree, in a fresh directory of the working directory. */
static void
make_fixture(void)
{
	snprintf(fixture, sizeof fixture, "lt-fix-%d", (int)getpid());
	mkdir(fixture, 0755);
	if (chdir(fixture) < 0)
		return;
	mkdir("t", 0755);
	mkdir("t/a", 0755);
	mkfile("t/a/x");
	mkfile("t/a/y");
	mkdir("t/a/sub", 0755);
	mkfile("t/a/sub/z");
	mkfile("t/b");
	mkfile("t/.h");
	symlink("a", "t/c");
	symlink("nowhere", "t/d");
	mkdir("t/e", 0755);
	mkdir("t/f", 0755);
	mkfile("t/f/hidden");
	chmod("t/f", 0);
	symlink(".", "t/g");
	mkfifo("t/p", 0644);
}

static void
remove_fixture(void)
{
	chmod("t/f", 0755);
	if (chdir("..") == 0 && fork() == 0) {
		execlp("rm", "rm", "-rf", fixture, (char *)NULL);
		_exit(127);
	}
	wait(NULL);
}

static void
show_ent(const FTSENT *e, int opts)
{
	dt_say("%d:%d:%s:%s:%d:%d", e->fts_info, e->fts_level, e->fts_path,
	    e->fts_name, e->fts_pathlen, e->fts_namelen);
	if (opts & (FTS_NOCHDIR | FTS_LOGICAL))
		dt_say(":acc=%s", e->fts_accpath);
	if (e->fts_errno)
		dt_say(":err=%d", e->fts_errno);
	if (!(opts & FTS_NOSTAT) && (e->fts_info == FTS_D ||
	    e->fts_info == FTS_DP || e->fts_info == FTS_SL))
		dt_say(":mode=%o", e->fts_statp->st_mode & S_IFMT);
	if (e->fts_info == FTS_DC)
		dt_say(":cycle=%d:%s", e->fts_cycle->fts_level,
		    e->fts_cycle->fts_name);
	dt_say("\n");
}

/* Walks roots with opts; skip/follow/again: the name to fts_set on. */
static void
walk(const char *name, const char *const *roots, int opts,
    int (*cmp)(const FTSENT **, const FTSENT **), const char *set, int instr)
{
	FTS *fts = F(fts_open)((char *const *)roots, opts, cmp);
	FTSENT *e;
	int again = 0;

	if (fts == NULL) {
		dt_say("open fails: %d", errno);
		dt_done(name, NULL);
		return;
	}
	while ((errno = 0, e = F(fts_read)(fts)) != NULL) {
		show_ent(e, opts);
		if (set && strcmp(e->fts_name, set) == 0 && !again) {
			dt_say("set=%d\n", F(fts_set)(fts, e, instr));
			again = instr == FTS_AGAIN;
		}
	}
	dt_say("end errno=%d close=%d", errno, F(fts_close)(fts));
	dt_done(name, NULL);
}

static void
test_fts(void)
{
	static const char *const t[] = { "t", NULL };
	static const char *const many[] = { "t/b", "t/a", "t/e", "t/c",
		NULL };
	static const char *const c[] = { "t/c", NULL };
	static const char *const bad[] = { "t/none", "t/d", "t/", NULL };
	static const char *const empty[] = { "", NULL };
	const char *const *r = t;
	FTS *fts;
	FTSENT *e;

	make_fixture();
	walk("fts-physical", r, FTS_PHYSICAL, by_name, NULL, 0);
	walk("fts-nochdir", r, FTS_PHYSICAL | FTS_NOCHDIR, by_name_rev, NULL,
	    0);
	walk("fts-logical", r, FTS_LOGICAL, by_name, NULL, 0);
	walk("fts-seedot", r, FTS_PHYSICAL | FTS_SEEDOT | FTS_NOCHDIR,
	    by_name, NULL, 0);
	walk("fts-nostat", r, FTS_PHYSICAL | FTS_NOSTAT | FTS_NOCHDIR,
	    by_name, NULL, 0);
	walk("fts-xdev", r, FTS_PHYSICAL | FTS_XDEV, by_name, NULL, 0);
	walk("fts-roots", many, FTS_PHYSICAL | FTS_NOCHDIR, by_name, NULL, 0);
	walk("fts-roots-unsorted", many, FTS_PHYSICAL | FTS_NOCHDIR, NULL,
	    NULL, 0);
	walk("fts-comfollow", c, FTS_PHYSICAL | FTS_COMFOLLOW | FTS_NOCHDIR,
	    by_name, NULL, 0);
	walk("fts-nocomfollow", c, FTS_PHYSICAL | FTS_NOCHDIR, by_name, NULL,
	    0);
	walk("fts-bad-roots", bad, FTS_PHYSICAL | FTS_NOCHDIR, NULL, NULL, 0);
	walk("fts-skip", r, FTS_PHYSICAL | FTS_NOCHDIR, by_name, "a",
	    FTS_SKIP);
	walk("fts-follow", r, FTS_PHYSICAL | FTS_NOCHDIR, by_name, "c",
	    FTS_FOLLOW);
	walk("fts-again", r, FTS_PHYSICAL | FTS_NOCHDIR, by_name, "sub",
	    FTS_AGAIN);
	walk("fts-empty-root", empty, FTS_PHYSICAL, NULL, NULL, 0);
	walk("fts-bad-options", r, 0x1000, NULL, NULL, 0);

	fts = F(fts_open)((char *const *)many, FTS_PHYSICAL | FTS_NOCHDIR,
	    by_name);
	while ((e = F(fts_read)(fts)) != NULL && strcmp(e->fts_path, "t/a"))
		;
	/* glibc's fts_path of children is valid only once they are read */
	for (e = F(fts_children)(fts, 0); e; e = e->fts_link)
		dt_say("child %d:%d:%s\n", e->fts_info, e->fts_level, e->fts_name);
	while ((e = F(fts_read)(fts)) != NULL)
		show_ent(e, FTS_NOCHDIR);
	dt_say("set-bad=%d", F(fts_set)(fts, NULL, 99));
	F(fts_close)(fts);
	dt_done("fts-children", NULL);
	remove_fixture();
}

int
main(int argc, char **argv)
{
	dt_start(argc, argv);
	setenv("TZ", "UTC0", 1);
	tzset();
	test_fnmatch();
	test_strftime();
	test_fts();
	return dt_finish();
}
