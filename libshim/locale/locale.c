/*
 * locale_t for guests: glibc programs and libstdc++ read the ctype tables
 * out of struct __locale_struct themselves (isalpha_l() is a macro there,
 * std::ctype<char> keeps __ctype_b), so a guest's locale_t is a
 * struct lx_locale in glibc's layout with the host's locale_t behind it.
 * Every function that takes or returns a locale_t converts here. The class
 * table is the host's (shim/host.h); the case tables are libshim's, shared
 * by every object.
 */
#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>

#include "lx/locale.h"
#include "shim/host.h"

#define LX_NCAT 13

static __thread struct lx_locale *current;	/* NULL: the global locale */

static locale_t H(struct lx_locale *l)
{
	return l == LX_LC_GLOBAL_LOCALE ? LC_GLOBAL_LOCALE : l->host;
}

/*
 * glibc's case tables, which programs index directly (toupper() is a table
 * lookup in glibc's headers) for -128..255: ASCII letters map, every other
 * byte maps to itself (-128..-2 to the unsigned byte, -1 to EOF), in the C
 * and UTF-8 locales alike. A host's own tables need not say so (musl's
 * are 0 outside 0..127, which would turn every non-ASCII byte a program
 * upper-cases into NUL), so libshim has its own, whatever the host.
 */
static int case_upper[384], case_lower[384];
static const int *const case_upper_p = case_upper + 128;
static const int *const case_lower_p = case_lower + 128;

__attribute__((constructor)) static void fill_case_tables(void)
{
	for (int c = -128; c < 256; c++) {
		int b = c == -1 ? -1 : c < 0 ? c + 256 : c;

		case_upper[c + 128] = b >= 'a' && b <= 'z' ? b - 32 : b;
		case_lower[c + 128] = b >= 'A' && b <= 'Z' ? b + 32 : b;
	}
}

const int **lx___ctype_toupper_loc(void)
{
	return (const int **)&case_upper_p;
}

const int **lx___ctype_tolower_loc(void)
{
	return (const int **)&case_lower_p;
}

/* The functions read the same tables, as glibc's do: toupper(-128) is
 * 128 there (the byte), where musl's returns -128. */
static int case_map(const int *tab, int c)
{
	return c >= -128 && c < 256 ? tab[c] : c;
}

int lx_toupper(int c)
{
	return case_map(case_upper_p, c);
}

int lx_tolower(int c)
{
	return case_map(case_lower_p, c);
}

int lx_toupper_l(int c, struct lx_locale *l)
{
	(void)l;	/* every locale shares the tables */
	return case_map(case_upper_p, c);
}

int lx_tolower_l(int c, struct lx_locale *l)
{
	(void)l;
	return case_map(case_lower_p, c);
}

static void fill_tables(struct lx_locale *l)
{
	l->ctype_b = host_ctype_b(l->host);
	l->ctype_tolower = case_lower_p;
	l->ctype_toupper = case_upper_p;
}

/* Names: NAME for the categories in MASK, the rest from FROM or "C". */
static void set_names(struct lx_locale *l, int mask, const char *name,
	const struct lx_locale *from)
{
	for (int i = 0; i < LX_NCAT; i++) {
		if (i != LC_ALL && (mask & (1 << i)))
			l->names[i] = strdup(name);
		else if (!l->names[i])
			l->names[i] = strdup(from && from->names[i] ?
				from->names[i] : "C");
	}
}

static void free_names(struct lx_locale *l)
{
	for (int i = 0; i < LX_NCAT; i++) {
		free((char *)l->names[i]);
		l->names[i] = NULL;
	}
}

struct lx_locale *lx_newlocale(int mask, const char *name,
	struct lx_locale *base)
{
	struct lx_locale *l = base;
	locale_t h;

	if (base == LX_LC_GLOBAL_LOCALE)
		base = l = NULL;
	if (name && *name && !lx_locale_exists(name)) {
		errno = ENOENT;		/* glibc: only installed locales */
		return NULL;
	}
	h = newlocale(mask & LC_ALL_MASK, name, base ? base->host : 0);
	if (!h)
		return NULL;
	if (!l && !(l = calloc(1, sizeof *l))) {
		freelocale(h);
		return NULL;
	}
	l->host = h;
	fill_tables(l);
	if (base) {
		for (int i = 0; i < LX_NCAT; i++)
			if (i != LC_ALL && (mask & (1 << i))) {
				free((char *)l->names[i]);
				l->names[i] = NULL;
			}
	}
	set_names(l, mask, name, NULL);
	return l;
}

struct lx_locale *lx_duplocale(struct lx_locale *l)
{
	struct lx_locale *d = calloc(1, sizeof *d);

	if (!d || !(d->host = duplocale(H(l)))) {
		free(d);
		return NULL;
	}
	fill_tables(d);
	for (int i = 0; i < LX_NCAT; i++) {
		const char *n = l != LX_LC_GLOBAL_LOCALE ? l->names[i] :
			i != LC_ALL ? lx_setlocale(i, NULL) : "C";

		d->names[i] = strdup(n ? n : "C");
	}
	return d;
}

void lx_freelocale(struct lx_locale *l)
{
	if (!l || l == LX_LC_GLOBAL_LOCALE)
		return;
	if (current == l)
		current = NULL;
	freelocale(l->host);
	free_names(l);
	free(l);
}

