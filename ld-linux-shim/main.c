/*
 * The interpreter's main line: options, the program (mapped by the kernel
 * when the shim is its PT_INTERP, else mapped here), the personality's
 * start-up state, the global scope, relocation, library initializers, and
 * the jump to the program's entry point on the initial stack. --load is the
 * same line without a program: a library is the root, as dlopen would
 * load it, and the process exits after its initializers.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader-int.h"
#include "shim/libshim.h"
#include "shim/reroot.h"

/* libshim (start.c): the guest's exit-handler list. */
int lx___cxa_atexit(void (*fn)(void *), void *arg, void *dso);

struct shim_config shim_cfg;
static bool load_only;		/* --load: a library, no program */

static void usage(FILE *f)
{
	fprintf(f,
"Usage: " SHIM_NAME " [OPTIONS] [--] PROGRAM [ARGS...]\n"
"       " SHIM_NAME " [OPTIONS] --load LIBRARY\n"
"Run a Linux x86-64 program built against glibc on this host's C library.\n"
"The shim can also be a program's ELF interpreter:\n"
"  patchelf --set-interpreter /path/to/" SHIM_NAME " PROGRAM\n"
"\n"
"Options:\n"
"  --prefix DIR      reroot prefix: every absolute path the program names is\n"
"                    looked up as DIR/PATH first, then as PATH\n"
"                    (default: $SHIM_PREFIX, else /compat/linux if present)\n"
"  --list            list the objects PROGRAM loads and where they come from\n"
"  --load            no program: load LIBRARY (a path, or a name searched\n"
"                    for as dlopen would) with its dependencies, bind every\n"
"                    symbol now (RTLD_NOW), run the initializers and exit 0\n"
"                    (finalizers run at that exit); on failure print the\n"
"                    error and exit 127. Initializers run for real: load\n"
"                    only libraries whose side effects you accept\n"
"  --allow-missing   run even if symbols are missing (calling one fails\n"
"                    with ENOSYS and names the symbol)\n"
"  --argv0 NAME      start PROGRAM (--load: LIBRARY's initializers) with\n"
"                    argv[0] set to NAME\n"
"  --help            show this help and exit\n"
"  --version         show the version and exit\n"
"\n"
"Environment: SHIM_PREFIX=DIR, SHIM_DEBUG=libs,bindings,reroot,all\n"
"             SHIM_TRACE=GLOB,... (trace calls into glibc; !GLOB excludes),\n"
"             SHIM_TRACE_FILE=PATH\n");
}

static void parse_debug(const char *s)
{
	static const struct { const char *name; unsigned bit; } opts[] = {
		{ "libs", SHIM_DEBUG_LIBS }, { "bindings", SHIM_DEBUG_BINDINGS },
		{ "reloc", SHIM_DEBUG_RELOC }, { "reroot", SHIM_DEBUG_REROOT },
		{ "syscalls", SHIM_DEBUG_SYSCALLS }, { "all", ~0u },
	};

	while (s && *s) {
		size_t n = strcspn(s, ",");

		for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
			if (strlen(opts[i].name) == n &&
			    !strncmp(s, opts[i].name, n))
				shim_cfg.debug |= opts[i].bit;
		s += n + (s[n] == ',');
	}
}

/*
 * Secure mode (secure.c removed SHIM_* and LD_* already): the built-in
 * default prefix only, and only if root alone can change what is in it;
 * no debugging, no tracing.
 */
static void config_secure(void)
{
	shim_trace_state = 0;
	if (access(SHIM_DEFAULT_PREFIX, F_OK) == 0 &&
	    secure_dir_trusted(SHIM_DEFAULT_PREFIX))
		shim_cfg.prefix = SHIM_DEFAULT_PREFIX;
}

/*
 * --prefix DIR. In secure mode (a secure guest starting another program
 * passes its own prefix; a set-user-ID shim would be run by anyone) only
 * a directory that root alone can change.
 */
static void set_prefix(const char *dir)
{
	if (shim_boot.secure && *dir && !secure_dir_trusted(dir))
		shim_fatal("%s: refused as the prefix in secure mode "
			"(set-user-ID or set-group-ID): not root's alone", dir);
	shim_cfg.prefix = *dir ? dir : NULL;
}

