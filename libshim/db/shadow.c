/*
 * The shadow functions musl lacks: sgetspent (one /etc/shadow line) and
 * glibc's group shadow family (<gshadow.h>: sgetsgent, fgetsgent, the
 * getsgent enumeration of /etc/gshadow, getsgnam, putsgent, and their _r
 * forms).  Lines are parsed as glibc's "files" database parses them:
 * empty numeric fields are -1, malformed lines are skipped when reading a
 * file, a buffer too small gives ERANGE and the line is read again on the
 * next call.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/gnu.h"
#include "lx/shadow.h"

/* Room for the static results, grown on ERANGE (glibc starts at 1024). */
#define BUFSTEP	1024

/* Guards the static results of the non-reentrant functions. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- line parsing ----------------------------------------------------- */

/* Cuts the ':'-terminated field at *PP and moves past it. */
static char *
take_field(char **pp)
{
	char *s = *pp, *p = s;

	while (*p && *p != ':')
		p++;
	if (*p)
		*p++ = '\0';
	*pp = p;
	return s;
}

/*
 * A number field: decimal (after optional blanks and sign) up to 2^32 - 1,
 * or DEF when empty.  It ends at a ':' (consumed) or at the end of the
 * line; LAST: only at the end.  0 when the line ends before the field or
 * the field holds anything else.
 */
static int
take_number(char **pp, unsigned long *v, unsigned long def, int last)
{
	char *p = *pp, *end;
	unsigned long u;
	int e = errno;

	if (*p == '\0')
		return 0;
	u = strtoul(p, &end, 10);
	errno = e;		/* musl says EINVAL for an empty field */
	if (u > 0xffffffffUL)
		return 0;
	*v = end == p ? def : u;
	if (*end == ':' && !last)
		end++;
	else if (*end != '\0')
		return 0;
	*pp = end;
	return 1;
}

/* A day count: the 32-bit value read as an int, -1 when empty. */
static int
take_long(char **pp, long *v)
{
	unsigned long u;

	if (!take_number(pp, &u, (unsigned long)-1, 0))
		return 0;
	*v = (long)(int32_t)(uint32_t)u;
	return 1;
}

/* Parses the shadow line S (modified in place) into R: 1, or 0 if bad. */
static int
parse_spwd(char *s, struct lx_spwd *r)
{
	char *nl = strchr(s, '\n');

	if (nl)
		*nl = '\0';
	r->sp_namp = take_field(&s);
	if (*s == '\0' && (r->sp_namp[0] == '+' || r->sp_namp[0] == '-')) {
		r->sp_pwdp = NULL;
		r->sp_lstchg = r->sp_min = r->sp_max = 0;
		r->sp_warn = r->sp_inact = r->sp_expire = -1;
		r->sp_flag = ~0UL;
		return 1;
	}
	r->sp_pwdp = take_field(&s);
	if (!take_long(&s, &r->sp_lstchg) || !take_long(&s, &r->sp_min) ||
	    !take_long(&s, &r->sp_max))
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	r->sp_warn = r->sp_inact = r->sp_expire = -1;
	r->sp_flag = ~0UL;
	if (*s == '\0')		/* the old three-number form */
		return 1;
	if (!take_long(&s, &r->sp_warn) || !take_long(&s, &r->sp_inact) ||
	    !take_long(&s, &r->sp_expire))
		return 0;
	if (*s != '\0' && !take_number(&s, &r->sp_flag, ~0UL, 1))
		return 0;
	return 1;
}

/*
 * Parses the ','-separated list at *PP, which ends at TERM (consumed) or
 * at the end of the line, into a NULL-terminated vector stored from AT
 * (aligned) up to END, which must leave room for SPARE more pointers.
 * Blanks before a name are skipped, empty names dropped.  NULL when the
 * vector does not fit.
 */
