/*
 * glibc's strptime in the C locale. musl's differs a lot: it refuses
 * %z %Z %s %F %k %l %G %V and never derives tm_wday, tm_yday, tm_mon or
 * tm_mday from what was parsed. Written from glibc's documentation and
 * its observed behaviour: leading white space skipped before numbers
 * (not before names), numbers read digit by digit only while they can
 * stay in range, strftime flags and widths in the format ignored, the
 * E and O modifiers accepted only where glibc does and with its state
 * (see ALT_*), its way of matching weekday names, composites (%c %D %F
 * %r %R %T %x %X) that change nothing unless all of them matched, and
 * the final pass that fills the fields the input implied (12-hour
 * clock, century, weekday, day of the year, %U/%W weeks). Fields nothing
 * set are left alone; on failure what was set so far stays set.
 * XXX Other locales' names, formats, eras and digits are not supported.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "lx/locale.h"

char *lx_strptime(const char *s, const char *fmt, struct tm *tm);
char *lx_strptime_l(const char *s, const char *fmt, struct tm *tm,
	struct lx_locale *l);

/*
 * glibc first tries a locale's eras and alternative digits, which the C
 * locale has none of: the first %O number decides for "locale" (a later
 * one, %EC, %EY and %Ey then fail), %EC %EY %Ey decide for "raw".
 */
enum { ALT_UNDECIDED, ALT_LOCALE, ALT_RAW };

struct pstate {
	bool have_I, is_pm;
	bool want_century, want_xday;
	bool have_wday, have_yday, have_mon, have_mday;
	bool have_uweek, have_wweek;
	int alt;		/* ALT_*: how E and O conversions went */
	int century;		/* -1: no %C */
	int week_no;
};

static const char *const day_names[] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const month_names[] = { "January", "February",
	"March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December" };

/*
 * Days before each month, common then leap year, with a 0 in front: glibc
 * indexes one before and up to a year past a row when %U/%W or %j give
 * a day outside the year, and this reproduces what it reads there.
 */
