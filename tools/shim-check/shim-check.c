/*
 * shim-check: for each ELF object of the given files and directories,
 * where its DT_NEEDED libraries resolve and whether every glibc
 * symbol@version it imports is provided by the shim (symmaps), with
 * --load whether each shared library loads through the shim, as a
 * terminal table, JSON or a self-contained HTML report.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "shim-check.h"

#ifndef SHIM_CHECK_SYMMAPS
#define SHIM_CHECK_SYMMAPS "symmap-list.txt"
#endif
#ifndef SHIM_CHECK_SHIM
#define SHIM_CHECK_SHIM "ld-linux-shim"
#endif

static struct sc_object **objs;
static size_t nobjs, capobjs;
static int io_failed;

/* Files already seen (hard links, a path given twice). */
static struct { dev_t dev; ino_t ino; } *seen;
static size_t nseen, capseen;

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fprintf(stderr, "shim-check: out of memory\n");
		exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void strlist_add(struct sc_strlist *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v) {
			fprintf(stderr, "shim-check: out of memory\n");
			exit(2);
		}
	}
	l->v[l->n++] = xstrdup(s);
}

static int seen_before(const struct stat *st)
{
	size_t i;

	if (2 * (nseen + 1) > capseen) {
		size_t ncap = capseen ? 2 * capseen : 1024;
		__typeof__(seen) ns = calloc(ncap, sizeof *ns);

		if (!ns)
			exit(2);
		for (size_t j = 0; j < capseen; j++) {
			if (!seen[j].ino)
				continue;
			i = (seen[j].ino ^ seen[j].dev) & (ncap - 1);
			while (ns[i].ino)
				i = (i + 1) & (ncap - 1);
			ns[i] = seen[j];
		}
		free(seen);
		seen = ns;
		capseen = ncap;
	}
	for (i = (st->st_ino ^ st->st_dev) & (capseen - 1); seen[i].ino;
	     i = (i + 1) & (capseen - 1))
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
			return 1;
	seen[i].dev = st->st_dev;
	seen[i].ino = st->st_ino;
	nseen++;
	return 0;
}

static void add_object(struct sc_object *o)
{
	if (nobjs == capobjs) {
		capobjs = capobjs ? 2 * capobjs : 256;
		objs = realloc(objs, capobjs * sizeof *objs);
		if (!objs)
			exit(2);
	}
	objs[nobjs++] = o;
}

/* A file: reported when it is an object; EXPLICIT ones also as not-elf. */
static void check_file(const char *path, int explicit)
{
	int ioerr;
	struct sc_object *o = scan_object(path, &ioerr);

	if (ioerr) {
		io_failed = 1;
		return;
	}
	if (!o && explicit) {
		o = xmalloc(sizeof *o);
		memset(o, 0, sizeof *o);
		o->path = xstrdup(path);
		o->status = SC_NOTELF;
	}
	if (o)
		add_object(o);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Everything under DIR, in name order; symlinks are not followed. */
static void walk(const char *dir)
{
	struct sc_strlist names = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d) {
		fprintf(stderr, "shim-check: %s: %s\n", dir, strerror(errno));
		io_failed = 1;
		return;
	}
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			strlist_add(&names, de->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, cmp_names);
	for (size_t i = 0; i < names.n; i++) {
		size_t l = strlen(dir);
		char *p = xmalloc(l + strlen(names.v[i]) + 2);
		struct stat st;

		sprintf(p, "%s%s%s", dir, l && dir[l - 1] == '/' ? "" : "/",
			names.v[i]);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			walk(p);
		else if (S_ISREG(st.st_mode) && !seen_before(&st))
			check_file(p, 0);
		free(p);
		free(names.v[i]);
	}
	free(names.v);
}

static void check_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "shim-check: %s: %s\n", path, strerror(errno));
		io_failed = 1;
	} else if (S_ISDIR(st.st_mode)) {
		walk(path);
	} else if (!seen_before(&st)) {
		check_file(path, 1);
	}
}

static void usage(FILE *f)
{
	fprintf(f,
	    "usage: shim-check [--prefix DIR] [--json] [--html FILE]\n"
	    "                  [--symmaps FILE] [--load [--shim PATH]\n"
	    "                  [--timeout SECS] [--jobs N]] PATH...\n"
	    "Checks ELF files and directories (recursively) against the\n"
	    "shim's symmaps: DT_NEEDED resolution and glibc imports.\n"
	    "glibc's own objects (its libraries, gconv modules, anything that\n"
	    "imports GLIBC_PRIVATE) are listed as \"glibc\" and not checked.\n"
	    "\n"
	    "--load also loads every shared library found (not programs, not\n"
	    "glibc's own) through the shim, `SHIM --load LIB`, in a child\n"
	    "process that binds all its symbols and runs its initializers,\n"
	    "as dlopen(RTLD_NOW) would, then exits (finalizers run). Each\n"
	    "library reports ok, failed (the shim's error), crashed (the\n"
	    "signal) or timeout (killed after --timeout SECS, default 10).\n"
	    "Children get /dev/null as stdin and stdout; --jobs N of them run\n"
	    "at once (default: the number of CPUs).\n"
	    "Initializers run for real: a library's constructor may do\n"
	    "anything a program using it would. Which libraries to check this\n"
	    "way is your choice: name only those whose side effects you\n"
	    "accept.\n"
	    "\n"
	    "Exit status: 0 all ok, 1 some partial or (--load) some library\n"
	    "did not load, 2 usage or I/O error.\n"
	    "Default symmap list: %s\n"
	    "Default shim: %s\n", SHIM_CHECK_SYMMAPS, SHIM_CHECK_SHIM);
}

