/*
 * strptime differential test: a table of (input, format) cases and a
 * fixed-seed generator of random ones, each parsed from two pre-filled
 * struct tm (distinct values, and all zero) and printed field by field
 * with the offset strptime returned, so a run through the shim can be
 * compared with the native glibc run. The output depends on TZ (%s).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct tcase {
	const char *in, *fmt;
};

static const struct tcase cases[] = {
	/* names */
	{ "Mon", "%a" }, { "Monday", "%a" }, { "MONDAY", "%A" },
	{ "mOnDaYx", "%ax" }, { "Mond", "%a" }, { "Tues", "%a" },
	{ "Tuesday", "%A" }, { "wed", "%a" }, { "Thursday!", "%A!" },
	{ "fri", "%A" }, { "saturday", "%a" }, { "sun", "%a" },
	{ "Sunday", "%OA" }, { " Mon", "%a" }, { "Mo", "%a" }, { "x", "%a" },
	{ "Jan", "%b" }, { "january", "%B" }, { "FEB", "%h" },
	{ "Sept", "%b" }, { "September", "%b" }, { "Dece", "%B" },
	{ "may", "%b" }, { "Mayo", "%B" }, { " Jan", "%b" }, { "Ja", "%b" },
	{ "jun", "%Ob" }, { "July", "%OB" }, { "aug", "%Oh" },
	{ "Oct 5", "%b %d" }, { "5 Nov", "%d %b" }, { "Nov5", "%b%d" },
	{ "Mon Jan 1", "%a %b %d" }, { "Mar 2024", "%b %Y" },
	/* numbers and ranges */
	{ "0", "%d" }, { "1", "%d" }, { "31", "%d" }, { "32", "%d" },
	{ "45", "%d" }, { "005", "%d" }, { "05", "%d" }, { " 5", "%e" },
	{ "\t\n5", "%d" }, { "+5", "%d" }, { "-5", "%d" }, { "5x", "%d" },
	{ "0", "%H" }, { "23", "%H" }, { "24", "%H" }, { "30", "%H" },
	{ "7", "%k" }, { " 7", "%k" }, { "0", "%I" }, { "1", "%I" },
	{ "12", "%I" }, { "13", "%I" }, { "12", "%l" }, { "0", "%l" },
	{ "1", "%j" }, { "366", "%j" }, { "367", "%j" }, { "000", "%j" },
	{ "400", "%j" }, { "0", "%m" }, { "1", "%m" }, { "12", "%m" },
	{ "13", "%m" }, { "0", "%M" }, { "59", "%M" }, { "60", "%M" },
	{ "0", "%S" }, { "60", "%S" }, { "61", "%S" }, { "62", "%S" },
	{ "0", "%u" }, { "1", "%u" }, { "7", "%u" }, { "8", "%u" },
	{ "0", "%w" }, { "6", "%w" }, { "7", "%w" }, { "12", "%w" },
	{ "0", "%U" }, { "53", "%U" }, { "54", "%U" }, { "53", "%W" },
	{ "53", "%V" }, { "54", "%V" }, { "12", "%g" }, { "100", "%g" },
	{ "2024", "%G" }, { "123456", "%G" }, { " 2024", "%G" },
	{ "x", "%G" }, { "0", "%Y" }, { "0005", "%Y" }, { "12345", "%Y" },
	{ "1999", "%Y" }, { "9999", "%Y" }, { "-1", "%Y" },
	/* %y and %C */
	{ "0", "%y" }, { "00", "%y" }, { "68", "%y" }, { "69", "%y" },
	{ "70", "%y" }, { "99", "%y" }, { "100", "%y" }, { "19", "%C" },
	{ "20", "%C" }, { "0", "%C" }, { "99", "%C" }, { "100", "%C" },
	{ "20 70", "%C %y" }, { "05 19", "%y %C" }, { "19 05", "%C %y" },
	{ "21 5", "%C %y" }, { "2024 19", "%Y %C" }, { "19 2024", "%C %Y" },
	{ "5 4", "%C %Y" }, { "2024 24", "%Y %y" }, { "24 2024", "%y %Y" },
	/* E and O */
	{ "1999", "%EY" }, { "99999", "%EY" }, { "0", "%EY" },
	{ "19", "%EC" }, { "19 05", "%EC %Ey" }, { "05 06", "%Ey" },
	{ "05", "%Ey" }, { "1999", "%Ey" }, { "05 5", "%Ey %d" },
	{ "05 06 07", "%Ey %Ey" }, { "05 06 07 08", "%Ey %Ey" },
	{ "05 1999", "%Ey %EY" }, { "05 19", "%Ey %EC" },
	{ "1999 05", "%EY %Ey" }, { "1 05", "%y %Ey" },
	{ "19 05", "%C %Ey" }, { "19 05 06", "%EC %Ey %Ey" },
	{ "Mon 05 06", "%a %Ey" }, { "20 1999", "%EC %EY" },
	{ "20 5", "%EC %Oy" }, { "99", "%Oy" }, { "5", "%Oy" },
	{ "Thu Nov  5 10:11:12 2023 05", "%Ec %Ey" },
	{ "1/2/3 05", "%Ex %Ey" }, { "1:2:3 05", "%EX %Ey" },
	{ "12/31/99", "%Ex" }, { "10:11:12 PM", "%EX" },
	{ "5", "%Od" }, { "5", "%Oe" }, { "5", "%OH" }, { "5", "%OI" },
	{ "5", "%Om" }, { "5", "%OM" }, { "5", "%OS" }, { "5", "%OU" },
	{ "5", "%OW" }, { "5", "%OV" }, { "5", "%Ow" }, { "5", "%Oj" },
	{ "5", "%Ed" }, { "Mon", "%Ea" }, { "Mon", "%Oa" }, { "Jan", "%Eb" },
	{ "19", "%OC" }, { "1/2/3", "%ED" }, { "1/2/3", "%OD" },
	{ "2024-1-2", "%EF" }, { "AM", "%Ep" }, { "1:2", "%OR" },
	{ "5", "%Eg" }, { "5", "%OG" }, { "5", "%Eu" }, { "5", "%Ou" },
	{ "1/2/3", "%Ox" }, { "1:2:3", "%OX" }, { "1999", "%OY" },
	{ "Z", "%Ez" }, { "UTC", "%EZ" }, { "5", "%Es" }, { "5", "%Ok" },
	{ "5", "%El" }, { "%", "%E%" }, { "5", "%EE" }, { "5", "%OO" },
	{ "5", "%E" }, { "5", "%O" }, { "5", "%q" }, { "5", "%P" },
	{ "5", "%" }, { "%", "%" }, { "5", "%Q" },
	/* flags and widths are ignored */
	{ "5", "%5d" }, { "5", "%-d" }, { "5", "%_d" }, { "5", "%^d" },
	{ "5", "%#d" }, { "5", "%0d" }, { "2024", "%010Y" },
	{ "mon", "%^a" }, { "19 05", "%_4EC %-Oy" }, { "5", "%-" },
	{ "5", "%5" }, { "5", "%E5d" }, { "5", "%O-d" }, { "5", "%-_0^#5Od" },
	{ "5", "%0Ey" }, { "19", "%-EC" }, { "12", "%+d" }, { "12", "% d" },
	{ "5", "%9999999999d" },
	/* composites */
	{ "Thu Nov  5 10:11:12 2023", "%c" }, { "thu nov 5 1:2:3 1999", "%c" },
	{ "Thu Nov 5 10:11:12", "%c" }, { "12/31/99", "%D" },
	{ "1/2/03", "%D" }, { "1/2", "%D" }, { "2024-02-29", "%F" },
	{ "2023-02-29", "%F" }, { "0000-01-01", "%F" }, { "0000-02-29", "%F" },
	{ "0000-03-01", "%F" }, { "0001-01-01", "%F" }, { "0400-01-01", "%F" },
	{ "1900-01-01", "%F" }, { "9999-12-31", "%F" }, { "2024-13-01", "%F" },
	{ "10:11:12 pm", "%r" }, { "10:11:12 AM", "%r" }, { "12:00:00 am", "%r" },
	{ "23:59", "%R" }, { "1:2:3", "%T" }, { "1:2:3", "%X" },
	{ "01/02/70", "%x" }, { "12:34:56", "%T%n" },
	/* %p with %I, %H */
	{ "12 am", "%I %p" }, { "12 pm", "%I %p" }, { "3 pm", "%H %p" },
	{ "pm 3", "%p %I" }, { "3 pm 15", "%I %p %H" },
	{ "15 3 pm", "%H %I %p" }, { "A", "%p" }, { " AM", "%p" },
	{ "am", "%p" }, { "Pm", "%p" }, { "P.M.", "%p" }, { "11PM", "%l%p" },
	{ "11 PM", "%I %p" }, { "11 PM 12 AM", "%I %p %I %p" },
	/* %z */
	{ "+1300", "%z" }, { "+1259", "%z" }, { "+2400", "%z" },
	{ "+9959", "%z" }, { "-12:30", "%z" }, { "+5", "%z" },
	{ "+123", "%z" }, { "+12:3", "%z" }, { "Z", "%z" }, { "z", "%z" },
	{ " +0100", "%z" }, { "+0160", "%z" }, { "+12:", "%z" },
	{ "+12345", "%z" }, { "+05:30x", "%zx" }, { "-0000", "%z" },
	{ "+00", "%z" }, { "-00:59", "%z" }, { "UTC", "%z" }, { "+1:30", "%z" },
	{ "+123:4", "%z" }, { "0100", "%z" },
	/* %Z */
	{ "UTC 5", "%Z %d" }, { " abc def", "%Z" }, { "", "%Z" },
	{ "EST5EDT,x", "%Z,x" }, { "GMT+1 2", "%Z%d" },
	/* %s */
	{ "0", "%s" }, { "86400", "%s" }, { "-5", "%s" }, { " 5", "%s" },
	{ "1700000000", "%s" }, { "1719000000x", "%sx" }, { "951782400", "%s" },
	{ "4102444800", "%s" }, { "253402300799", "%s" }, { "x", "%s" },
	{ "86400 7", "%s %d" }, { "5 86400", "%d %s" },
	/* white space and literals */
	{ "x", " x" }, { "  x", "x" }, { "a b", "a b" }, { "ab", "a b" },
	{ "a   b", "a b" }, { "a  b", "ab" }, { "", "" }, { "", " " },
	{ " ", "" }, { "A", "a" }, { "%", "%%" }, { " %", "%%" },
	{ "5%", "%d%%" }, { " \t\n", "%n" }, { "x", "%t" }, { "\v\f\rx", "%tx" },
	{ "  5  6", "%d%m" }, { "5 6", "%d%n%m" }, { "5-6", "%d-%m" },
	{ "5 -6", "%d-%m" }, { "5- 6", "%d-%m" },
	/* derived fields */
	{ "2024 45", "%Y %j" }, { "2024 60", "%Y %j" }, { "2023 60", "%Y %j" },
	{ "2023 365", "%Y %j" }, { "2024 366", "%Y %j" }, { "45", "%j" },
	{ "2024 45 3", "%Y %j %d" }, { "2024 45 3", "%Y %j %m" },
	{ "2024 45 3", "%Y %j %w" }, { "3 2024", "%m %Y" },
	{ "3", "%d" }, { "2024", "%Y" }, { "Wed 2024-02-29", "%a %F" },
	{ "2024 45 Mon", "%Y %j %a" }, { "10 2024 45", "%H %Y %j" },
	{ "1 2 3", "%e %k %l" }, { "99 12 31", "%y %m %d" },
	{ "Feb 30 2023", "%b %d %Y" }, { "Feb 2023", "%b %Y" },
	/* %U and %W with a year and a weekday */
	{ "2024 1 0", "%Y %U %w" }, { "2024 10 3", "%Y %W %u" },
	{ "2024 10 3 5", "%Y %W %u %d" }, { "2024 10 3 5", "%Y %W %u %m" },
	{ "2024 10 3 100", "%Y %W %u %j" }, { "2023 0 6", "%Y %U %w" },
	{ "2023 52 6", "%Y %U %w" }, { "2021 0 Sat", "%Y %W %a" },
	{ "2022 1 Mon", "%Y %W %a" }, { "2022 1 Sun", "%Y %U %a" },
	{ "1999 33 4", "%Y %U %u" }, { "2000 9 2", "%Y %W %w" },
	{ "2024 10", "%Y %U" }, { "10 3", "%U %w" }, { "10 3 2024", "%W %w %Y" },
	{ "2024 10 3 10", "%Y %U %w %W" }, { "2024 1 1 2", "%Y %U %w %m" },
	{ "15 2024 20 Fri", "%C %y %U %a" },
	/* weekday names chain (glibc), by E/O state; months do not */
	{ "Sunthu", "%a" }, { "Sunthu", "%a%A" }, { "Sunthu", "%athu" },
	{ "Sunmon", "%a%a" }, { "SunTue", "%a%a" }, { "Suntx", "%atx" },
	{ "thuSun", "%a%a" }, { "Sundthu", "%ad%a" }, { "SunMonday", "%a" },
	{ "SunMonTueWedThuFriSatSun", "%a" }, { "MonSun", "%a" },
	{ "Sunthursday", "%a" }, { "Sundaymon", "%A" },
	{ "19 Sunx", "%EC %a" }, { "19 Sunday", "%EC %a" },
	{ "19 Sunthu", "%EC %a" }, { "19 Sundayx", "%EC %Ax" },
	{ "19 SunMonday", "%EC %a" }, { "19 SundayMon", "%EC %a" },
	{ "19 MonSun", "%EC %a" }, { "19 MonTue", "%EC %a" },
	{ "19 MonTueWed", "%EC %a" }, { "19 Mon", "%EC %a%%" },
	{ "19 Sun", "%EY %a" }, { "05 06 Sun", "%Ey %a" },
	{ "19 SunMondayTue", "%EC %a" }, { "19 SundaySunday", "%EC %a" },
	{ "5 Sunthu", "%Od %a" }, { "5 Sunday", "%Od %a" },
	{ "Jansep", "%b" }, { "Jansep", "%b%b" }, { "Janfebx", "%bx" },
	{ "JanuaryFeb", "%b" }, { "19 Jansep", "%EC %b" },
	{ "5 Jansep", "%Od %b" }, { "19 January", "%EC %B" },
	{ "Thu Nov 5 10:11:12 2023", "%c" }, { "SunMon Nov 5 1:2:3 2023", "%c" },
	/* %O numbers: the first one decides for the locale's digits */
	{ "24:25", "%Oy:%Od" }, { "24 25", "%Oy %Od" }, { "24:25", "%Oy:%d" },
	{ "5 1999", "%Od %EY" }, { "5 19", "%Od %EC" }, { "5 05 06", "%Od %Ey" },
	{ "19 5 6", "%EC %Od %Od" }, { "1999 5 6", "%EY %Od %Od" },
	{ "05 06 5 6", "%Ey %Od %Od" }, { "5 6 7", "%Od %d %Od" },
	{ "5 Thu Nov 5 10:11:12 2023", "%Od %c" }, { "5 am", "%Od %p" },
	{ "5 Jan", "%Od %Ob" }, { "Jan Feb", "%Ob %Ob" }, { "15", "%Om" },
	{ "20 5", "%C %Oy" }, { "5 20", "%Oy %C" }, { "5 6 20", "%y %Oy %C" },
	{ "5 6 20", "%Oy %y %C" },
	/* a composite that fails leaves its fields alone */
	{ "Mon 1/2", "%a %D" }, { "5 1/2", "%m %D" }, { "1:2", "%T" },
	{ "10:11:12 xm", "%r" }, { "1:2:x", "%T" }, { "1:x", "%R" },
	{ "12/31/", "%x" }, { "Thu x", "%c" }, { "2024-02-x", "%F" },
	{ "Thu Nov 5 10:11:12", "%a %b %e %H:%M:%S %Y" },
	/* real-world formats */
	{ "2015-03-05T23:51:47Z", "%Y-%m-%dT%H:%M:%SZ" },
	{ "2015-03-05T23:51:47+0100", "%Y-%m-%dT%H:%M:%S%z" },
	{ "Tue, 15 Nov 1994 08:12:31 GMT", "%a, %d %b %Y %H:%M:%S %Z" },
	{ "Sun, 06 Nov 1994 08:49:37 GMT", "%a, %d %b %Y %T GMT" },
	{ "Sunday, 06-Nov-94 08:49:37 GMT", "%A, %d-%b-%y %T GMT" },
	{ "Sun Nov  6 08:49:37 1994", "%a %b %e %H:%M:%S %Y" },
	{ "20240229 235959", "%Y%m%d %H%M%S" }, { "202402", "%Y%m" },
	{ "06/Nov/1994:08:49:37 -0500", "%d/%b/%Y:%H:%M:%S %z" },
	{ "1994-11-06 08:49", "%F %R" }, { "Nov 6 08:49:37", "%b %d %T" },
	{ "2024-W10-3", "%G-W%V-%u" }, { "24 10 3", "%g %V %u" },
	{ "12:30:45.123", "%H:%M:%S" }, { "12:30", "%H:%M:%S" },
};

