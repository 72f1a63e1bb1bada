/*
 * glibc's strftime and wcsftime in the C locale: the GNU flags _ - 0 ^ #
 * and field widths, %P %k %l %s %C %g %G %V %u %e, the E and O modifiers
 * (and which conversions refuse them), %z/%Z from tm_gmtoff/tm_zone, and
 * glibc's quirks (unknown conversions copied literally with their width,
 * %Y %C %G with one-digit minimum, composite formats padded as a whole).
 * musl gets the flags and several of these wrong, so every conversion
 * is done here; only mktime (for %s) and tzname come from the host.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

size_t lx_strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
size_t lx_wcsftime(wchar_t *s, size_t max, const wchar_t *fmt,
    const struct tm *tm);

struct out {
	char *buf;
	size_t max, len;	/* len counts past max: the needed size */
};

struct spec {
	int pad;		/* 0, '_', '-', '0' */
	int width;		/* -1: none */
	bool up, low;
};

static const char *const days[] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

static void format(struct out *o, const char *f, const struct tm *tm,
    bool up);

static void
put(struct out *o, char c)
{
	if (o->len < o->max)
		o->buf[o->len] = c;
	o->len++;
}

static void
fill(struct out *o, char c, long n)
{
	for (; n > 0 && o->len < o->max; n--)
		put(o, c);
	if (n > 0)
		o->len += (size_t)n;	/* past the end: only count */
}

static char
cased(const struct spec *sp, char c)
{
	if (sp->low)
		return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
	if (sp->up)
		return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
	return c;
}

/* A string: padded to the width with zeros for '0', else spaces. */
static void
put_str(struct out *o, const struct spec *sp, const char *str, size_t n)
{
	if (sp->width > 0 && (size_t)sp->width > n)
		fill(o, sp->pad == '0' ? '0' : ' ', sp->width - (long)n);
	for (size_t i = 0; i < n; i++)
		put(o, cased(sp, str[i]));
}

/* A number of at least 'digits' digits, padded with defpad by default. */
static void
put_num(struct out *o, const struct spec *sp, long long v, int digits,
    int defpad)
{
	char num[24];
	int pad = sp->pad ? sp->pad : defpad, n = 0, neg = v < 0;
	unsigned long long u = neg ? -(unsigned long long)v :
	    (unsigned long long)v;
	long w;

	do
		num[n++] = '0' + u % 10;
	while ((u /= 10) != 0);
	if (pad == '-') {
		fill(o, ' ', sp->width - neg - n);
	} else {
		w = sp->width > digits ? sp->width : digits;
		if (pad == '_')
			fill(o, ' ', w - neg - n);
		if (neg)
			put(o, '-');
		if (pad != '_')
			fill(o, '0', w - neg - n);
		neg = 0;
	}
	if (neg)
		put(o, '-');
	while (n > 0)
		put(o, num[--n]);
}

