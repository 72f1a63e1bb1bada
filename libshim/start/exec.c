/*
 * Guests that start a Linux program keep running through the shim, as
 * under FreeBSD's Linuxulator: execve, the exec family, posix_spawn,
 * system and popen look at what is being started; a glibc-linked program
 * (PT_INTERP named ld-linux*), a static glibc program (no PT_INTERP, and
 * glibc's ABI note naming Linux: its system calls are trapped then), or a
 * script whose interpreter is one of those is started as
 * "ld-linux-shim --argv0 ARGV0 -- PROGRAM ARGS". Everything else (host
 * programs, static programs of other libcs) starts natively. The path is
 * rerooted first. Nothing here allocates: a vfork child may call it.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shim/libshim.h"
#include "shim/gnu.h"
#include "shim/loader.h"
#include "shim/reroot.h"

static char shim_path[PATH_MAX];

void lx_exec_init(const char *self)
{
	if (self && strlen(self) < sizeof shim_path)
		strcpy(shim_path, self);
}

/* Does the PT_NOTE segment PH of FD hold glibc's NT_GNU_ABI_TAG for
 * Linux (the note glibc's start files put in every program)? */
static bool linux_abi_note(int fd, const Elf64_Phdr *ph)
{
	unsigned char buf[256];
	size_t n = ph->p_filesz < sizeof buf ? ph->p_filesz : sizeof buf;

	if (pread(fd, buf, n, ph->p_offset) != (ssize_t)n)
		return false;
	for (size_t off = 0; off + sizeof(Elf64_Nhdr) <= n;) {
		Elf64_Nhdr nh;
		size_t name, desc;

		memcpy(&nh, buf + off, sizeof nh);
		name = off + sizeof nh;
		desc = name + ((nh.n_namesz + 3) & ~3UL);
		if (nh.n_namesz > n || nh.n_descsz > n || desc > n ||
		    desc + nh.n_descsz > n)
			return false;
		if (nh.n_type == NT_GNU_ABI_TAG && nh.n_namesz == 4 &&
		    !memcmp(buf + name, "GNU", 4) && nh.n_descsz >= 4) {
			uint32_t os;

			memcpy(&os, buf + desc, 4);
			return os == ELF_NOTE_OS_LINUX;
		}
		off = desc + ((nh.n_descsz + 3) & ~3UL);
	}
	return false;
}

/* Is the ELF file FD a glibc-linked x86-64 program, dynamic or static? */
static bool is_glibc_elf(int fd, const unsigned char *buf, size_t n)
{
	const Elf64_Ehdr *eh = (const void *)buf;
	Elf64_Phdr ph;
	char interp[PATH_MAX];
	bool linux_note = false;

	if (n < sizeof *eh || memcmp(buf, ELFMAG, SELFMAG) ||
	    buf[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64 ||
	    eh->e_phentsize != sizeof ph)
		return false;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (pread(fd, &ph, sizeof ph, eh->e_phoff + i * sizeof ph) !=
		    sizeof ph)
			return false;
		if (ph.p_type == PT_NOTE && !linux_note)
			linux_note = linux_abi_note(fd, &ph);
		if (ph.p_type != PT_INTERP)
			continue;
		if (ph.p_filesz >= sizeof interp ||
		    pread(fd, interp, ph.p_filesz, ph.p_offset) !=
		    (ssize_t)ph.p_filesz)
			return false;
		interp[ph.p_filesz] = 0;
		const char *base = strrchr(interp, '/');

		return !strncmp(base ? base + 1 : interp, "ld-linux", 8);
	}
	return linux_note && (eh->e_type == ET_EXEC || eh->e_type == ET_DYN);
}

static bool path_is_glibc(const char *path)
{
	unsigned char buf[64];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	bool r;

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof buf);
	r = n > 0 && is_glibc_elf(fd, buf, n);
	close(fd);
	return r;
}

/*
 * The argument vector that starts PATH (as the kernel would, scripts
 * included) through the shim, in OUT (room for argc + 8); NULL if PATH is
 * to start natively. SHEBANG holds a script's first line.
 */
