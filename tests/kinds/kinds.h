/*
 * tests/kinds/kinds.h: the harness shared by the provision-kind tests
 * (kinds-host.c, kinds-wrap.c, kinds-impl.c). Each program is a real glibc
 * guest linked with the system libcmocka; its cases assert glibc's
 * documented behaviour of one function each.
 *
 * A program lists its cases once, as KINDS_CASE(NAME) (case "NAME") and
 * KINDS_CASE_X(NAME, TAG) (case "NAME:TAG") lines inside its kinds_cases[]
 * table: NAME is the glibc symbol the case checks, the test function is
 * t_NAME or t_NAME_TAG. check-kinds.py extracts these lines and verifies that
 * the symmaps bind NAME's default version with the program's kind and that
 * the program really imports NAME@VERSION.
 *
 * A program whose cases are many is split by area: each kinds-KIND-AREA.c
 * has such a table of its own, published with KINDS_PART, and
 * kinds-KIND.c runs the parts in order with KINDS_MAIN_PARTS.
 */
#ifndef KINDS_H
#define KINDS_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#define KINDS_CASE(name) { #name, t_##name, NULL, NULL, NULL },
/* A further case of NAME, "NAME:TAG", test function t_NAME_TAG. */
#define KINDS_CASE_X(name, tag) \
	{ #name ":" #tag, t_##name##_##tag, NULL, NULL, NULL },

/* CALL returns VALUE and leaves errno at ERR (errno cleared before). */
#define assert_errno(call, value, err) do { \
	errno = 0; \
	assert_int_equal((call), (value)); \
	assert_int_equal(errno, (err)); \
} while (0)

/* The scratch directory of the run (an absolute path, created empty). */
extern const char *kinds_dir;

/* kinds_path(NAME): "kinds_dir/NAME" in a static buffer (one of four). */
const char *kinds_path(const char *name);

/* kinds_write(NAME, TEXT): creates kinds_dir/NAME holding TEXT. */
void kinds_write(const char *name, const char *text);

/* Runs FN with stderr going to kinds_dir/NAME; returns what it wrote. */
const char *kinds_stderr(const char *name, void (*fn)(void));

/*
 * Runs the cases of GROUP. Options: --skip NAME (repeatable) leaves a case
 * out; --expect-fail NAME runs only that case and exits 0 if it fails, 1 if
 * it passes (a known failure that was fixed), 2 if there is no such case.
 */
int kinds_main(int argc, char **argv, const char *group,
	       const struct CMUnitTest *cases, size_t n);

/* The cases of one source file of a program split into parts. */
struct kinds_part {
	const struct CMUnitTest *cases;
	size_t n;
};

/* Defines the part NAME (extern) over the file's table TABLE. */
#define KINDS_PART(name, table)						\
	const struct kinds_part name = {				\
		table, sizeof(table) / sizeof(table[0])			\
	};

/* kinds_main over the cases of PARTS[0..NPARTS-1], in that order. */
int kinds_main_parts(int argc, char **argv, const char *group,
		     const struct kinds_part *const *parts, size_t nparts);

/* The program's main: kinds_main over its kinds_cases[] as GROUP. */
#define KINDS_MAIN(group)						\
	int main(int argc, char **argv)					\
	{								\
		return kinds_main(argc, argv, group, kinds_cases,	\
		    sizeof(kinds_cases) / sizeof(kinds_cases[0]));	\
	}

/* The main of a program in parts: its kinds_parts[] as GROUP. */
#define KINDS_MAIN_PARTS(group)						\
	int main(int argc, char **argv)					\
	{								\
		return kinds_main_parts(argc, argv, group, kinds_parts,	\
		    sizeof(kinds_parts) / sizeof(kinds_parts[0]));	\
	}

/* Ints in ascending order: qsort's and bsearch's comparison. */
static inline int
kinds_cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

#endif