struct lx_locale *lx_uselocale(struct lx_locale *l)
{
	struct lx_locale *old = current ? current : LX_LC_GLOBAL_LOCALE;

	if (l) {
		uselocale(H(l));
		current = l == LX_LC_GLOBAL_LOCALE ? NULL : l;
	}
	return old;
}

/* glibc names the C locale's codeset "ANSI_X3.4-1968" (musl: "ASCII"). */
static char *codeset_name(nl_item item, char *s)
{
	if (item == CODESET && s && !strcmp(s, "ASCII"))
		return (char *)"ANSI_X3.4-1968";
	return s;
}

char *lx_nl_langinfo_l(nl_item item, struct lx_locale *l)
{
	return codeset_name(item, nl_langinfo_l(item, H(l)));
}

char *lx_nl_langinfo(nl_item item)
{
	return codeset_name(item, nl_langinfo(item));
}

int lx_strcoll_l(const char *a, const char *b, struct lx_locale *l)
{
	return strcoll_l(a, b, H(l));
}

size_t lx_strxfrm_l(char *d, const char *s, size_t n, struct lx_locale *l)
{
	return strxfrm_l(d, s, n, H(l));
}

int lx_wcscoll_l(const wchar_t *a, const wchar_t *b, struct lx_locale *l)
{
	return wcscoll_l(a, b, H(l));
}

size_t lx_wcsxfrm_l(wchar_t *d, const wchar_t *s, size_t n,
	struct lx_locale *l)
{
	return wcsxfrm_l(d, s, n, H(l));
}

size_t lx_strftime(char *, size_t, const char *, const struct tm *);
size_t lx_wcsftime(wchar_t *, size_t, const wchar_t *, const struct tm *);

/* libshim's strftime is glibc's in the C locale, which is musl's only one. */
size_t lx_strftime_l(char *s, size_t n, const char *f, const struct tm *tm,
	struct lx_locale *l)
{
	(void)l;
	return lx_strftime(s, n, f, tm);
}

size_t lx_wcsftime_l(wchar_t *s, size_t n, const wchar_t *f,
	const struct tm *tm, struct lx_locale *l)
{
	(void)l;
	return lx_wcsftime(s, n, f, tm);
}

int lx_strcasecmp_l(const char *a, const char *b, struct lx_locale *l)
{
	return strcasecmp_l(a, b, H(l));
}

int lx_strncasecmp_l(const char *a, const char *b, size_t n,
	struct lx_locale *l)
{
	return strncasecmp_l(a, b, n, H(l));
}

int lx_wcscasecmp_l(const wchar_t *a, const wchar_t *b, struct lx_locale *l)
{
	return wcscasecmp_l(a, b, H(l));
}

int lx_wcsncasecmp_l(const wchar_t *a, const wchar_t *b, size_t n,
	struct lx_locale *l)
{
	return wcsncasecmp_l(a, b, n, H(l));
}

wctype_t lx_wctype_l(const char *name, struct lx_locale *l)
{
	return wctype_l(name, H(l));
}

int lx_iswctype_l(wint_t c, wctype_t t, struct lx_locale *l)
{
	return iswctype_l(c, t, H(l));
}

wctrans_t lx_wctrans_l(const char *name, struct lx_locale *l)
{
	return wctrans_l(name, H(l));
}

wint_t lx_towctrans_l(wint_t c, wctrans_t t, struct lx_locale *l)
{
	return towctrans_l(c, t, H(l));
}

#define CLASS_L(fn, arg) \
int lx_##fn(arg c, struct lx_locale *l) \
{ \
	return fn(c, H(l)); \
}
CLASS_L(isalnum_l, int) CLASS_L(isalpha_l, int) CLASS_L(isblank_l, int)
CLASS_L(iscntrl_l, int) CLASS_L(isdigit_l, int) CLASS_L(isgraph_l, int)
CLASS_L(islower_l, int) CLASS_L(isprint_l, int) CLASS_L(ispunct_l, int)
CLASS_L(isspace_l, int) CLASS_L(isupper_l, int) CLASS_L(isxdigit_l, int)
CLASS_L(iswalnum_l, wint_t) CLASS_L(iswalpha_l, wint_t)
CLASS_L(iswblank_l, wint_t) CLASS_L(iswcntrl_l, wint_t)
CLASS_L(iswdigit_l, wint_t) CLASS_L(iswgraph_l, wint_t)
CLASS_L(iswlower_l, wint_t) CLASS_L(iswprint_l, wint_t)
CLASS_L(iswpunct_l, wint_t) CLASS_L(iswspace_l, wint_t)
CLASS_L(iswupper_l, wint_t) CLASS_L(iswxdigit_l, wint_t)

wint_t lx_towlower_l(wint_t c, struct lx_locale *l)
{
	return towlower_l(c, H(l));
}

wint_t lx_towupper_l(wint_t c, struct lx_locale *l)
{
	return towupper_l(c, H(l));
}

/* MB_CUR_MAX: glibc's UTF-8 locales say 6 (the longest sequence of the
 * old UTF-8 definition), musl's 4. */
size_t lx___ctype_get_mb_cur_max(void)
{
	size_t n = MB_CUR_MAX;

	return n > 1 ? 6 : n;
}
