/*
 * GNU regex in a UTF-8 locale: '.', brackets (classes, non-ASCII
 * characters, negation) and \W stand for whole characters, not bytes,
 * with and without REG_ICASE, next to the same patterns in the C locale. Run natively and through the shim; the
 * output must be the same.
 */
#define _GNU_SOURCE
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

static const char *const pats[] = {
	".", "^.$", "^..$", "a.c", "[^a]", "[^a-z]+", "\\W", "x.*y", "^.{3}$",
	"é", ".$", "[^[:space:]]+", "\\b.", "\\B.", "\\<a", "\\w+",
	"[[:upper:]]", "[[:alpha:]]+", "[^[:alpha:]]", "[éè]+", "[^é]",
	"[a-ü]", "[[:lower:][:digit:]]+", "[[:punct:]]",
};
static const char *const subjects[] = {
	"é", "aéc", "日本", "xé日y", "ab", "\xa9", "café au lait", "é\xa9",
	"ÄÖÜ äöü", "«straße»", "Éè9",
};

static void run(const char *locale, int cflags)
{
	printf("== %s %d\n", locale, cflags);
	for (size_t i = 0; i < sizeof pats / sizeof *pats; i++) {
		regex_t re;
		int e = regcomp(&re, pats[i], REG_EXTENDED | cflags);

		if (e) {
			printf("%s: regcomp %d\n", pats[i], e);
			continue;
		}
		for (size_t j = 0; j < sizeof subjects / sizeof *subjects;
		    j++) {
			regmatch_t m[1];

			if (regexec(&re, subjects[j], 1, m, 0) == 0)
				printf("%s ~ %zu: %d..%d\n", pats[i], j,
				    (int)m[0].rm_so, (int)m[0].rm_eo);
			else
				printf("%s ~ %zu: no\n", pats[i], j);
		}
		regfree(&re);
	}
}

int main(void)
{
	run("C", 0);
	if (setlocale(LC_ALL, "C.UTF-8")) {
		run("C.UTF-8", 0);
		run("C.UTF-8", REG_ICASE);
	}
	return 0;
}