/* A positive number for option OPT, or exit 2. */
static unsigned positive(const char *opt, const char *arg)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || !v || v > 100000) {
		fprintf(stderr, "shim-check: %s: bad number '%s'\n", opt, arg);
		exit(2);
	}
	return (unsigned)v;
}

static void summarize(struct sc_summary *sum)
{
	for (size_t i = 0; i < nobjs; i++) {
		enum sc_status st = objs[i]->status;
		enum sc_load ld = objs[i]->load;

		sum->ok += st == SC_OK;
		sum->partial += st == SC_PARTIAL;
		sum->glibc += st == SC_GLIBC;
		sum->notelf += st == SC_NOTELF;
		sum->loaded += ld != SC_LOAD_NONE;
		sum->load_ok += ld == SC_LOAD_OK;
		sum->load_failed += ld == SC_LOAD_FAILED;
		sum->load_crashed += ld == SC_LOAD_CRASHED;
		sum->load_timeout += ld == SC_LOAD_TIMEOUT;
	}
	sum->objects = sum->ok + sum->partial;
}

static int write_html(const char *file, const struct sc_summary *s)
{
	FILE *f = fopen(file, "w");

	if (!f) {
		fprintf(stderr, "shim-check: %s: %s\n", file, strerror(errno));
		return -1;
	}
	report_html(f, objs, nobjs, s);
	if (fclose(f) != 0) {
		fprintf(stderr, "shim-check: %s: %s\n", file, strerror(errno));
		return -1;
	}
	return 0;
}

/* The load test of the objects found, timed into SUM. */
static void load_objects(struct sc_load_opts *lo, struct sc_summary *sum)
{
	struct timespec t0, t1;

	if (!lo->jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		lo->jobs = n > 0 ? (unsigned)n : 1;
	}
	sum->load = true;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (load_all(objs, nobjs, lo) < 0)
		io_failed = 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sum->load_secs = (t1.tv_sec - t0.tv_sec) +
		(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "prefix", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "html", required_argument, NULL, 'h' },
		{ "symmaps", required_argument, NULL, 's' },
		{ "load", no_argument, NULL, 'l' },
		{ "shim", required_argument, NULL, 'S' },
		{ "timeout", required_argument, NULL, 't' },
		{ "jobs", required_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'H' },
		{ 0 },
	};
	const char *html = NULL, *symmaps = SHIM_CHECK_SYMMAPS;
	struct sc_load_opts lo = { .shim = SHIM_CHECK_SHIM, .timeout = 10 };
	struct sc_summary sum = { 0 };
	struct stat st;
	int json = 0, load = 0, c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'p': lo.prefix = optarg; break;
		case 'j': json = 1; break;
		case 'h': html = optarg; break;
		case 's': symmaps = optarg; break;
		case 'l': load = 1; break;
		case 'S': lo.shim = optarg; break;
		case 't': lo.timeout = positive("--timeout", optarg); break;
		case 'J': lo.jobs = positive("--jobs", optarg); break;
		case 'H': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	errno = 0;
	if (lo.prefix && (stat(lo.prefix, &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "shim-check: %s: %s\n", lo.prefix,
			errno ? strerror(errno) : "not a directory");
		return 2;
	}
	if (symtab_load(symmaps) < 0 || (load && load_check_shim(lo.shim) < 0))
		return 2;
	elf_version(EV_CURRENT);
	search_init(lo.prefix);
	for (int i = optind; i < argc; i++)
		check_path(argv[i]);
	if (load)
		load_objects(&lo, &sum);
	summarize(&sum);
	if (json)
		report_json(stdout, objs, nobjs, &sum);
	else
		report_table(stdout, objs, nobjs, &sum);
	if (html && write_html(html, &sum) < 0)
		io_failed = 1;
	for (size_t i = 0; i < nobjs; i++)
		object_free(objs[i]);
	free(objs);
	free(seen);
	if (fflush(stdout) != 0 || io_failed)
		return 2;
	return sum.partial || sum.loaded != sum.load_ok ? 1 : 0;
}