struct piece {
	const char *fmt;
	int lo, hi, pad;	/* pad: 0 none, else width of zero padding */
	const char *const *words;
};

static const char *const wdays[] = { "Sun", "monday", "TUE", "Wednesday",
	"thu", "Friday", "sat", "Satur", NULL };
static const char *const mons[] = { "Jan", "february", "MAR", "Apr", "may",
	"June", "jul", "AUGUST", "sep", "Octo", "nov", "December", NULL };
static const char *const wdays2[] = { "SunMon", "Sunthu", "MonSun",
	"thuFriday", "SundayMon", "WedWed", "SatSun", NULL };
static const char *const ampm[] = { "AM", "pm", "Am", "x", NULL };
static const char *const zones[] = { "Z", "+0530", "-08:00", "+01", "UTC",
	"+2", "-1260", NULL };

static const struct piece pieces[] = {
	{ "%a", 0, 0, 0, wdays }, { "%A", 0, 0, 0, wdays },
	{ "%b", 0, 0, 0, mons }, { "%B", 0, 0, 0, mons },
	{ "%d", 0, 33, 2, NULL }, { "%e", 0, 33, 0, NULL },
	{ "%H", 0, 25, 2, NULL }, { "%I", 0, 13, 2, NULL },
	{ "%j", 0, 367, 3, NULL }, { "%m", 0, 13, 2, NULL },
	{ "%M", 0, 60, 2, NULL }, { "%S", 0, 62, 2, NULL },
	{ "%y", 0, 99, 2, NULL }, { "%Y", 1890, 2110, 0, NULL },
	{ "%C", 17, 22, 0, NULL }, { "%u", 0, 8, 0, NULL },
	{ "%w", 0, 7, 0, NULL }, { "%U", 1, 50, 2, NULL },
	{ "%W", 1, 50, 2, NULL }, { "%p", 0, 0, 0, ampm },
	{ "%z", 0, 0, 0, zones }, { "%k", 0, 24, 0, NULL },
	{ "%l", 0, 13, 0, NULL }, { "%s", 0, 2000000000, 0, NULL },
	{ "%F", 0, 0, 0, NULL }, { "%T", 0, 0, 0, NULL },
	{ "%D", 0, 0, 0, NULL }, { "%R", 0, 0, 0, NULL },
	{ "%r", 0, 0, 0, NULL }, { "%G", 1990, 2030, 0, NULL },
	{ "%V", 0, 54, 2, NULL }, { "%g", 0, 99, 2, NULL },
	{ "%Oy", 0, 99, 2, NULL }, { "%EY", 1950, 2050, 0, NULL },
	{ "%Od", 1, 31, 0, NULL }, { "%OH", 0, 23, 0, NULL },
	{ "%EC", 18, 21, 0, NULL }, { "%Ey", 0, 99, 2, NULL },
	{ "%Ec", 0, 0, 0, NULL }, { "%a%a", 0, 0, 0, wdays2 },
	{ "%Ob", 0, 0, 0, mons }, { "%Z", 0, 0, 0, zones },
};

