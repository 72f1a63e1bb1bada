/*
 * The terminal table /etc/ttys (through the reroot), which musl lacks:
 * setttyent/getttyent/getttynam/endttyent over glibc's struct ttyent,
 * parsed as glibc (after 4.4BSD) does: "name getty type flags... #comment"
 * where a field may be "quoted", the flags are on, off, secure and
 * window=CMD, and a line longer than 98 characters is skipped.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lx/dbs.h"
#include "shim/gnu.h"

#define LINE_MAX_TTYS	100

int lx_setttyent(void);

static FILE *tf;
static char line[LINE_MAX_TTYS];
static struct lx_ttyent ent;
static char ended_by;	/* the character that ended the last field */

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Terminate the field at P in place (quotes removed, \" inside quotes
 * kept as "); return the start of the next field. The field ends at
 * unquoted white space (skipped) or '#' (the comment's start).
 */
static char *field_end(char *p)
{
	bool quoted = false;
	char *out = p;

	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted && p[0] == '\\' && p[1] == '"')
			p++;
		*out++ = *p;
		if (quoted)
			continue;
		if (*p == '#') {
			ended_by = '#';
			*p = 0;
			break;
		}
		if (blank(*p)) {
			ended_by = *p;
			*p++ = 0;
			while (blank(*p))
				p++;
			break;
		}
	}
	/* glibc drops the last character copied: the terminator, or at the
	 * end of the line the field's own last one */
	out[-1] = 0;
	return p;
}

/* P starts with the flag WORD followed by white space ('=' for VALUE). */
static bool is_flag(const char *p, const char *word, bool value)
{
	size_t n = strlen(word);

	return !strncmp(p, word, n) &&
		(value ? p[n] == '=' : isspace((unsigned char)p[n]));
}

/* The next line that is neither blank, a comment nor too long. */
static char *next_line(void)
{
	char *p;
	int c;

	for (;;) {
		if (!fgets(line, sizeof line, tf))
			return NULL;
		if (!strchr(line, '\n')) {
			while ((c = getc(tf)) != '\n' && c != EOF)
				;
			continue;
		}
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (*p && *p != '#')
			return p;
	}
}

static char *parse_flags(char *p)
{
	for (; *p; p = field_end(p)) {
		if (is_flag(p, "off", false))
			ent.ty_status &= ~LX_TTY_ON;
		else if (is_flag(p, "on", false))
			ent.ty_status |= LX_TTY_ON;
		else if (is_flag(p, "secure", false))
			ent.ty_status |= LX_TTY_SECURE;
		else if (is_flag(p, "window", true))
			ent.ty_window = strchr(p, '=') + 1;
		else
			break;
	}
	return p;
}

struct lx_ttyent *lx_getttyent(void)
{
	char *p, *nl;

	if (!tf && !lx_setttyent())
		return NULL;
	if (!(p = next_line()))
		return NULL;
	ended_by = 0;
	ent.ty_name = p;
	p = field_end(p);
	ent.ty_getty = p;
	ent.ty_type = NULL;
	if (!*p) {
		ent.ty_getty = NULL;
	} else {
		ent.ty_type = p = field_end(p);
		if (!*p)
			ent.ty_type = NULL;
		else
			p = field_end(p);
	}
	ent.ty_status = 0;
	ent.ty_window = NULL;
	p = parse_flags(p);
	if (ended_by == '#' || *p == '#')
		while (*++p == ' ' || *p == '\t')
			;
	ent.ty_comment = *p ? p : NULL;
	if ((nl = strchr(p, '\n')))
		*nl = 0;
	return &ent;
}

int lx_setttyent(void)
{
	if (tf) {
		rewind(tf);
		return 1;
	}
	tf = LX_PATHCALL(fopen)(LX_PATH_TTYS, "re");
	return tf != NULL;
}

int lx_endttyent(void)
{
	int r = 1;

	if (tf) {
		r = fclose(tf) != EOF;
		tf = NULL;
	}
	return r;
}

struct lx_ttyent *lx_getttynam(const char *name)
{
	struct lx_ttyent *e;

	lx_setttyent();
	while ((e = lx_getttyent()) && strcmp(name, e->ty_name))
		;
	lx_endttyent();
	return e;
}
