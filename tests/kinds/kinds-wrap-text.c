/*
 * tests/kinds/kinds-wrap-text.c: the "wrap" cases of texts and of text
 * conversions (libshim/string/, stdlib/, printf/, locale/, time/): glibc's
 * message texts (strerror, strsignal, gai_strerror, psignal), number
 * parsing, printf formatting, setlocale and strptime. Part of kinds-wrap
 * (kinds-wrap.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kinds.h"

static void
t_strerror(void **state)
{
	(void)state;
	assert_string_equal(strerror(0), "Success");
	assert_string_equal(strerror(ENOENT), "No such file or directory");
	assert_string_equal(strerror(EAGAIN),
			    "Resource temporarily unavailable");
	assert_string_equal(strerror(EILSEQ),
		"Invalid or incomplete multibyte or wide character");
	assert_string_equal(strerror(EDEADLK), "Resource deadlock avoided");
	assert_string_equal(strerror(ENOTSUP), "Operation not supported");
	assert_string_equal(strerror(12345), "Unknown error 12345");
	assert_string_equal(strerror(-1), "Unknown error -1");
}

static void
t_strsignal(void **state)
{
	char want[64];

	(void)state;
	assert_string_equal(strsignal(SIGINT), "Interrupt");
	assert_string_equal(strsignal(SIGSEGV), "Segmentation fault");
	assert_string_equal(strsignal(SIGUSR1), "User defined signal 1");
	assert_string_equal(strsignal(SIGCHLD), "Child exited");
	assert_string_equal(strsignal(99), "Unknown signal 99");
	snprintf(want, sizeof(want), "Real-time signal %d",
		 SIGRTMAX - SIGRTMIN);
	assert_string_equal(strsignal(SIGRTMAX), want);
}

static void
t_gai_strerror(void **state)
{
	(void)state;
	assert_string_equal(gai_strerror(EAI_NONAME),
			    "Name or service not known");
	assert_string_equal(gai_strerror(EAI_AGAIN),
			    "Temporary failure in name resolution");
	assert_string_equal(gai_strerror(EAI_SERVICE),
			    "Servname not supported for ai_socktype");
	assert_string_equal(gai_strerror(EAI_FAMILY),
			    "ai_family not supported");
	assert_string_equal(gai_strerror(12345), "Unknown error");
}

static void
t_strtol(void **state)
{
	const char *s;
	char *end;

	(void)state;
	s = "  -42xyz";
	assert_int_equal(strtol(s, &end, 10), -42);
	assert_ptr_equal(end, s + 5);
	assert_int_equal(strtol("0x1A", NULL, 0), 26);
	assert_int_equal(strtol("077", NULL, 0), 63);
	assert_int_equal(strtol("z", NULL, 36), 35);
	/* "0x" without hex digits: the 0 is the number. */
	s = "0xg";
	assert_int_equal(strtol(s, &end, 16), 0);
	assert_ptr_equal(end, s + 1);
	/* No digits: 0 and end = the string. */
	s = "xyz";
	assert_int_equal(strtol(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	assert_errno(strtol("9223372036854775808", NULL, 10), LONG_MAX,
		     ERANGE);
	assert_errno(strtol("-9223372036854775809", NULL, 10), LONG_MIN,
		     ERANGE);
	assert_errno(strtol("10", NULL, 1), 0, EINVAL);
	assert_errno(strtol("10", NULL, 37), 0, EINVAL);
}

static void
t_strtoul(void **state)
{
	char *end;
	const char *s = " +7!";

	(void)state;
	assert_int_equal(strtoul(s, &end, 10), 7);
	assert_ptr_equal(end, s + 3);
	/* A minus sign negates in unsigned arithmetic; not an error. */
	assert_errno(strtoul("-1", NULL, 10), ULONG_MAX, 0);
	assert_errno(strtoul("18446744073709551616", NULL, 10), ULONG_MAX,
		     ERANGE);
	assert_errno(strtoul("1", NULL, -1), 0, EINVAL);
}

static void
t_strtod(void **state)
{
	const char *s = "  3.5abc";
	char *end;

	(void)state;
	assert_true(strtod(s, &end) == 3.5);
	assert_ptr_equal(end, s + 5);
	assert_true(strtod("0x1p4", NULL) == 16.0);
	assert_true(isinf(strtod("-INFINITY", NULL)));
	assert_true(strtod("-inf", NULL) < 0);
	assert_true(isnan(strtod("nan(123)", &end)));
	assert_int_equal(*end, '\0');
	errno = 0;
	assert_true(strtod("1e999", NULL) == HUGE_VAL);
	assert_int_equal(errno, ERANGE);
	errno = 0;
	assert_true(strtod("1e-400", NULL) == 0.0);
	assert_int_equal(errno, ERANGE);
	s = "e5";
	assert_true(strtod(s, &end) == 0.0);
	assert_ptr_equal(end, s);
}

static void
t_snprintf(void **state)
{
	char buf[16];

	(void)state;
	/* The result is the length the output would have had. */
	assert_int_equal(snprintf(buf, 4, "%s", "hello"), 5);
	assert_string_equal(buf, "hel");
	assert_int_equal(snprintf(NULL, 0, "%d", -12345), 6);
	assert_int_equal(snprintf(buf, sizeof(buf), "%5.1f|%#x|%-3s|",
				  3.14159, 255, "a"), 15);
	assert_string_equal(buf, "  3.1|0xff|a  |");
	assert_int_equal(snprintf(buf, sizeof(buf), "%p", (void *)0x1234), 6);
	assert_string_equal(buf, "0x1234");
}

static void
t_snprintf_nil(void **state)
{
	char buf[16];

	(void)state;
	/* glibc manual: "Null pointers print as '(nil)'". */
	assert_int_equal(snprintf(buf, sizeof(buf), "%p", (void *)0), 5);
	assert_string_equal(buf, "(nil)");
}

static void
t_snprintf_m(void **state)
{
	char buf[80];

	(void)state;
	/* %m (GNU) is the text of strerror(errno): glibc's texts. */
	errno = EILSEQ;
	snprintf(buf, sizeof(buf), "%m");
	assert_string_equal(buf,
		"Invalid or incomplete multibyte or wide character");
	errno = 0;
	snprintf(buf, sizeof(buf), "[%m]");
	assert_string_equal(buf, "[Success]");
}

static void
t_asprintf(void **state)
{
	char *s = NULL;

	(void)state;
	assert_int_equal(asprintf(&s, "%s-%03d", "id", 7), 6);
	assert_non_null(s);
	assert_string_equal(s, "id-007");
	free(s);
	assert_int_equal(asprintf(&s, "%s", ""), 0);
	assert_string_equal(s, "");
	free(s);
}

static void
call_psignal(void)
{
	psignal(SIGINT, "kinds");
	psignal(SIGSEGV, NULL);
}

static void
call_psignal_unknown(void)
{
	psignal(99, "kinds");
}

static void
t_psignal(void **state)
{
	(void)state;
	/* "S: DESCRIPTION\n"; a NULL or empty S prints only the text. */
	assert_string_equal(kinds_stderr("psignal", call_psignal),
			    "kinds: Interrupt\nSegmentation fault\n");
}

static void
t_psignal_unknown(void **state)
{
	(void)state;
	assert_string_equal(kinds_stderr("psignal-unknown",
					 call_psignal_unknown),
			    "kinds: Unknown signal 99\n");
}

static void
t_setlocale(void **state)
{
	(void)state;
	assert_string_equal(setlocale(LC_ALL, "C"), "C");
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
	assert_string_equal(setlocale(LC_NUMERIC, "POSIX"), "C");
	assert_null(setlocale(12345, "C"));
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
}

static void
t_setlocale_unknown(void **state)
{
	(void)state;
	/* A locale that does not exist: NULL, and nothing changes. */
	assert_null(setlocale(LC_ALL, "kinds_NO.SUCH-LOCALE"));
	assert_string_equal(setlocale(LC_ALL, NULL), "C");
	setlocale(LC_ALL, "C");
}

static void
t_strptime(void **state)
{
	struct tm tm;
	const char *s = "2024-02-29 12:34:56 rest";
	char *end;

	(void)state;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	assert_ptr_equal(end, s + 19);
	assert_int_equal(tm.tm_year, 124);
	assert_int_equal(tm.tm_mon, 1);
	assert_int_equal(tm.tm_mday, 29);
	assert_int_equal(tm.tm_hour, 12);
	assert_int_equal(tm.tm_min, 34);
	assert_int_equal(tm.tm_sec, 56);
	assert_null(strptime("2024-13-01", "%Y-%m-%d", &tm));
	assert_null(strptime("12:xx", "%H:%M", &tm));
}

static void
t_strptime_z(void **state)
{
	struct tm tm;
	const char *s = "12:00 +0530";

	(void)state;
	/* glibc: %z takes +hhmm and sets tm_gmtoff. */
	memset(&tm, 0, sizeof(tm));
	assert_ptr_equal(strptime(s, "%H:%M %z", &tm), s + 11);
	assert_int_equal(tm.tm_gmtoff, 5 * 3600 + 30 * 60);
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(strerror)
	KINDS_CASE(strsignal)
	KINDS_CASE(gai_strerror)
	KINDS_CASE(strtol)
	KINDS_CASE(strtoul)
	KINDS_CASE(strtod)
	KINDS_CASE(snprintf)
	KINDS_CASE_X(snprintf, nil)
	KINDS_CASE_X(snprintf, m)
	KINDS_CASE(asprintf)
	KINDS_CASE(psignal)
	KINDS_CASE_X(psignal, unknown)
	KINDS_CASE(setlocale)
	KINDS_CASE_X(setlocale, unknown)
	KINDS_CASE(strptime)
	KINDS_CASE_X(strptime, z)
};

KINDS_PART(kinds_wrap_text, cases)