static char **
take_list(char **pp, char *at, char *end, int term, int spare)
{
	char *p = *pp, *name, c;
	char **v, **n;

	at += (uintptr_t)-(uintptr_t)at % sizeof(char *);
	v = n = (char **)(void *)at;
	for (;;) {
		if ((char *)(n + 1 + spare) > end)
			return NULL;
		if (*p == '\0')
			break;
		if (*p == term) {
			p++;
			break;
		}
		while (isspace((unsigned char)*p))
			p++;
		name = p;
		while (*p && *p != term && *p != ',')
			p++;
		if (p > name)
			*n++ = name;
		c = *p;
		if (c == '\0')
			continue;
		*p++ = '\0';
		if (c == term)
			break;
	}
	*n = NULL;
	*pp = p;
	return v;
}

/* Parses the gshadow line S, which lies in BUF[0..LEN), into R, the lists
 * after the line: 1, 0 if malformed, -1 if the lists do not fit. */
static int
parse_sgrp(char *s, struct lx_sgrp *r, char *buf, size_t len)
{
	char *nl = strchr(s, '\n'), *end = buf + len, *at;
	char **v;

	if (nl)
		*nl = '\0';
	at = buf <= s && s < end ? strchr(s, '\0') + 1 : buf;
	r->sg_namp = take_field(&s);
	if (*s == '\0' && (r->sg_namp[0] == '+' || r->sg_namp[0] == '-')) {
		/* A NIS reference: only the (empty) member list. */
		r->sg_passwd = NULL;
		r->sg_adm = NULL;
	} else {
		r->sg_passwd = take_field(&s);
		v = take_list(&s, at, end, ':', 0);
		if (!v)
			goto full;
		r->sg_adm = v;
		while (*v)
			v++;
		at = (char *)(v + 1);
	}
	/* glibc wants room for one more pointer after the member list. */
	v = take_list(&s, at, end, '\0', 1);
	if (!v)
		goto full;
	r->sg_mem = v;
	return 1;
full:
	errno = ERANGE;
	return -1;
}

/* Copies S into BUF for parsing: 0, or ERANGE when it does not fit. */
static int
copy_line(const char *s, char *buf, size_t len)
{
	size_t n = strlen(s);

	if (n >= len)
		return ERANGE;
	memcpy(buf, s, n + 1);
	return 0;
}

/* ---- sgetspent, sgetsgent --------------------------------------------- */

struct lx_spwd *
lx_sgetspent(const char *s)
{
	static struct lx_spwd res;
	static char *buf;
	static size_t size;
	struct lx_spwd *r = NULL;
	size_t n = strlen(s) + 1;
	char *nb;

	pthread_mutex_lock(&lock);
	if (n > size) {
		nb = realloc(buf, n);
		if (!nb)
			goto out;
		buf = nb;
		size = n;
	}
	memcpy(buf, s, n);
	if (parse_spwd(buf, &res))
		r = &res;
out:
	pthread_mutex_unlock(&lock);
	return r;
}

int
lx_sgetsgent_r(const char *s, struct lx_sgrp *res, char *buf, size_t len,
	       struct lx_sgrp **out)
{
	char *line = (char *)s;
	int rc;

	*out = NULL;
	if (s < buf || s >= buf + len) {
		rc = copy_line(s, buf, len);
		if (rc)
			return rc;
		line = buf;
	}
	if (parse_sgrp(line, res, buf, len) <= 0)
		return errno;
	*out = res;
	return 0;
}

/* The static result of a non-reentrant function and its buffer. */
struct slot {
	struct lx_sgrp res;
	char *buf;
	size_t size;
};

typedef int r_fn(const char *, struct lx_sgrp *, char *, size_t,
		 struct lx_sgrp **);

/* Runs FN(ARG) into slot S, its buffer grown while FN says ERANGE: the
 * static result, or NULL. */