static unsigned long rng = 20240229;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)(rng >> 33) % n;
}

static void
add(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s", s);
}

static void
piece_input(const struct piece *p, char *buf, size_t size)
{
	char tmp[64];
	int v;

	if (p->words) {
		int n = 0;
		while (p->words[n])
			n++;
		add(buf, size, p->words[rnd(n)]);
		return;
	}
	if (!strcmp(p->fmt, "%Ec"))
		snprintf(tmp, sizeof tmp, "%s %s %d %d:%d:%d %d",
			wdays[rnd(7)], mons[rnd(12)], rnd(33), rnd(24),
			rnd(60), rnd(60), 1900 + rnd(200));
	else if (!strcmp(p->fmt, "%F"))
		snprintf(tmp, sizeof tmp, "%d-%d-%d", 1960 + rnd(100),
			1 + rnd(12), 1 + rnd(31));
	else if (!strcmp(p->fmt, "%D"))
		snprintf(tmp, sizeof tmp, "%02d/%d/%02d", 1 + rnd(12),
			1 + rnd(31), rnd(100));
	else if (p->fmt[1] == 'T' || p->fmt[1] == 'R' || p->fmt[1] == 'r')
		snprintf(tmp, sizeof tmp, "%d:%02d:%02d%s", rnd(25), rnd(60),
			rnd(61), p->fmt[1] == 'r' ? (rnd(2) ? " PM" : " am")
			: "");
	else {
		v = p->lo + (int)rnd((unsigned)(p->hi - p->lo + 1));
		snprintf(tmp, sizeof tmp, "%0*d", rnd(3) ? p->pad : 0, v);
	}
	add(buf, size, tmp);
}

