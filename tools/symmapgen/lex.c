/*
 * symmapgen, lexical room: memory and error helpers, the name checks and
 * the tokenizer of one symmap line (format: symmaps/README.md).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symmapgen.h"

void
die_oom(void)
{
	fprintf(stderr, "symmapgen: out of memory\n");
	exit(1);
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		die_oom();
	return d;
}

void
err(const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%u: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nerrors++;
}

int
is_ident(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

int
is_soname(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isgraph((unsigned char)*s) || *s == '"' || *s == '#')
			return 0;
	return 1;
}

int
is_vername(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.')
			return 0;
	return 1;
}

/*
 * Split LINE in place into at most MAXTOK tokens; quoted tokens keep their
 * quote in quoted[] and have the quotes and escapes removed. '#' outside
 * quotes ends the line. Returns the token count, -1 after an error.
 */
int
tokenize(char *line, char **tok, int *quoted, const char *file, unsigned ln)
{
	int n = 0;
	char *p = line, *w;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0' || *p == '#')
			return n;
		if (n == MAXTOK) {
			err(file, ln, "too many fields");
			return -1;
		}
		quoted[n] = *p == '"';
		if (quoted[n]) {
			tok[n] = w = ++p;
			while (*p != '"') {
				if (*p == '\0' || *p == '\n') {
					err(file, ln, "unterminated string");
					return -1;
				}
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				*w++ = *p++;
			}
			p++;
			if (*p != '\0' && !isspace((unsigned char)*p)) {
				err(file, ln, "junk after closing quote");
				return -1;
			}
		} else {
			tok[n] = w = p;
			while (*p && !isspace((unsigned char)*p) && *p != '#') {
				if (*p == '"') {
					err(file, ln, "stray quote");
					return -1;
				}
				w++, p++;
			}
		}
		n++;
		if (*p == '\0')
			return *w = '\0', n;
		if (*p == '#') {
			*w = '\0';
			return n;
		}
		p++;
		*w = '\0';
	}
}