static char **shim_argv(const char *path, char *const argv[], char **out,
	char *shebang, size_t shebangsz)
{
	unsigned char buf[256];
	char *interp = NULL, *arg = NULL;
	size_t k = 0, i;
	int fd;
	ssize_t n;

	/* Only what the kernel would run: a file without execute permission
	 * is left to execve to refuse (EACCES). */
	if (!shim_path[0] || faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	n = read(fd, buf, sizeof buf - 1);
	if (n > 2 && buf[0] == '#' && buf[1] == '!') {
		buf[n] = 0;
		snprintf(shebang, shebangsz, "%s", (char *)buf + 2);
		shebang[strcspn(shebang, "\n")] = 0;
		interp = shebang + strspn(shebang, " \t");
		arg = interp + strcspn(interp, " \t");
		if (*arg) {
			*arg++ = 0;
			arg += strspn(arg, " \t");
			arg[strcspn(arg, " \t")] = 0;	/* Linux: one argument */
		}
		close(fd);
		if (!*interp || !path_is_glibc(interp))
			return NULL;
	} else {
		bool glibc = n > 0 && is_glibc_elf(fd, buf, n);

		close(fd);
		if (!glibc)
			return NULL;
	}
	out[k++] = shim_path;
	if (shim_cfg.prefix) {
		out[k++] = "--prefix";
		out[k++] = (char *)shim_cfg.prefix;
	}
	if (interp) {
		out[k++] = "--";
		out[k++] = interp;
		if (arg && *arg)
			out[k++] = arg;
		out[k++] = (char *)path;
	} else {
		out[k++] = "--argv0";
		out[k++] = argv[0] ? argv[0] : (char *)path;
		out[k++] = "--";
		out[k++] = (char *)path;
	}
	for (i = argv[0] ? 1 : 0; argv[0] && argv[i]; i++)
		out[k++] = argv[i];
	out[k] = NULL;
	return out;
}

static size_t count(char *const v[])
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* The file PATH starts: the guest's own for /proc/self/exe, rerooted. */
static const char *exec_path(const char *path, char *rb)
{
	path = lx_own_exe(path);
	if (shim_cfg.prefix && path[0] == '/' &&
	    reroot_resolve(shim_cfg.prefix, path, rb, PATH_MAX) == 0)
		return rb;
	return path;
}

int lx_execve(const char *path, char *const argv[], char *const envp[])
{
	char rb[PATH_MAX], shebang[256];
	char **nv = __builtin_alloca((count(argv) + 8) * sizeof *nv);
	const char *p = exec_path(path, rb);

	if (shim_argv(p, argv, nv, shebang, sizeof shebang))
		return execve(shim_path, nv, envp);
	return execve(p, argv, envp);
}

/* glibc's execvpe: PATH search, ENOEXEC files run by /bin/sh. */
int lx_execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *dirs;
	char buf[PATH_MAX];
	bool eacces = false;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return lx_execve(file, argv, envp);
	lx_env_sync_in();
	path = getenv("PATH");
	dirs = path ? path : "/bin:/usr/bin";
	for (const char *d = dirs;; d += strcspn(d, ":") + 1) {
		size_t n = strcspn(d, ":");

		if ((size_t)snprintf(buf, sizeof buf, "%.*s%s%s", (int)n, d,
		    n ? "/" : "", file) < sizeof buf) {
			lx_execve(buf, argv, envp);
			if (errno == ENOEXEC) {
				size_t c = count(argv);
				char **sv = __builtin_alloca((c + 2) *
					sizeof *sv);

				sv[0] = "/bin/sh";
				sv[1] = buf;
				for (size_t i = 1; i <= c; i++)
					sv[i + 1] = argv[i];
				return lx_execve("/bin/sh", sv, envp);
			}
			if (errno == EACCES)
				eacces = true;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!d[n])
			break;
	}
	errno = eacces ? EACCES : ENOENT;
	return -1;
}

int lx_execvp(const char *file, char *const argv[])
{
	return lx_execvpe(file, argv, LX_ENVIRON);
}

int lx_posix_spawn(pid_t *pid, const char *path,
	const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
	char *const argv[], char *const envp[])
{
	char rb[PATH_MAX], shebang[256];
	char **nv = __builtin_alloca((count(argv) + 8) * sizeof *nv);
	const char *p = exec_path(path, rb);

	if (shim_argv(p, argv, nv, shebang, sizeof shebang))
		return posix_spawn(pid, shim_path, fa, attr, nv, envp);
	return posix_spawn(pid, p, fa, attr, argv, envp);
}