/*
 * A shim that is itself set-user-ID or set-group-ID would run any program
 * or library its caller names with its privileges: refused. (The programs
 * a secure guest starts are secure too, but the shim file is not.)
 */
static void refuse_setuid_shim(const char *self)
{
	struct stat st;

	if (shim_boot.secure && (stat(self, &st) < 0 ||
	    (st.st_mode & (S_ISUID | S_ISGID))))
		shim_fatal("%s: refusing direct use in secure mode: the shim "
			"itself is set-user-ID or set-group-ID", self);
}

static void config_from_env(void)
{
	const char *p;

	if (shim_boot.secure) {
		config_secure();
		return;
	}
	p = getenv("SHIM_PREFIX");

	if (p && *p)
		shim_cfg.prefix = p;
	else if (access(SHIM_DEFAULT_PREFIX, F_OK) == 0)
		shim_cfg.prefix = SHIM_DEFAULT_PREFIX;
	parse_debug(getenv("SHIM_DEBUG"));
	shim_cfg.lib_path = getenv("LD_LIBRARY_PATH");
	if (shim_cfg.prefix && !*shim_cfg.prefix)
		shim_cfg.prefix = NULL;
}

/* Direct use: the index in argv of PROGRAM, after the shim's options. */
static int parse_args(int argc, char **argv, char **argv0)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			printf(SHIM_NAME " " SHIM_VERSION "\n");
			exit(0);
		} else if (!strcmp(a, "--prefix") && i + 1 < argc) {
			set_prefix(argv[++i]);
		} else if (!strncmp(a, "--prefix=", 9)) {
			set_prefix(a + 9);
		} else if (!strcmp(a, "--list")) {
			shim_cfg.list_only = true;
		} else if (!strcmp(a, "--load")) {
			load_only = true;
		} else if (!strcmp(a, "--argv0") && i + 1 < argc) {
			*argv0 = argv[++i];
		} else if (!strcmp(a, "--allow-missing")) {
			shim_cfg.allow_missing = true;
		} else if (a[0] == '-' && a[1] == '-') {
			shim_fatal("unknown option %s (try --help)", a);
		} else {
			break;
		}
	}
	if (i >= argc) {
		usage(stderr);
		exit(127);
	}
	if (load_only && i + 1 < argc)
		shim_fatal("--load takes one library, not arguments (%s)",
			argv[i + 1]);
	return i;
}

/* PROG as the user named it: a path, or a command found in $PATH. Not
 * inlined: its path buffers are gone from the stack before the load. */
__attribute__((noinline))
static struct object *map_program(const char *prog)
{
	char found[PATH_MAX], cand[PATH_MAX];
	enum origin origin;
	int fd = -1;
	struct object *o;

	if (strchr(prog, '/')) {
		fd = shim_open_path(prog, found, sizeof found, &origin);
	} else {
		const char *path = getenv("PATH");

		while (path && *path && fd < 0) {
			size_t n = strcspn(path, ":");

			snprintf(cand, sizeof cand, "%.*s/%s", (int)n,
				n ? path : ".", prog);
			fd = shim_open_path(cand, found, sizeof found, &origin);
			path += n + (path[n] == ':');
		}
	}
	if (fd < 0)
		shim_fatal("%s: cannot open: %s", prog, strerror(errno));
	o = map_object(found, fd, ORIGIN_MAIN, prog);
	close(fd);
	if (!o)
		exit(127);
	o->origin = ORIGIN_MAIN;
	return o;
}

static void set_aux(uintptr_t type, uintptr_t val)
{
	for (ElfW(auxv_t) *a = shim_boot.auxv; a->a_type != AT_NULL; a++)
		if (a->a_type == type)
			a->a_un.a_val = val;
}

/* As PT_INTERP, the shim is the file the program's PT_INTERP names. */
static void exec_init_from_interp(const struct object *prog)
{
	for (size_t i = 0; i < prog->phnum; i++)
		if (prog->phdr[i].p_type == PT_INTERP)
			lx_exec_init((const char *)(prog->base +
				prog->phdr[i].p_vaddr));
}

/* A program without PT_INTERP is started as the kernel starts it: no
 * loader, nothing relocated (a static-pie relocates itself from the
 * auxiliary vector, where AT_BASE is 0), and every system call it makes
 * served by the shim through the trap. */
