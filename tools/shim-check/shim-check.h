/*
 * shim-check: which ELF objects of a tree the shim can run, and why not.
 * Shared declarations of the symmap table (symtab.c), the ELF scan
 * (scan.c), the library search (search.c), the load test through the
 * shim (load.c) and the reports (report.c).
 */
#ifndef SHIM_CHECK_H
#define SHIM_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum sc_status { SC_OK, SC_PARTIAL, SC_GLIBC, SC_NOTELF };
enum sc_where { SC_BUILTIN, SC_PREFIX, SC_HOST, SC_MISSING };
/* --load: what became of a library loaded through the shim. */
enum sc_load { SC_LOAD_NONE, SC_LOAD_OK, SC_LOAD_FAILED, SC_LOAD_CRASHED,
	SC_LOAD_TIMEOUT };
enum sc_kind { SC_KIND_NONE, SC_KIND_HOST, SC_KIND_WRAP, SC_KIND_IMPL,
	SC_KIND_UNSUPPORTED };

struct sc_strlist {
	char **v;
	size_t n, cap;
};

struct sc_needed {
	char *name;
	char *found;		/* path opened, NULL if built-in or missing */
	enum sc_where where;
	bool beside;		/* found only in the library's own directory */
};

struct sc_object {
	char *path;
	enum sc_status status;
	struct sc_needed *needed;
	size_t nneeded;
	unsigned total, provided;
	struct sc_strlist missing;	/* sym@VERSION */
	struct sc_strlist unsupported;	/* sym@VERSION */
	const char *glibc_why;		/* SC_GLIBC: what makes it glibc's */
	bool is_lib;			/* a shared library, not a program */
	enum sc_load load;		/* SC_LOAD_NONE: not loaded */
	int load_signal;		/* SC_LOAD_CRASHED: the signal */
	char *load_msg;			/* first line of the shim's stderr */
	double load_secs;
};

struct sc_summary {
	unsigned objects, ok, partial, glibc, notelf;
	bool load;			/* --load was given */
	unsigned loaded, load_ok, load_failed, load_crashed, load_timeout;
	double load_secs;		/* wall time of all loads */
};

struct sc_load_opts {
	const char *shim, *prefix;
	unsigned timeout, jobs;		/* seconds per library; parallel */
};

/* symtab.c */
int symtab_load(const char *file);
enum sc_kind symtab_kind(const char *name, const char *version);
int symtab_family(const char *soname);

/* search.c */
void search_init(const char *prefix);
const char *search_guest_path(const char *path, char *out, size_t outsz);
enum sc_where search_library(const char *name, const char *rpath,
	const char *runpath, const char *origin, char **found);

/* scan.c: NULL if PATH is no object to report (not ELF, other machine) */
struct sc_object *scan_object(const char *path, int *ioerr);
void object_free(struct sc_object *o);

/* load.c: load each shared library of V through the shim (--load) */
int load_check_shim(const char *shim);
int load_all(struct sc_object **v, size_t n, const struct sc_load_opts *opt);
const char *load_name(enum sc_load l);
const char *load_signal_name(int sig);

/* report.c */
const char *status_name(enum sc_status s);
const char *where_name(enum sc_where w);
void report_table(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s);
void report_json(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s);
void report_html(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s);

/* util (shim-check.c) */
void *xmalloc(size_t n);
char *xstrdup(const char *s);
void strlist_add(struct sc_strlist *l, const char *s);

#endif