static struct lx_sgrp *
growing(r_fn *fn, const char *arg, struct slot *s)
{
	struct lx_sgrp *r = NULL;
	char *nb;

	pthread_mutex_lock(&lock);
	if (!s->buf) {
		s->buf = malloc(BUFSTEP);
		s->size = s->buf ? BUFSTEP : 0;
	}
	while (s->buf && fn(arg, &s->res, s->buf, s->size, &r) == ERANGE) {
		nb = realloc(s->buf, 2 * s->size);
		if (!nb) {
			free(s->buf);
			s->buf = NULL;
			s->size = 0;
			errno = ENOMEM;
			r = NULL;
			break;
		}
		s->buf = nb;
		s->size *= 2;
	}
	pthread_mutex_unlock(&lock);
	return r;
}

struct lx_sgrp *
lx_sgetsgent(const char *s)
{
	static struct slot slot;

	return growing(lx_sgetsgent_r, s, &slot);
}

/* ---- reading a gshadow file ------------------------------------------- */

/* After a line did not fit: go back to its start at OFF for the next
 * call, ERANGE; ESPIPE if the stream cannot seek (glibc also sets the
 * stream's error flag then, which musl offers no way to do). */
static int
reread(FILE *f, off_t off)
{
	if (off < 0 || fseeko(f, off, SEEK_SET) < 0) {
		errno = ESPIPE;
		return ESPIPE;
	}
	errno = ERANGE;
	return ERANGE;
}

/* Reads the next line that is neither blank nor a comment into BUF
 * (leading blanks removed); its start in *OFF.  0 or an errno value. */
