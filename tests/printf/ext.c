/*
 * glibc's printf extension API: register_printf_specifier, _function,
 * _modifier and _type, the printf_info a handler is given, a handler that
 * declines (-2), arguments of a registered type, parse_printf_format of a
 * registered conversion, and the errors. Run natively and through the
 * shim; the output must be the same. (glibc 2.36 hands a registered
 * type's va_arg function a va_list that does not reach the caller's
 * arguments, so %V is registered and parsed here but not printed.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <printf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

struct pair {
	int a, b;
};

static int pair_type, mod_qq, mod_r;

static void show_info(FILE *f, const struct printf_info *in)
{
	fprintf(f, "{prec=%d width=%d spec=%c L=%d h=%d l=%d alt=%d sp=%d "
	    "left=%d sign=%d grp=%d hh=%d user=%d pad='%c'}", in->prec,
	    in->width, (int)in->spec, in->is_long_double, in->is_short,
	    in->is_long, in->alt, in->space, in->left, in->showsign,
	    in->group, in->is_char, in->user, (int)in->pad);
}

static int print_w(FILE *f, const struct printf_info *in,
    const void *const *args)
{
	const char *s = *(const char *const *)args[0];
	int n = fprintf(f, "<%*s>", in->left ? -in->width : in->width, s);

	show_info(f, in);
	return n;
}

static int arginfo_w(const struct printf_info *in, size_t n, int *types,
    int *sizes)
{
	(void)in;
	if (n > 0) {
		types[0] = PA_STRING;
		sizes[0] = sizeof(char *);
	}
	return 1;
}

static void va_pair(void *mem, va_list *ap)
{
	struct pair p = va_arg(*ap, struct pair);

	memcpy(mem, &p, sizeof p);
}

static int print_v(FILE *f, const struct printf_info *in,
    const void *const *args)
{
	const struct pair *p = args[0];
	int extra = *(const int *)args[1];

	(void)in;
	return fprintf(f, "(%d,%d;%d)", p->a, p->b, extra);
}

static int arginfo_v(const struct printf_info *in, size_t n, int *types,
    int *sizes)
{
	(void)in;
	if (n >= 2) {
		types[0] = pair_type;
		sizes[0] = sizeof(struct pair);
		types[1] = PA_INT;
		sizes[1] = sizeof(int);
	}
	return 2;
}

/* 'd' with the R modifier: roman-ish tally; otherwise the standard %d. */
static int print_d(FILE *f, const struct printf_info *in,
    const void *const *args)
{
	int v = *(const int *)args[0];

	if (!(in->user & mod_r))
		return -2;
	for (int i = 0; i < v; i++)
		fputc('I', f);
	return v;
}

static int arginfo_d(const struct printf_info *in, size_t n, int *types,
    int *sizes)
{
	(void)in;
	if (n > 0) {
		types[0] = PA_INT;
		sizes[0] = sizeof(int);
	}
	return 1;
}

static int print_j(FILE *f, const struct printf_info *in,
    const void *const *args)
{
	show_info(f, in);
	return fprintf(f, "[J%d]", *(const int *)args[0]) + 0;
}

static int arginfo_j(const struct printf_info *in, size_t n, int *types)
{
	(void)in;
	if (n > 0)
		types[0] = PA_INT;
	return 1;
}

int main(void)
{
	char buf[256], small[6], *s;
	int types[8], r;
	size_t n;

	errno = 0;
	r = register_printf_specifier(300, print_w, arginfo_w);
	printf("specifier(300): %d %d\n", r, errno);
	errno = 0;
	r = register_printf_specifier(-1, print_w, arginfo_w);
	printf("specifier(-1): %d %d\n", r, errno);
	errno = 0;
	r = register_printf_modifier(L"");
	printf("modifier(\"\"): %d %d\n", r, errno);
	printf("W: %d\n", register_printf_specifier('W', print_w, arginfo_w));
	pair_type = register_printf_type(va_pair);
	printf("type: %d\n", pair_type);
	printf("V: %d\n", register_printf_specifier('V', print_v, arginfo_v));
	mod_qq = register_printf_modifier(L"QQ");
	mod_r = register_printf_modifier(L"R");
	printf("modifiers: %d %d\n", mod_qq, mod_r);
	printf("d: %d\n", register_printf_specifier('d', print_d, arginfo_d));
	printf("J: %d\n", register_printf_function('J', print_j, arginfo_j));

	r = printf("[%W][%10W][%-8.3W][%#+ 'W][%QQW][%RW][%hW][%LW]\n", "a",
	    "b", "c", "d", "e", "f", "g", "h");
	printf("r=%d\n", r);
	r = printf("[%d][%Rd][%5d][%Rd][%-3d][%RW]\n", 7, 5, 42, 3, 1, "w");
	printf("r=%d\n", r);
	r = printf("[%J][%-4J][%lJ]\n", 1, 2, 3);
	printf("r=%d\n", r);
	r = snprintf(small, sizeof small, "%W%d", "xyz", 12345);
	printf("snprintf: %s %d\n", small, r);
	r = printf("%W%n|%Rd%n\n", "n", &types[0], 3, &types[1]);
	printf("%%n: %d %d %d\n", types[0], types[1], r);
	r = snprintf(buf, sizeof buf, "%1$W %1$W %2$Rd", "pos", 4);
	printf("positional: %s %d\n", buf, r);
	r = asprintf(&s, "%W|%Rd|%s|%p", "x", 2, "str", (void *)0);
	printf("asprintf: %s %d\n", s, r);
	free(s);
	n = parse_printf_format("%W %d %V %s", 8, types);
	printf("parse_printf_format: %zu:", n);
	for (size_t i = 0; i < n && i < 8; i++)
		printf(" %d", types[i] == pair_type ? -100 : types[i]);
	printf("\n");
	for (int i = 0; i < 20; i++) {
		errno = 0;
		r = register_printf_modifier(L"Z");
		if (r < 0) {
			printf("modifier %d: %d %d\n", i, r, errno);
			break;
		}
	}
	return 0;
}
