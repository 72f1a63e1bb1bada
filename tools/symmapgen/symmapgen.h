/*
 * symmapgen: host tool that turns symmaps/NAME.symmap into the C tables
 * declared in include/shim/builtin.h (format: symmaps/README.md).
 *
 * The model shared by its rooms: parse.c and lex.c read and validate the
 * files into libs[] and ents[], resolve.c orders the entries and collects
 * the targets, emit.c writes the tables, proto.c the prototypes of the
 * targets, main.c reads the options.
 *
 * Input is validated strictly; every defect is reported through err() as
 * "file:line: message" on stderr and counted in nerrors.
 */
#ifndef SYMMAPGEN_H
#define SYMMAPGEN_H

#include <stdio.h>
#include <stddef.h>

/* builtin.h's header comment names "symmaps/ *.symmap" without the space. */
#pragma GCC diagnostic ignored "-Wcomment"
#include "shim/builtin.h"

#define MAXTOK 256

struct lib {
	char *soname;
	char **versions;	/* NULL until an @versions line is seen */
	unsigned nversions;
	const char *vfile;	/* where @versions was first given */
	unsigned vline;
	const char *sfile;	/* where the soname was first named */
	unsigned sline;
};

struct entry {
	unsigned lib;
	char *name;
	char *vername;		/* resolved to ver after all files */
	unsigned ver;
	int kind;		/* enum lx_kind */
	int errs;		/* enum lx_errs */
	char *cname;		/* target C name; NULL for unsupported */
	char *sig;
	char *reason;
	unsigned long size;	/* data objects */
	int data;
	int deflt;
	int target;		/* index into targets, -1 if none */
	const char *file;
	unsigned line;
};

struct target {
	char *cname;
	int host;		/* some host entry uses it */
	int data;		/* some obj: entry uses it */
	int kind;		/* kind of its first use */
	int proto;		/* index into ents: the entry whose signature
				   is the target's C type (see resolve.c) */
};

/* The input, filled by parse_file() and ordered by resolve(). */
extern struct lib *libs;
extern unsigned nlibs;
extern struct entry *ents;
extern unsigned nents;
/* The targets, collected by resolve(). */
extern struct target *tgts;
extern unsigned ntgts;
/* Defects reported so far. */
extern int nerrors;

extern const char *const kind_names[];

/* lex.c */
void die_oom(void);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
void err(const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int is_ident(const char *s);
int is_soname(const char *s);
int is_vername(const char *s);
int tokenize(char *line, char **tok, int *quoted, const char *file,
    unsigned ln);

/* parse.c */
void parse_file(const char *file);

/* resolve.c */
void resolve(void);

/* emit.c */
void put_str(FILE *out, const char *s);
int generate(const char *path);

/* proto.c */
int generate_protos(const char *path);

#endif
