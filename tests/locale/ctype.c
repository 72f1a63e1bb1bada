/*
 * The ctype tables a glibc program reads directly (toupper, tolower and
 * the classification macros are table lookups in glibc's headers) for
 * every value from -128 to 255, in the C locale, in C.UTF-8, and through a
 * locale_t (toupper_l). Run natively and through the shim; the output
 * must be the same.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <locale.h>
#include <stdio.h>

static void dump(const char *what, locale_t l)
{
	unsigned long sum = 0;

	printf("%s:", what);
	for (int c = -128; c < 256; c++) {
		int u = l ? toupper_l(c, l) : toupper(c);
		int d = l ? tolower_l(c, l) : tolower(c);
		int cls = (isalpha(c) != 0) | (isdigit(c) != 0) << 1 |
		    (isspace(c) != 0) << 2 | (isupper(c) != 0) << 3 |
		    (islower(c) != 0) << 4 | (ispunct(c) != 0) << 5 |
		    (isprint(c) != 0) << 6 | (iscntrl(c) != 0) << 7 |
		    (isxdigit(c) != 0) << 8 | (isblank(c) != 0) << 9;

		if (c < -125 || (c > 60 && c < 70) || c > 250 ||
		    (c > 125 && c < 131))
			printf(" %d:%d/%d/%x", c, u, d, cls);
		sum = sum * 31 + (unsigned)(u * 7 + d * 3 + cls);
	}
	printf(" sum %lu\n", sum);
}

int main(void)
{
	locale_t l;

	dump("C", NULL);
	if (setlocale(LC_ALL, "C.UTF-8"))
		dump("C.UTF-8", NULL);
	l = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
	if (l) {
		dump("toupper_l", l);
		freelocale(l);
	}
	return 0;
}