static const short cum_days[1 + 26] = { 0,
	0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365,
	0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

static const char *parse(const char *s, const char *f, struct tm *tm,
	struct pstate *st);

static bool
space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static const char *
skip_space(const char *s)
{
	while (space(*s))
		s++;
	return s;
}

/* Length of the case-insensitive prefix match of name (first n chars). */
static size_t
prefix(const char *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (name[i] == '\0' || lower(s[i]) != lower(name[i]))
			return 0;
	return n;
}

static size_t
name_len(const char *name)
{
	size_t n = 0;

	while (name[n])
		n++;
	return n;
}

/* Length of name i matched at s: full (preferred) or three letters. */
static size_t
name_at(const char *s, const char *name)
{
	size_t n = prefix(s, name, name_len(name));

	return n ? n : prefix(s, name, 3);
}

/* Months: the longest of the full and three-letter names. */
static int
match_month(const char **sp)
{
	size_t best = 0, n;
	int which = -1;

	for (int i = 0; i < 12; i++)
		if ((n = name_at(*sp, month_names[i])) > best) {
			best = n;
			which = i;
		}
	*sp += best;
	return which;
}

/*
 * Weekdays, as glibc matches them: once a day's three letters matched,
 * the later days are tried past them, so "SunMon" is Monday. Undecided,
 * the furthest end wins; after an E conversion chose the C forms, a
 * full name's end wins, else the start of the last three letters
 * matched; after an O one, the longest name at the start.
 */
static int
match_day(const char **sp, int alt)
{
	const char *s = *sp, *best = NULL, *e;
	int which = -1;
	size_t n;

	for (int i = 0; i < 7; i++) {
		if ((n = name_at(s, day_names[i])) == 0)
			continue;
		e = s + n;
		if (alt != ALT_RAW || n > 3) {
			if (!best || e > best) {
				best = e;
				which = i;
				if (alt == ALT_RAW)
					continue;
			}
			if (alt == ALT_LOCALE)
				continue;
		}
		if (alt == ALT_RAW && (!best || s > best)) {
			best = s;
			which = i;
		}
		s += 3;
	}
	if (best)
		*sp = best;
	return which;
}

/*
 * A decimal number of at most n digits in [lo, hi], after optional white
 * space; a digit is taken only while the value times ten fits in hi.
 */
static const char *
number(const char *s, int lo, int hi, int n, int *out)
{
	int v = 0;

	s = skip_space(s);
	if (*s < '0' || *s > '9')
		return NULL;
	do
		v = v * 10 + (*s++ - '0');
	while (--n > 0 && v * 10 <= hi && *s >= '0' && *s <= '9');
	if (v < lo || v > hi)
		return NULL;
	*out = v;
	return s;
}

/* %z: Z, or a sign and hh, hhmm or hh:mm (any hours, minutes below 60). */
static const char *
zone_offset(const char *s, struct tm *tm)
{
	bool neg;
	int v = 0, n = 0;

	s = skip_space(s);
	if (*s == 'Z') {
		tm->tm_gmtoff = 0;
		return s + 1;
	}
	if (*s != '+' && *s != '-')
		return NULL;
	neg = *s++ == '-';
	while (n < 4 && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (++n == 2 && s[0] == ':' && s[1] >= '0' && s[1] <= '9')
			s++;
	}
	if (n == 2)
		v *= 100;
	else if (n != 4 || v % 100 >= 60)
		return NULL;
	tm->tm_gmtoff = (v / 100) * 3600L + (v % 100) * 60L;
	if (neg)
		tm->tm_gmtoff = -tm->tm_gmtoff;
	return s;
}

/* %s: seconds since the Epoch, no sign, broken down in local time. */
static const char *
epoch_seconds(const char *s, struct tm *tm)
{
	time_t t = 0;
	int d;

	if (*s < '0' || *s > '9')
		return NULL;
	do {
		d = *s++ - '0';
		if (__builtin_mul_overflow(t, 10, &t) ||
		    __builtin_add_overflow(t, d, &t))
			return NULL;
	} while (*s >= '0' && *s <= '9');
	return localtime_r(&t, tm) ? s : NULL;
}

static const char *
skip_digits(const char *s)
{
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9')
		s++;
	return s;
}

static const char *
skip_word(const char *s)
{
	s = skip_space(s);
	while (*s && !space(*s))
		s++;
	return s;
}

static const char *
am_pm(const char *s, struct pstate *st)
{
	if (prefix(s, "AM", 2))
		st->is_pm = false;
	else if (prefix(s, "PM", 2))
		st->is_pm = true;
	else
		return NULL;
	return s + 2;
}

/* Conversions that set calendar fields: names, dates, years. */
static const char *
date_conv(const char *s, int c, struct tm *tm, struct pstate *st)
{
	int v;

	switch (c) {
	case 'a': case 'A':
		if ((v = match_day(&s, st->alt)) < 0)
			return NULL;
		tm->tm_wday = v;
		st->have_wday = true;
		return s;
	case 'b': case 'B': case 'h':
		if ((v = match_month(&s)) < 0)
			return NULL;
		tm->tm_mon = v;
		st->have_mon = st->want_xday = true;
		return s;
	case 'd': case 'e':
		if (!(s = number(s, 1, 31, 2, &v)))
			return NULL;
		tm->tm_mday = v;
		st->have_mday = st->want_xday = true;
		return s;
	case 'm':
		if (!(s = number(s, 1, 12, 2, &v)))
			return NULL;
		tm->tm_mon = v - 1;
		st->have_mon = st->want_xday = true;
		return s;
	case 'j':
		if (!(s = number(s, 1, 366, 3, &v)))
			return NULL;
		tm->tm_yday = v - 1;
		st->have_yday = true;
		return s;
	case 'C':
		if (!(s = number(s, 0, 99, 2, &v)))
			return NULL;
		st->century = v;
		st->want_xday = true;
		return s;
	case 'y':
		if (!(s = number(s, 0, 99, 2, &v)))
			return NULL;
		tm->tm_year = v >= 69 ? v : v + 100;
		st->want_century = st->want_xday = true;
		return s;
	case 'Y':
		if (!(s = number(s, 0, 9999, 4, &v)))
			return NULL;
		tm->tm_year = v - 1900;
		st->want_century = false;
		st->want_xday = true;
		return s;
	}
	return NULL;
}

/* Weekday and week numbers. */
static const char *
week_conv(const char *s, int c, struct tm *tm, struct pstate *st)
{
	int v;

	switch (c) {
	case 'u':
		if (!(s = number(s, 1, 7, 1, &v)))
			return NULL;
		tm->tm_wday = v % 7;
		st->have_wday = true;
		return s;
	case 'w':
		if (!(s = number(s, 0, 6, 1, &v)))
			return NULL;
		tm->tm_wday = v;
		st->have_wday = true;
		return s;
	case 'U': case 'W':
		if (!(s = number(s, 0, 53, 2, &v)))
			return NULL;
		st->week_no = v;
		if (c == 'U')
			st->have_uweek = true;
		else
			st->have_wweek = true;
		return s;
	case 'V':		/* ISO 8601 week: read, not used */
		return number(s, 0, 53, 2, &v);
	case 'g':
		return number(s, 0, 99, 2, &v);
	case 'G':
		return skip_digits(s);
	}
	return NULL;
}

/* Time of day and the rest. */
static const char *
time_conv(const char *s, int c, struct tm *tm, struct pstate *st)
{
	int v;

	switch (c) {
	case 'H': case 'k':
		if (!(s = number(s, 0, 23, 2, &v)))
			return NULL;
		tm->tm_hour = v;
		st->have_I = false;
		return s;
	case 'I': case 'l':
		if (!(s = number(s, 1, 12, 2, &v)))
			return NULL;
		tm->tm_hour = v % 12;
		st->have_I = true;
		return s;
	case 'M':
		if (!(s = number(s, 0, 59, 2, &v)))
			return NULL;
		tm->tm_min = v;
		return s;
	case 'S':
		if (!(s = number(s, 0, 61, 2, &v)))
			return NULL;
		tm->tm_sec = v;
		return s;
	case 'p':
		return am_pm(s, st);
	case 'n': case 't':
		return skip_space(s);
	case '%':
		return *s == '%' ? s + 1 : NULL;
	case 'z':
		return zone_offset(s, tm);
	case 'Z':		/* a zone name: skipped, not interpreted */
		return skip_word(s);
	case 's':
		return epoch_seconds(s, tm);
	}
	return date_conv(s, c, tm, st);
}

/* The C locale's composite formats, parsed as part of the outer one. */
static const char *
composite(int c)
{
	switch (c) {
	case 'c': return "%a %b %e %H:%M:%S %Y";
	case 'D': case 'x': return "%m/%d/%y";
	case 'F': return "%Y-%m-%d";
	case 'r': return "%I:%M:%S %p";
	case 'R': return "%H:%M";
	case 'T': case 'X': return "%H:%M:%S";
	}
	return NULL;
}

/*
 * %EC %EY %Ey: the C locale has no eras, so they fall back to %C %Y %y;
 * until one of them has, %Ey first reads a number up to 9999 into
 * tm_year (where glibc tries era years) and then the %y it falls back to.
 */
static const char *
era_conv(const char *s, int c, struct tm *tm, struct pstate *st)
{
	int v;

	if (c == 'y' && st->alt != ALT_RAW) {
		if (!(s = number(s, 0, 9999, 4, &v)))
			return NULL;
		tm->tm_year = v;
	}
	if (st->alt == ALT_LOCALE)
		return NULL;
	st->alt = ALT_RAW;
	return date_conv(s, c, tm, st);
}

/*
 * %O numbers: no alternative digits in the C locale. %Oy is %y without
 * the pairing with %C.
 */
static const char *
alt_conv(const char *s, int c, struct tm *tm, struct pstate *st)
{
	int v;

	if (st->alt == ALT_LOCALE)
		return NULL;
	if (st->alt == ALT_UNDECIDED)
		st->alt = ALT_LOCALE;
	if (c != 'y')
		return strchr("UVWw", c) ? week_conv(s, c, tm, st) :
			time_conv(s, c, tm, st);
	if (!(s = number(s, 0, 99, 2, &v)))
		return NULL;
	tm->tm_year = v >= 69 ? v : v + 100;
	st->want_xday = true;
	return s;
}

/* A composite: its fields reach tm only if all of it matched. */
static const char *
composite_conv(const char *s, const char *sub, struct tm *tm,
	struct pstate *st)
{
	struct tm t = *tm;

	if (!(s = parse(s, sub, &t, st)))
		return NULL;
	*tm = t;
	return s;
}

/* One conversion after its '%', flags and width; *fp is past it. */
static const char *
convert(const char *s, const char **fp, struct tm *tm, struct pstate *st)
{
	const char *f = *fp, *sub;
	int mod = 0, c;

	if (*f == 'E' || *f == 'O')
		mod = *f++;
	c = *f;
	if (c == '\0')
		return NULL;
	*fp = f + 1;
	if (mod == 'E' && !strchr("cCxXyY", c))
		return NULL;
	if (mod == 'O' && !strchr("bBhdeHImMSUWVwy", c))
		return NULL;
	if ((sub = composite(c)) != NULL) {
		if (c != 'R' && c != 'T' && c != 'r' && c != 'X')
			st->want_xday = true;
		return composite_conv(s, sub, tm, st);
	}
	if (mod == 'E' && (c == 'C' || c == 'Y' || c == 'y'))
		return era_conv(s, c, tm, st);
	if (mod == 'O' && !strchr("bBh", c))
		return alt_conv(s, c, tm, st);
	if (strchr("uwUWVgG", c))
		return week_conv(s, c, tm, st);
	return time_conv(s, c, tm, st);
}

static const char *
parse(const char *s, const char *f, struct tm *tm, struct pstate *st)
{
	while (*f) {
		if (space(*f)) {
			s = skip_space(s);
			f++;
			continue;
		}
		if (*f != '%') {
			if (*s++ != *f++)
				return NULL;
			continue;
		}
		f++;
		while (*f && strchr("-_0^#", *f))	/* strftime flags */
			f++;
		while (*f >= '0' && *f <= '9')		/* and width */
			f++;
		if (!(s = convert(s, &f, tm, st)))
			return NULL;
	}
	return s;
}

static bool
leap(long year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* Days before month m of a year; m may leave the row as glibc's does. */
static int
days_before(bool is_leap, int m)
{
	int i = 1 + (is_leap ? 13 : 0) + m;

	if (i < 0)
		i = 0;
	if (i > 26)
		i = 26;
	return cum_days[i];
}

/*
 * Weekday of tm's date. Leap days are counted with C's division on the
 * year before March, which for year 0 gives one day more than the
 * proleptic calendar, as glibc does.
 */
static void
set_wday(struct tm *tm)
{
	long y = 1900L + tm->tm_year, cy = y - (tm->tm_mon < 2);
	long days;

	if (tm->tm_mon < 0 || tm->tm_mon > 11)	/* XXX glibc reads past */
		return;
	days = 365 * (y - 1970) + (cy / 4 - cy / 100 + cy / 400) -
		(1969 / 4 - 1969 / 100 + 1969 / 400) +
		days_before(false, tm->tm_mon) + tm->tm_mday - 1;
	tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
}

/* tm_mon and/or tm_mday from tm_yday. */
static void
mon_mday_from_yday(struct tm *tm, bool have_mon, bool have_mday)
{
	bool lp = leap(1900L + tm->tm_year);
	int m = 0;

	while (m < 26 && days_before(lp, m) <= tm->tm_yday)
		m++;
	if (!have_mon)
		tm->tm_mon = m - 1;
	if (!have_mday)
		tm->tm_mday = tm->tm_yday - days_before(lp, m - 1) + 1;
}

/* tm_yday (and mon/mday) from a %U/%W week and a weekday. */
static void
from_week(struct tm *tm, struct pstate *st)
{
	int wday = tm->tm_wday, mday = tm->tm_mday, mon = tm->tm_mon;
	int off = st->have_uweek ? 0 : 1;

	tm->tm_mday = 1;
	tm->tm_mon = 0;
	set_wday(tm);		/* of January 1 */
	if (st->have_mday)
		tm->tm_mday = mday;
	if (st->have_mon)
		tm->tm_mon = mon;
	if (!st->have_yday)
		tm->tm_yday = (7 - (tm->tm_wday - off)) % 7 +
			(st->week_no - 1) * 7 + (wday - off + 7) % 7;
	if (!st->have_mday || !st->have_mon)
		mon_mday_from_yday(tm, st->have_mon, st->have_mday);
	tm->tm_wday = wday;
}

static void
finish(struct tm *tm, struct pstate *st)
{
	if (st->have_I && st->is_pm)
		tm->tm_hour += 12;
	if (st->century != -1) {
		if (st->want_century)
			tm->tm_year = tm->tm_year % 100 +
				(st->century - 19) * 100;
		else
			tm->tm_year = (st->century - 19) * 100;
	}
	if (st->want_xday && !st->have_wday) {
		if (!(st->have_mon && st->have_mday) && st->have_yday) {
			mon_mday_from_yday(tm, st->have_mon, st->have_mday);
			st->have_mon = st->have_mday = true;
		}
		if (tm->tm_year >= -1900)
			set_wday(tm);
	}
	if (st->want_xday && !st->have_yday &&
	    (st->have_mon || (unsigned)tm->tm_mon <= 11))
		tm->tm_yday = days_before(leap(1900L + tm->tm_year),
			tm->tm_mon) + tm->tm_mday - 1;
	if ((st->have_uweek || st->have_wweek) && st->have_wday)
		from_week(tm, st);
}

char *
lx_strptime(const char *s, const char *fmt, struct tm *tm)
{
	struct pstate st = { .century = -1 };

	if (!(s = parse(s, fmt, tm, &st)))
		return NULL;
	finish(tm, &st);
	return (char *)s;
}

/* XXX Only the C locale's names and formats, whatever l says. */
char *
lx_strptime_l(const char *s, const char *fmt, struct tm *tm,
	struct lx_locale *l)
{
	(void)l;
	return lx_strptime(s, fmt, tm);
}
