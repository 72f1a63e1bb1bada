/*
 * Messages a glibc program prints: strerror/perror with glibc's texts,
 * strsignal/sigdescr_np, gai_strerror, err/warn and __assert_fail with the
 * guest's program name (program_invocation_short_name, which glibc calls
 * __progname).  Texts are glibc 2.36's; only the C locale is provided.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/libshim.h"
#include "shim/gnu.h"
#include "lx/locale.h"
#include "lx/printf.h"

/* Buffers for the texts that carry a number ("Unknown error N"). */
static __thread char errbuf[32];
static __thread char sigbuf[40];

char *
lx_strerror(int errnum)
{
	return (char *)lx_gnu_strerror(errnum, errbuf, sizeof errbuf);
}

/* XXX: only the C locale's texts; LOC is not consulted. */
char *
lx_strerror_l(int errnum, struct lx_locale *loc)
{
	(void)loc;
	return lx_strerror(errnum);
}

void
lx_perror(const char *s)
{
	const char *m = lx_strerror(errno);

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, m);
	else
		fprintf(stderr, "%s\n", m);
}

static const char *const sigmsgs[] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGPOLL] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};
_Static_assert(sizeof sigmsgs / sizeof sigmsgs[0] == 32,
    "sigmsgs covers the 31 standard Linux signals");

/* The description of a standard signal, NULL for any other number. */
const char *
lx_sigdescr_np(int sig)
{
	if (sig <= 0 || sig >= (int)(sizeof sigmsgs / sizeof sigmsgs[0]))
		return NULL;
	return sigmsgs[sig];
}

/*
 * Real-time signals are numbered from the guest's SIGRTMIN, which is the
 * host's (__libc_current_sigrtmin is bound to musl's: 35, glibc's is 34).
 * XXX: so strsignal(34) says "Unknown signal 34" where glibc says
 * "Real-time signal 0", and SIGRTMAX is "Real-time signal 29", not 30;
 * strsignal(SIGRTMIN + k) reads as it does under glibc.
 */
char *
lx_strsignal(int sig)
{
	const char *d = lx_sigdescr_np(sig);

	if (d != NULL)
		return (char *)d;
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(sigbuf, sizeof sigbuf, "Real-time signal %d",
		    sig - SIGRTMIN);
	else
		snprintf(sigbuf, sizeof sigbuf, "Unknown signal %d", sig);
	return sigbuf;
}

/* glibc's psignal: "S: " unless S is NULL or empty, then strsignal's
 * text ("Unknown signal N" included). */
void
lx_psignal(int sig, const char *s)
{
	const char *d = lx_strsignal(sig);

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, d);
	else
		fprintf(stderr, "%s\n", d);
}

/* getaddrinfo's and getaddrinfo_a's codes (EAI_*, negative). */
static const struct {
	int code;
	const char *msg;
} gaimsgs[] = {
	{ -1, "Bad value for ai_flags" },
	{ -2, "Name or service not known" },
	{ -3, "Temporary failure in name resolution" },
	{ -4, "Non-recoverable failure in name resolution" },
	{ -5, "No address associated with hostname" },
	{ -6, "ai_family not supported" },
	{ -7, "ai_socktype not supported" },
	{ -8, "Servname not supported for ai_socktype" },
	{ -9, "Address family for hostname not supported" },
	{ -10, "Memory allocation failure" },
	{ -11, "System error" },
	{ -100, "Processing request in progress" },
	{ -101, "Request canceled" },
	{ -102, "Request not canceled" },
	{ -103, "All requests done" },
	{ -104, "Interrupted by a signal" },
	{ -105, "Parameter string not correctly encoded" },
};

const char *
lx_gai_strerror(int code)
{
	size_t i;

	for (i = 0; i < sizeof gaimsgs / sizeof gaimsgs[0]; i++)
		if (gaimsgs[i].code == code)
			return gaimsgs[i].msg;
	return "Unknown error";
}

/* "prog: [FMT-output][: strerror(ERRNUM)]\n"; ERRNUM < 0: no suffix. */
static void
vwarn_common(int errnum, const char *fmt, va_list ap)
{
	const char *prog = LX_PROGNAME_SHORT ? LX_PROGNAME_SHORT : "";

	flockfile(stderr);
	fprintf(stderr, "%s: ", prog);
	if (fmt != NULL)
		lx_vfprintf(stderr, fmt, ap);
	if (errnum >= 0)
		fprintf(stderr, "%s%s", fmt != NULL ? ": " : "",
		    lx_strerror(errnum));
	putc('\n', stderr);
	funlockfile(stderr);
}

void
lx_warn(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(e, fmt, ap);
	va_end(ap);
}

void
lx_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(-1, fmt, ap);
	va_end(ap);
}

_Noreturn void
lx_err(int status, const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(e, fmt, ap);
	va_end(ap);
	exit(status);
}

_Noreturn void
lx_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(-1, fmt, ap);
	va_end(ap);
	exit(status);
}

void
lx_vwarn(const char *fmt, va_list ap)
{
	vwarn_common(errno, fmt, ap);
}

void
lx_vwarnx(const char *fmt, va_list ap)
{
	vwarn_common(-1, fmt, ap);
}

_Noreturn void
lx_verr(int status, const char *fmt, va_list ap)
{
	vwarn_common(errno, fmt, ap);
	exit(status);
}

_Noreturn void
lx_verrx(int status, const char *fmt, va_list ap)
{
	vwarn_common(-1, fmt, ap);
	exit(status);
}

_Noreturn void
lx___assert_fail(const char *expr, const char *file, unsigned int line,
    const char *func)
{
	const char *prog = LX_PROGNAME_SHORT ? LX_PROGNAME_SHORT : "";

	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", prog,
	    *prog ? ": " : "", file, line, func ? func : "",
	    func ? ": " : "", expr);
	fflush(stderr);
	abort();
}