/* A random format of 1-5 conversions and an input that mostly fits. */
static void
random_case(char *in, char *fmt, size_t size)
{
	static const char *const seps[] = { " ", "-", ":", "/", "", "  ",
		"T", ",", "\t" };
	int n = 1 + rnd(5);

	in[0] = fmt[0] = '\0';
	for (int i = 0; i < n; i++) {
		const struct piece *p =
			&pieces[rnd(sizeof pieces / sizeof pieces[0])];
		const char *sep = seps[rnd(9)];
		if (i > 0) {
			add(fmt, size, sep);
			add(in, size, rnd(8) ? sep : " ");
		}
		add(fmt, size, p->fmt);
		piece_input(p, in, size);
	}
	if (rnd(6) == 0 && in[0]) {	/* damage one character */
		size_t k = rnd((unsigned)strlen(in));
		in[k] = "x9 0-:"[rnd(6)];
	}
	if (rnd(5) == 0)
		add(in, size, " tail");
}

static void
prefill(struct tm *tm, int which)
{
	static char pre[] = "PRE";

	memset(tm, 0, sizeof *tm);
	if (which == 0) {
		tm->tm_sec = 51;
		tm->tm_min = 52;
		tm->tm_hour = 23;
		tm->tm_mday = 29;
		tm->tm_mon = 10;
		tm->tm_year = 99;
		tm->tm_wday = 6;
		tm->tm_yday = 333;
		tm->tm_isdst = 77;
		tm->tm_gmtoff = 4242;
		tm->tm_zone = pre;
	}
}

static void
run(int idx, const char *in, const char *fmt)
{
	printf("%d [%s] [%s]\n", idx, in, fmt);
	for (int w = 0; w < 2; w++) {
		struct tm tm;
		char *r;

		prefill(&tm, w);
		r = strptime(in, fmt, &tm);
		if (r)
			printf("  %ld:", (long)(r - in));
		else
			printf("  NULL:");
		printf(" %d %d %d %d %d %d %d %d %d %ld %s\n", tm.tm_sec,
			tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon,
			tm.tm_year, tm.tm_wday, tm.tm_yday, tm.tm_isdst,
			tm.tm_gmtoff, tm.tm_zone ? tm.tm_zone : "(null)");
	}
}

int
main(int argc, char **argv)
{
	int nrand = argc > 1 ? atoi(argv[1]) : 600;
	int n = (int)(sizeof cases / sizeof cases[0]);
	char in[256], fmt[256];

	for (int i = 0; i < n; i++)
		run(i, cases[i].in, cases[i].fmt);
	for (int i = 0; i < nrand; i++) {
		random_case(in, fmt, sizeof in);
		run(n + i, in, fmt);
	}
	printf("%d cases\n", n + nrand);
	return 0;
}
