/*
 * tests/kinds/kinds-impl-text.c: the "impl" cases of GNU strings,
 * messages, patterns and numbers (libshim/string/, regex/, stdlib/,
 * malloc/, system/): GNU strerror_r and basename, rawmemchr, rpmatch,
 * sigdescr_np, the library version, obstacks, the regex API, random_r,
 * arc4random and qsort (glibc's stable merge sort). Part of kinds-impl
 * (kinds-impl.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <gnu/libc-version.h>
#include <obstack.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

/* The POSIX strerror_r, as glibc's headers bind it without _GNU_SOURCE. */
extern int __xpg_strerror_r(int, char *, size_t);

static void
t_strerror_r(void **state)
{
	char buf[64], small[8];
	char *p;

	(void)state;
	/* GNU variant: returns the message, maybe not in buf. */
	p = strerror_r(ENOENT, buf, sizeof(buf));
	assert_string_equal(p, "No such file or directory");
	p = strerror_r(12345, buf, sizeof(buf));
	assert_string_equal(p, "Unknown error 12345");
	/* Truncated to the buffer, NUL-terminated. */
	p = strerror_r(12345, small, sizeof(small));
	assert_int_equal(strlen(p), sizeof(small) - 1);
	assert_memory_equal(p, "Unknown", 7);
}