static int
read_line(FILE *f, char *buf, size_t len, off_t *off)
{
	int n = len > INT_MAX ? INT_MAX : (int)len;
	char *p;

	if (n < 3) {
		errno = ERANGE;
		return ERANGE;
	}
	for (;;) {
		*off = ftello(f);
		buf[n - 1] = '\xff';
		if (!fgets(buf, n, f)) {
			if (feof(f)) {
				errno = ENOENT;
				return ENOENT;
			}
			if (errno == ERANGE)
				errno = EINVAL;
			return errno;
		}
		if (buf[n - 1] != '\xff')
			return reread(f, *off);
		for (p = buf; isspace((unsigned char)*p); p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		if (p != buf)
			memmove(buf, p, strlen(p) + 1);
		return 0;
	}
}

int
lx_fgetsgent_r(FILE *f, struct lx_sgrp *res, char *buf, size_t len,
	       struct lx_sgrp **out)
{
	off_t off;
	int rc;

	*out = NULL;
	flockfile(f);
	for (;;) {
		rc = read_line(f, buf, len, &off);
		if (rc)
			break;
		rc = parse_sgrp(buf, res, buf, len);
		if (rc > 0) {
			rc = 0;
			*out = res;
			break;
		}
		if (rc < 0) {
			rc = reread(f, off);
			break;
		}
		errno = EINVAL;		/* a malformed line: skipped */
	}
	funlockfile(f);
	return rc;
}

struct lx_sgrp *
lx_fgetsgent(FILE *f)
{
	static struct lx_sgrp res;
	static char *buf;
	static size_t size;
	struct lx_sgrp *r = NULL;
	fpos_t pos;
	char *nb;

	if (fgetpos(f, &pos) != 0)
		return NULL;
	pthread_mutex_lock(&lock);
	if (!buf) {
		buf = malloc(BUFSTEP);
		size = buf ? BUFSTEP : 0;
	}
	while (buf && lx_fgetsgent_r(f, &res, buf, size, &r) == ERANGE) {
		nb = realloc(buf, size + BUFSTEP);
		if (!nb || fsetpos(f, &pos) != 0) {
			r = NULL;
			if (nb)
				buf = nb, size += BUFSTEP;
			break;
		}
		buf = nb;
		size += BUFSTEP;
	}
	pthread_mutex_unlock(&lock);
	return r;
}

/* ---- the /etc/gshadow database ---------------------------------------- */

static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *db;		/* the enumeration's stream, under db_lock */

/* Opens the database (through the reroot) for reading, close-on-exec. */
static FILE *
open_db(void)
{
	return LX_PATHCALL(fopen)(LX_PATH_GSHADOW, "re");
}

void
lx_setsgent(void)
{
	pthread_mutex_lock(&db_lock);
	if (db)
		rewind(db);
	else
		db = open_db();
	pthread_mutex_unlock(&db_lock);
}

void
lx_endsgent(void)
{
	pthread_mutex_lock(&db_lock);
	if (db)
		fclose(db);
	db = NULL;
	pthread_mutex_unlock(&db_lock);
}

int
lx_getsgent_r(struct lx_sgrp *res, char *buf, size_t len,
	      struct lx_sgrp **out)
{
	int rc;

	*out = NULL;
	pthread_mutex_lock(&db_lock);
	if (!db)
		db = open_db();
	rc = db ? lx_fgetsgent_r(db, res, buf, len, out) : errno;
	pthread_mutex_unlock(&db_lock);
	return rc;
}

/* getsgent_r in the shape growing() calls. */
static int
next_entry(const char *unused, struct lx_sgrp *res, char *buf, size_t len,
	   struct lx_sgrp **out)
{
	(void)unused;
	return lx_getsgent_r(res, buf, len, out);
}

struct lx_sgrp *
lx_getsgent(void)
{
	static struct slot slot;

	return growing(next_entry, NULL, &slot);
}

int
lx_getsgnam_r(const char *name, struct lx_sgrp *res, char *buf, size_t len,
	      struct lx_sgrp **out)
{
	FILE *f;
	int rc;

	*out = NULL;
	f = open_db();
	if (!f)
		return errno;
	while ((rc = lx_fgetsgent_r(f, res, buf, len, out)) == 0) {
		if (name[0] != '+' && name[0] != '-' &&
		    strcmp(name, res->sg_namp) == 0)
			break;
		*out = NULL;
	}
	fclose(f);
	if (rc == ENOENT)
		rc = 0;		/* not found: 0 and a NULL result */
	if (rc == 0)
		errno = 0;	/* as glibc's lookup functions leave it */
	return rc;
}

struct lx_sgrp *
lx_getsgnam(const char *name)
{
	static struct slot slot;

	return growing(lx_getsgnam_r, name, &slot);
}

/* ---- putsgent --------------------------------------------------------- */

/* A field may not contain the separators of the line. */
static int
valid_field(const char *s, const char *bad)
{
	return !s || !strpbrk(s, bad);
}

static int
valid_list(char *const *v)
{
	for (; v && *v; v++)
		if (!valid_field(*v, ":\n,"))
			return 0;
	return 1;
}

/* Writes the names of V separated by commas, then END: 0, or -1. */
static int
put_list(char *const *v, int end, FILE *f)
{
	char *const *first = v;
	int bad = 0;

	for (; v && *v; v++)
		if (fprintf(f, "%s%s", v == first ? "" : ",", *v) < 0) {
			bad = 1;
			break;
		}
	if (putc_unlocked(end, f) == EOF)
		bad = 1;
	return bad ? -1 : 0;
}

int
lx_putsgent(const struct lx_sgrp *g, FILE *f)
{
	int bad = 0;

	if (!g->sg_namp || !valid_field(g->sg_namp, ":\n") ||
	    !valid_field(g->sg_passwd, ":\n") || !valid_list(g->sg_adm) ||
	    !valid_list(g->sg_mem)) {
		errno = EINVAL;
		return -1;
	}
	flockfile(f);
	if (fprintf(f, "%s:%s:", g->sg_namp,
		    g->sg_passwd ? g->sg_passwd : "") < 0)
		bad = 1;
	if (put_list(g->sg_adm, ':', f) < 0)
		bad = 1;
	if (put_list(g->sg_mem, '\n', f) < 0)
		bad = 1;
	funlockfile(f);
	return bad ? -1 : 0;
}