static bool
leap(long long y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Days since the Monday of ISO week 1 of the year holding yday. */
static int
iso_days(int yday, int wday)
{
	int wd1 = (yday - wday + 382) % 7;	/* weekday - 1 of Jan 4 */

	return yday - wd1 + 3;
}

/* The ISO 8601 week-based year and week number. */
static void
iso_week(const struct tm *tm, long long *year, int *week)
{
	long long y = (long long)tm->tm_year + 1900;
	int d = iso_days(tm->tm_yday, tm->tm_wday);

	if (d < 0) {
		y--;
		d = iso_days(tm->tm_yday + 365 + leap(y), tm->tm_wday);
	} else {
		int next = iso_days(tm->tm_yday - 365 - leap(y),
		    tm->tm_wday);
		if (next >= 0) {
			y++;
			d = next;
		}
	}
	*year = y;
	*week = d / 7 + 1;
}

static long long
floordiv(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static void
sub(struct out *o, const struct spec *sp, const char *f,
    const struct tm *tm)
{
	char tmp[512];
	struct out in = { tmp, sizeof tmp, 0 };

	format(&in, f, tm, sp->up);
	put_str(o, sp, tmp, in.len < sizeof tmp ? in.len : sizeof tmp);
}

static const char *
name(const char *const *tab, int n, int i)
{
	return i >= 0 && i < n ? tab[i] : "?";
}

static void
put_name(struct out *o, const struct spec *sp, const char *s, bool abbr)
{
	size_t n = strlen(s);

	put_str(o, sp, s, abbr && n > 3 ? 3 : n);
}

static void
zone(struct out *o, struct spec *sp, const struct tm *tm, bool numeric)
{
	long off = tm->tm_gmtoff / 60;
	const char *z = tm->tm_zone;
	struct spec one = *sp;

	if (tm->tm_isdst < 0)
		return;
	if (!numeric) {
		if (z == NULL || *z == 0) {
			tzset();
			z = tzname[tm->tm_isdst > 0];
		}
		put_str(o, sp, z ? z : "", z ? strlen(z) : 0);
		return;
	}
	one.pad = sp->pad == '0' ? '0' : ' ';
	put_str(o, &one, off < 0 ? "-" : "+", 1);
	if (off < 0)
		off = -off;
	put_num(o, sp, off / 60 * 100 + off % 60, 4, '0');
}

static void
epoch(struct out *o, const struct spec *sp, const struct tm *tm)
{
	struct tm copy = *tm;

	put_num(o, sp, (long long)mktime(&copy), 1, '0');
}

static bool
number(struct out *o, struct spec *sp, int c, const struct tm *tm)
{
	long long y = (long long)tm->tm_year + 1900, g;
	int h12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12, wk;

	switch (c) {
	case 'C': put_num(o, sp, floordiv(y, 100), 1, '0'); break;
	case 'd': put_num(o, sp, tm->tm_mday, 2, '0'); break;
	case 'e': put_num(o, sp, tm->tm_mday, 2, '_'); break;
	case 'H': put_num(o, sp, tm->tm_hour, 2, '0'); break;
	case 'I': put_num(o, sp, h12, 2, '0'); break;
	case 'k': put_num(o, sp, tm->tm_hour, 2, '_'); break;
	case 'l': put_num(o, sp, h12, 2, '_'); break;
	case 'j': put_num(o, sp, tm->tm_yday + 1LL, 3, '0'); break;
	case 'm': put_num(o, sp, tm->tm_mon + 1LL, 2, '0'); break;
	case 'M': put_num(o, sp, tm->tm_min, 2, '0'); break;
	case 'S': put_num(o, sp, tm->tm_sec, 2, '0'); break;
	case 's': epoch(o, sp, tm); break;
	case 'u': put_num(o, sp, (tm->tm_wday - 1 + 7) % 7 + 1, 1, '0');
		break;
	case 'w': put_num(o, sp, tm->tm_wday, 1, '0'); break;
	case 'U': put_num(o, sp, (tm->tm_yday - tm->tm_wday + 7) / 7, 2,
		'0'); break;
	case 'W': put_num(o, sp, (tm->tm_yday - (tm->tm_wday - 1 + 7) % 7 +
		7) / 7, 2, '0'); break;
	case 'y': put_num(o, sp, y - floordiv(y, 100) * 100, 2, '0'); break;
	case 'Y': put_num(o, sp, y, 1, '0'); break;
	case 'G': case 'g': case 'V':
		iso_week(tm, &g, &wk);
		if (c == 'G')
			put_num(o, sp, g, 1, '0');
		else if (c == 'g')
			put_num(o, sp, g - floordiv(g, 100) * 100, 2, '0');
		else
			put_num(o, sp, wk, 2, '0');
		break;
	default: return false;
	}
	return true;
}

static bool
text(struct out *o, struct spec *sp, int c, const struct tm *tm,
    bool hash)
{
	const char *s;

	switch (c) {
	case 'a': case 'A':
		sp->up |= hash;
		put_name(o, sp, name(days, 7, tm->tm_wday), c == 'a');
		break;
	case 'b': case 'B': case 'h':
		sp->up |= hash;
		put_name(o, sp, name(months, 12, tm->tm_mon), c != 'B');
		break;
	case 'p': case 'P':
		sp->low = hash || c == 'P';
		s = tm->tm_hour > 11 ? "PM" : "AM";
		put_str(o, sp, s, 2);
		break;
	case 'Z': sp->low = hash; zone(o, sp, tm, false); break;
	case 'z': zone(o, sp, tm, true); break;
	case 'n': put_str(o, sp, "\n", 1); break;
	case 't': put_str(o, sp, "\t", 1); break;
	case '%': put_str(o, sp, "%", 1); break;
	case 'c': sub(o, sp, "%a %b %e %H:%M:%S %Y", tm); break;
	case 'D': case 'x': sub(o, sp, "%m/%d/%y", tm); break;
	case 'F': sub(o, sp, "%Y-%m-%d", tm); break;
	case 'r': sub(o, sp, "%I:%M:%S %p", tm); break;
	case 'R': sub(o, sp, "%H:%M", tm); break;
	case 'T': case 'X': sub(o, sp, "%H:%M:%S", tm); break;
	default: return false;
	}
	return true;
}

/* Does glibc refuse this conversion with this modifier? */
static bool
bad_modifier(int mod, int c)
{
	if (mod == 'E')
		return strchr("cCnpPrRstTuxXyYzZ%", c) == NULL;
	if (mod == 'O')
		return strchr("aAcDFxXY", c) != NULL;
	return false;
}

/* One directive at f ('%'); returns where the next one starts. */
static const char *
directive(struct out *o, const char *f, const struct tm *tm, bool up)
{
	struct spec sp = { 0, -1, up, false };
	const char *start = f++;
	bool hash = false;
	int mod = 0;

	for (;; f++) {
		if (*f == '_' || *f == '-' || *f == '0')
			sp.pad = *f;
		else if (*f == '^')
			sp.up = true;
		else if (*f == '#')
			hash = true;
		else
			break;
	}
	if (*f >= '0' && *f <= '9') {
		long w = 0;
		for (; *f >= '0' && *f <= '9'; f++)
			w = w > INT_MAX / 10 ? INT_MAX : w * 10 + (*f - '0');
		sp.width = w > INT_MAX ? INT_MAX : (int)w;
	}
	if (*f == 'E' || *f == 'O')
		mod = *f++;
	if (*f != 0 && !bad_modifier(mod, *f) &&
	    (number(o, &sp, *f, tm) || text(o, &sp, *f, tm, hash)))
		return f + 1;
	if (*f != 0)
		f++;
	sp.up = up;
	sp.low = false;
	put_str(o, &sp, start, (size_t)(f - start));
	return f;
}

static void
format(struct out *o, const char *f, const struct tm *tm, bool up)
{
	while (*f) {
		if (*f != '%')
			put(o, *f++);
		else
			f = directive(o, f, tm, up);
	}
}

size_t
lx_strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	struct out o = { s, max, 0 };

	format(&o, fmt, tm, false);
	if (o.len >= max)
		return 0;
	s[o.len] = 0;
	return o.len;
}

/* The C locale's wide characters are the bytes: convert both ways. */
size_t
lx_wcsftime(wchar_t *s, size_t max, const wchar_t *fmt, const struct tm *tm)
{
	size_t n = wcslen(fmt), r = 0;
	char *nf = malloc(n * MB_CUR_MAX + 1), *out = NULL;
	struct out o = { NULL, 0, 0 };

	if (nf == NULL || wcstombs(nf, fmt, n * MB_CUR_MAX + 1) == (size_t)-1)
		goto fail;
	format(&o, nf, tm, false);
	if (o.len >= max || (out = malloc(o.len + 1)) == NULL)
		goto fail;
	o = (struct out){ out, o.len + 1, 0 };
	format(&o, nf, tm, false);
	out[o.len] = 0;
	r = mbstowcs(s, out, max);
	if (r == (size_t)-1 || r >= max)
		r = 0;
fail:
	free(nf);
	free(out);
	return r;
}
