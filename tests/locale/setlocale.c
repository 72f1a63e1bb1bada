/*
 * glibc's setlocale: which names it accepts (installed locales only; C,
 * POSIX and C.UTF-8 are built in), the names it reports back per
 * category and as LC_ALL's composite, "" resolved from LC_ALL, LC_* and
 * LANG, the categories musl lacks (LC_PAPER ...), errors, and what the
 * locale changes: nl_langinfo(CODESET), MB_CUR_MAX, newlocale.
 * Run natively and through the shim; the output must be the same.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(int cat, const char *name)
{
	char *r = setlocale(cat, name);

	printf("setlocale(%d, %s) = %s | LC_ALL %s | LC_TIME %s | LC_PAPER %s"
	    " | %s %d\n", cat, name ? name : "NULL", r ? r : "NULL",
	    setlocale(LC_ALL, NULL), setlocale(LC_TIME, NULL),
	    setlocale(LC_PAPER, NULL), nl_langinfo(CODESET),
	    (int)MB_CUR_MAX);
}

static void env(const char *all, const char *time, const char *lang)
{
	unsetenv("LC_ALL");
	unsetenv("LC_TIME");
	unsetenv("LANG");
	if (all)
		setenv("LC_ALL", all, 1);
	if (time)
		setenv("LC_TIME", time, 1);
	if (lang)
		setenv("LANG", lang, 1);
	printf("env LC_ALL=%s LC_TIME=%s LANG=%s\n", all ? all : "-",
	    time ? time : "-", lang ? lang : "-");
	show(LC_ALL, "");
	setlocale(LC_ALL, "C");
}

int main(void)
{
	char saved[2048];
	locale_t l;

	show(LC_ALL, NULL);
	env(NULL, NULL, NULL);
	env(NULL, NULL, "C.UTF-8");
	env(NULL, NULL, "no_SUCH.UTF-8");
	env("C.UTF-8", "C", NULL);
	env(NULL, "C.UTF-8", "C");
	env(NULL, "no_SUCH", "C.UTF-8");
	env("", "", "POSIX");
	show(LC_ALL, "no_SUCH.UTF-8");
	show(LC_CTYPE, "C.UTF-8");
	show(LC_TIME, "C.utf8");
	show(LC_PAPER, "POSIX");
	show(LC_NUMERIC, "no_SUCH");
	snprintf(saved, sizeof saved, "%s", setlocale(LC_ALL, NULL));
	show(LC_ALL, "C");
	show(LC_ALL, saved);
	show(LC_ALL, "LC_CTYPE=C;LC_BOGUS=C");
	show(LC_ALL, "../C");
	show(LC_ALL, "POSIX");
	errno = 0;
	printf("setlocale(99): %s %d\n", setlocale(99, "C") ? "set" : "NULL",
	    errno);
	errno = 0;
	l = newlocale(LC_ALL_MASK, "no_SUCH", 0);
	printf("newlocale(no_SUCH): %s %d\n", l ? "made" : "NULL", errno);
	l = newlocale(LC_ALL_MASK, "C.UTF-8", 0);
	printf("newlocale(C.UTF-8): %s %s\n", l ? "made" : "NULL",
	    l ? nl_langinfo_l(CODESET, l) : "-");
	if (l)
		freelocale(l);
	return 0;
}