static bool has_interp(const struct object *prog)
{
	for (size_t i = 0; i < prog->phnum; i++)
		if (prog->phdr[i].p_type == PT_INTERP)
			return true;
	return false;
}

static __attribute__((noreturn)) void start_static(struct object *prog,
	uintptr_t *sp)
{
	set_aux(AT_BASE, 0);
	if (shim_trap_arm() < 0)
		shim_fatal("%s: a program without PT_INTERP makes its own "
			"system calls, which need Syscall User Dispatch "
			"(Linux 5.11): %s", prog->path, strerror(errno));
	shim_enter_guest(prog->entry, sp);
}

static void list_objects(void)
{
	for (struct object *o = shim_head; o; o = o->next) {
		if (o->is_main)
			printf("\t%s (program)\n", o->path);
		else if (o->builtin)
			printf("\t%s => built-in\n", o->name);
		else
			printf("\t%s => %s (%s)\n", o->name, o->path,
				o->origin == ORIGIN_PREFIX ? "prefix" : "host");
	}
}

static void load_fini(void *unused)
{
	(void)unused;
	fini_objects();
}

/*
 * --load NAME: the library NAME is the root of the global scope and ARGV
 * (NAME, or --argv0) the guest's; the personality starts as for a program
 * that dlopens NAME, and exit() runs the guest's exit handlers and then
 * the finalizers, as there.
 */
static __attribute__((noreturn)) void load_library_only(const char *name,
	int argc, char **argv, char **envp)
{
	struct object *lib;

	if (!(lib = load_library(name, NULL)))
		exit(127);
	lx_personality_init(argc, argv, envp, lib);
	if (load_deps_and_relocate(lib) < 0) {
		if (shim_cfg.list_only)
			list_objects();
		exit(127);
	}
	if (shim_cfg.list_only) {
		list_objects();
		exit(0);
	}
	lx___cxa_atexit(load_fini, NULL, NULL);
	init_objects(lib, argc, argv, envp);
	exit(0);
}

/* The running interpreter's path, or "" (the kernel's /proc/self/exe). */
static char *self_path(void)
{
	static char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	self[n > 0 ? n : 0] = 0;
	return self;
}

int shim_main(int argc, char **argv, char **envp)
{
	struct object *prog;
	uintptr_t *sp = shim_boot.sp;
	int skip = 0;

	config_from_env();
	if (shim_boot.as_interp) {
		char *self = self_path();

		prog = object_from_memory((void *)shim_boot.at_phdr,
			shim_boot.at_phnum, shim_boot.at_entry,
			*self ? self : argv[0]);
		if (!prog)
			exit(127);
		exec_init_from_interp(prog);
		set_aux(AT_PHDR, shim_boot.at_phdr);
		set_aux(AT_PHNUM, shim_boot.at_phnum);
	} else {
		char *argv0 = NULL, *self = self_path();

		refuse_setuid_shim(self);
		lx_exec_init(self);
		skip = parse_args(argc, argv, &argv0);
		if (load_only) {
			const char *name = argv[skip];

			if (argv0)
				argv[skip] = argv0;
			load_library_only(name, argc - skip, argv + skip, envp);
		}
		prog = map_program(argv[skip]);
		lx_reroot_set_exe(prog->path);
		set_aux(AT_EXECFN, (uintptr_t)argv[skip]);
		if (argv0)
			argv[skip] = argv0;
		set_aux(AT_PHDR, (uintptr_t)prog->phdr);
		set_aux(AT_PHNUM, prog->phnum);
		set_aux(AT_ENTRY, prog->entry);
		set_aux(AT_BASE, shim_boot.base);
		/* The guest's argv starts at PROGRAM. */
		sp += skip;
		sp[0] = argc - skip;
	}
	if (!shim_boot.as_interp && !has_interp(prog) && !shim_cfg.list_only)
		start_static(prog, sp);
	load_set_program(prog);
	tls_init_thread();	/* the main thread is a live thread */
	lx_personality_init(argc - skip, argv + skip, envp, prog);
	if (shim_cfg.list_only) {
		int r = load_deps_and_relocate(prog);

		list_objects();
		return r < 0 ? 127 : 0;
	}
	if (load_deps_and_relocate(prog) < 0)
		exit(127);
	init_objects(prog, argc - skip, argv + skip, envp);
	shim_enter_guest(prog->entry, sp);
}