static void
t___xpg_strerror_r(void **state)
{
	char buf[64], small[4];

	(void)state;
	assert_int_equal(__xpg_strerror_r(EACCES, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "Permission denied");
	/* Errors are returned (glibc >= 2.13), not stored in errno. */
	assert_int_equal(__xpg_strerror_r(12345, buf, sizeof(buf)), EINVAL);
	assert_int_equal(__xpg_strerror_r(ENOENT, small, sizeof(small)),
			 ERANGE);
}

static void
t_basename(void **state)
{
	(void)state;
	/* GNU basename (string.h): never modifies, "" after a '/'. */
	assert_string_equal(basename("/usr/lib"), "lib");
	assert_string_equal(basename("/usr/lib/"), "");
	assert_string_equal(basename("name"), "name");
	assert_string_equal(basename("/"), "");
	assert_string_equal(basename(""), "");
}

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

static void
t__obstack_begin(void **state)
{
	struct obstack ob;
	char *first, *big;

	(void)state;
	assert_int_equal(obstack_init(&ob), 1);
	obstack_grow(&ob, "abc", 3);
	assert_int_equal(obstack_object_size(&ob), 3);
	obstack_1grow(&ob, '\0');
	first = obstack_finish(&ob);
	assert_string_equal(first, "abc");
	/* A large object moves to a new chunk (_obstack_newchunk). */
	for (int i = 0; i < 20000; i++)
		obstack_1grow(&ob, 'a' + i % 26);
	obstack_1grow(&ob, '\0');
	big = obstack_finish(&ob);
	assert_int_equal(strlen(big), 20000);
	assert_int_equal(big[19999], 'a' + 19999 % 26);
	assert_string_equal(first, "abc");
	/* Freeing an object frees everything allocated after it. */
	obstack_free(&ob, big);
	assert_ptr_equal(obstack_base(&ob), obstack_next_free(&ob));
	obstack_free(&ob, NULL);
}

static void
t_regcomp(void **state)
{
	regex_t re;

	(void)state;
	assert_int_equal(regcomp(&re, "(a)(b(c))", REG_EXTENDED), 0);
	assert_int_equal(re.re_nsub, 3);
	regfree(&re);
	assert_int_equal(regcomp(&re, "\\(a\\)", 0), 0);
	assert_int_equal(re.re_nsub, 1);
	regfree(&re);
	assert_int_equal(regcomp(&re, "[a", 0), REG_EBRACK);
	assert_int_equal(regcomp(&re, "(a", REG_EXTENDED), REG_EPAREN);
	assert_int_equal(regcomp(&re, "a\\(", 0), REG_EPAREN);
	assert_int_equal(regcomp(&re, "[z-a]", 0), REG_ERANGE);
	assert_int_equal(regcomp(&re, "a\\", 0), REG_EESCAPE);
	assert_int_equal(regcomp(&re, "a\\{1", 0), REG_EBRACE);
}

static void
t_regexec(void **state)
{
	regex_t re;
	regmatch_t m[4];

	(void)state;
	assert_int_equal(regcomp(&re, "([a-z]+)=([0-9]+)(;)?",
				 REG_EXTENDED), 0);
	assert_int_equal(regexec(&re, "  key=42", 4, m, 0), 0);
	/* regmatch_t holds two ints (regoff_t) in glibc. */
	assert_int_equal(sizeof(m[0]), 8);
	assert_int_equal(m[0].rm_so, 2);
	assert_int_equal(m[0].rm_eo, 8);
	assert_int_equal(m[1].rm_so, 2);
	assert_int_equal(m[1].rm_eo, 5);
	assert_int_equal(m[2].rm_so, 6);
	assert_int_equal(m[2].rm_eo, 8);
	assert_int_equal(m[3].rm_so, -1);
	assert_int_equal(m[3].rm_eo, -1);
	assert_int_equal(regexec(&re, "no match here", 0, NULL, 0),
			 REG_NOMATCH);
	regfree(&re);
	assert_int_equal(regcomp(&re, "^ab", REG_ICASE | REG_NOSUB), 0);
	assert_int_equal(regexec(&re, "ABc", 0, NULL, 0), 0);
	assert_int_equal(regexec(&re, "ABc", 0, NULL, REG_NOTBOL),
			 REG_NOMATCH);
	regfree(&re);
	/* REG_STARTEND (GNU/BSD): the range is in pmatch[0]. */
	assert_int_equal(regcomp(&re, "b+", REG_EXTENDED), 0);
	m[0].rm_so = 3;
	m[0].rm_eo = 6;
	assert_int_equal(regexec(&re, "bb-abbbb", 1, m, REG_STARTEND), 0);
	assert_int_equal(m[0].rm_so, 4);
	assert_int_equal(m[0].rm_eo, 6);
	regfree(&re);
}

static void
t_regerror(void **state)
{
	char buf[64], small[5];
	size_t n;

	(void)state;
	n = regerror(REG_NOMATCH, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "No match");
	assert_int_equal(n, strlen("No match") + 1);
	regerror(REG_EBRACK, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Unmatched [, [^, [:, [., or [=");
	regerror(REG_EPAREN, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Unmatched ( or \\(");
	regerror(REG_ESPACE, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "Memory exhausted");
	/* The full size is returned; the text is truncated. */
	n = regerror(REG_ERANGE, NULL, small, sizeof(small));
	assert_int_equal(n, strlen("Invalid range end") + 1);
	assert_string_equal(small, "Inva");
}

static void
t_random_r(void **state)
{
	static char s1[128], s2[128];
	struct random_data a, b;
	struct random_data *volatile no_data = NULL;
	int32_t x, y, *volatile no_result = NULL;

	(void)state;
	/* The man page: the struct must be zeroed before initstate_r. */
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(initstate_r(1, s1, sizeof(s1), &a), 0);
	assert_int_equal(initstate_r(1, s2, sizeof(s2), &b), 0);
	assert_int_equal(random_r(&a, &x), 0);
	/* glibc's TYPE_3 additive generator, seed 1. */
	assert_int_equal(x, 1804289383);
	assert_int_equal(random_r(&b, &y), 0);
	/* The same seed gives the same sequence, in [0, RAND_MAX]. */
	for (int i = 0; i < 100; i++) {
		assert_int_equal(random_r(&a, &x), 0);
		assert_int_equal(random_r(&b, &y), 0);
		assert_int_equal(x, y);
		assert_true(x >= 0 && x <= RAND_MAX);
	}
	/* The man page: EINVAL when buf or result is NULL. */
	assert_errno(random_r(no_data, &x), -1, EINVAL);
	assert_errno(random_r(&a, no_result), -1, EINVAL);
	assert_errno(initstate_r(1, s1, 7, &a), -1, EINVAL);
}

static void
t_rawmemchr(void **state)
{
	static const char s[] = "abc:def";

	(void)state;
	assert_ptr_equal(rawmemchr(s, ':'), s + 3);
	assert_ptr_equal(rawmemchr(s, '\0'), s + 7);
	assert_ptr_equal(rawmemchr(s, 'a'), s);
}

static void
t_gnu_get_libc_version(void **state)
{
	int major = 0, minor = 0;

	(void)state;
	assert_int_equal(sscanf(gnu_get_libc_version(), "%d.%d", &major,
				&minor), 2);
	assert_int_equal(major, __GLIBC__);
	assert_true(minor >= __GLIBC_MINOR__);
	assert_string_equal(gnu_get_libc_release(), "stable");
}

static void
t_sigdescr_np(void **state)
{
	(void)state;
	assert_string_equal(sigdescr_np(SIGINT), "Interrupt");
	assert_string_equal(sigdescr_np(SIGHUP), "Hangup");
	assert_string_equal(sigdescr_np(SIGBUS), "Bus error");
	/* Unlike strsignal, unknown numbers give NULL. */
	assert_null(sigdescr_np(0));
	assert_null(sigdescr_np(1000));
}

static void
t_rpmatch(void **state)
{
	(void)state;
	assert_int_equal(rpmatch("y"), 1);
	assert_int_equal(rpmatch("Yes"), 1);
	assert_int_equal(rpmatch("n"), 0);
	assert_int_equal(rpmatch("No way"), 0);
	assert_int_equal(rpmatch("maybe"), -1);
	assert_int_equal(rpmatch(""), -1);
}

static void
t_qsort(void **state)
{
	int v[] = { 5, -3, 9, 0, 5, 2, -100, 7 };
	static const int want[] = { -100, -3, 0, 2, 5, 5, 7, 9 };

	(void)state;
	qsort(v, 8, sizeof(v[0]), kinds_cmp_int);
	assert_memory_equal(v, want, sizeof(want));
	qsort(v, 0, sizeof(v[0]), kinds_cmp_int);
	assert_memory_equal(v, want, sizeof(want));
}

/* qsort_r's comparison gets the extra argument last (GNU order). */
static int
cmp_mod(const void *a, const void *b, void *arg)
{
	int m = *(int *)arg;

	return kinds_cmp_int(&(int){ *(const int *)a % m },
		       &(int){ *(const int *)b % m });
}

static void
t_qsort_r(void **state)
{
	int v[] = { 17, 3, 12, 8 }, m = 10;
	static const int want[] = { 12, 3, 17, 8 };

	(void)state;
	qsort_r(v, 4, sizeof(v[0]), cmp_mod, &m);
	assert_memory_equal(v, want, sizeof(want));
}

/* glibc's qsort is a merge sort: equal keys (the first int of each
 * pair) keep their order. */
static void
t_qsort_stable(void **state)
{
	int v[][2] = { { 2, 0 }, { 1, 1 }, { 2, 2 }, { 1, 3 }, { 0, 4 },
		       { 2, 5 }, { 1, 6 }, { 0, 7 }, { 2, 8 }, { 1, 9 } };
	static const int want[] = { 4, 7, 1, 3, 6, 9, 0, 2, 5, 8 };

	(void)state;
	qsort(v, 10, sizeof(v[0]), kinds_cmp_int);
	for (int i = 0; i < 10; i++)
		assert_int_equal(v[i][1], want[i]);
}

static void
t_arc4random_uniform(void **state)
{
	(void)state;
	/* The documented range is [0, upper_bound); 0 and 1 give 0. */
	assert_int_equal(arc4random_uniform(0), 0);
	assert_int_equal(arc4random_uniform(1), 0);
	for (int i = 0; i < 1000; i++)
		assert_true(arc4random_uniform(7) < 7);
}

static const struct CMUnitTest cases[] = {
	KINDS_CASE(qsort)
	KINDS_CASE_X(qsort, stable)
	KINDS_CASE(qsort_r)
	KINDS_CASE(strerror_r)
	KINDS_CASE(__xpg_strerror_r)
	KINDS_CASE(basename)
	KINDS_CASE(_obstack_begin)
	KINDS_CASE(regcomp)
	KINDS_CASE(regexec)
	KINDS_CASE(regerror)
	KINDS_CASE(random_r)
	KINDS_CASE(rawmemchr)
	KINDS_CASE(gnu_get_libc_version)
	KINDS_CASE(sigdescr_np)
	KINDS_CASE(rpmatch)
	KINDS_CASE(arc4random_uniform)
};

KINDS_PART(kinds_impl_text, cases)