/* posix_spawnp: the first executable FILE in PATH. */
int lx_posix_spawnp(pid_t *pid, const char *file,
	const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
	char *const argv[], char *const envp[])
{
	char buf[PATH_MAX];
	const char *path;

	if (strchr(file, '/'))
		return lx_posix_spawn(pid, file, fa, attr, argv, envp);
	lx_env_sync_in();
	path = getenv("PATH");
	for (const char *d = path ? path : "/bin:/usr/bin";;
	     d += strcspn(d, ":") + 1) {
		size_t n = strcspn(d, ":");

		if ((size_t)snprintf(buf, sizeof buf, "%.*s%s%s", (int)n, d,
		    n ? "/" : "", file) < sizeof buf &&
		    access(buf, X_OK) == 0)
			return lx_posix_spawn(pid, buf, fa, attr, argv, envp);
		if (!d[n])
			break;
	}
	return ENOENT;
}

/* glibc's system(): /bin/sh -c, SIGINT/SIGQUIT ignored while waiting. */
int lx_system(const char *cmd)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigset_t chld, omask, def;
	posix_spawnattr_t a;
	pid_t pid;
	int status, r;

	if (!cmd)
		return access("/bin/sh", X_OK) == 0;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &omask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	sigemptyset(&def);
	if (oint.sa_handler != SIG_IGN)
		sigaddset(&def, SIGINT);
	if (oquit.sa_handler != SIG_IGN)
		sigaddset(&def, SIGQUIT);
	posix_spawnattr_init(&a);
	posix_spawnattr_setsigmask(&a, &omask);
	posix_spawnattr_setsigdefault(&a, &def);
	posix_spawnattr_setflags(&a, POSIX_SPAWN_SETSIGDEF |
		POSIX_SPAWN_SETSIGMASK);
	r = lx_posix_spawn(&pid, "/bin/sh", NULL, &a,
		(char *[]){ "sh", "-c", (char *)cmd, NULL }, LX_ENVIRON);
	posix_spawnattr_destroy(&a);
	if (r == 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	} else {
		status = 127 << 8;
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	return status;
}

/* popen/pclose: streams of ours, so that the child is started as above. */
struct popen_entry {
	FILE *f;
	pid_t pid;
	struct popen_entry *next;
};
static struct popen_entry *popen_list;
static pthread_mutex_t popen_lock = PTHREAD_MUTEX_INITIALIZER;

FILE *lx_popen(const char *cmd, const char *mode)
{
	bool rd = mode[0] == 'r', cloexec = strchr(mode, 'e');
	posix_spawn_file_actions_t fa;
	struct popen_entry *e;
	int p[2], r;
	FILE *f;

	if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) {
		errno = EINVAL;
		return NULL;
	}
	if (!(e = malloc(sizeof *e)))
		return NULL;
	if (pipe2(p, O_CLOEXEC) < 0) {
		free(e);
		return NULL;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[rd ? 1 : 0], rd ? 1 : 0);
	pthread_mutex_lock(&popen_lock);
	/* POSIX: the child does not keep other popen() streams open. */
	for (struct popen_entry *o = popen_list; o; o = o->next)
		posix_spawn_file_actions_addclose(&fa, fileno(o->f));
	r = lx_posix_spawn(&e->pid, "/bin/sh", &fa, NULL,
		(char *[]){ "sh", "-c", (char *)cmd, NULL }, LX_ENVIRON);
	posix_spawn_file_actions_destroy(&fa);
	close(p[rd ? 1 : 0]);
	if (r || !(f = lx_fdopen(p[rd ? 0 : 1], rd ? "r" : "w"))) {
		pthread_mutex_unlock(&popen_lock);
		close(p[rd ? 0 : 1]);
		free(e);
		errno = r ? r : errno;
		return NULL;
	}
	if (!cloexec)
		fcntl(fileno(f), F_SETFD, 0);
	e->f = f;
	e->next = popen_list;
	popen_list = e;
	pthread_mutex_unlock(&popen_lock);
	return f;
}

int lx_pclose(FILE *f)
{
	struct popen_entry **pp, *e = NULL;
	int status;
	pid_t pid;

	pthread_mutex_lock(&popen_lock);
	for (pp = &popen_list; *pp; pp = &(*pp)->next)
		if ((*pp)->f == f) {
			e = *pp;
			*pp = e->next;
			break;
		}
	pthread_mutex_unlock(&popen_lock);
	if (!e) {
		errno = ECHILD;
		return -1;
	}
	pid = e->pid;
	free(e);
	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
