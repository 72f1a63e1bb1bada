/*
 * printf conversions where musl's formatter and glibc's differ, through
 * every entry point of the family: %p, %m/%#m, %s of NULL, %b/%B, %a and
 * %La, the 'I' flag, 'q' and 'Z', "%5%", unknown conversions, a format
 * ending in '%', positional arguments; and formats musl handles alone.
 * Run natively and through the shim; the output must be the same.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <wchar.h>

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

static void line(const char *fmt, ...)
{
	char buf[512], small[8], *heap = NULL;
	va_list ap;
	int r1, r2, r3, r4;

	va_start(ap, fmt);
	r1 = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	r2 = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	r3 = vasprintf(&heap, fmt, ap);
	va_end(ap);
	printf("%s|%d|%s|%d|%d|", buf, r1, small, r2, r3);
	if (r3 >= 0 && strcmp(heap, buf))
		printf("asprintf differs: %s|", heap);
	fflush(stdout);
	va_start(ap, fmt);
	r4 = vdprintf(1, fmt, ap);
	va_end(ap);
	printf("|%d\n", r4);
	free(heap);
}

int main(void)
{
	void *nil = NULL;
	char *nul = NULL;
	int n1 = -1, n2 = -1;
	short sn = -1;
	signed char cn = -1;

	line("[%p][%10p][%-10p][%.3p][%010p][%+p][%#p]", nil, nil, nil, nil,
	    nil, nil, nil);
	line("[%p][%10p][%.8p][%+p][% p][%#p][%015p][%.0p][%5.3p]",
	    (void *)0x1234, (void *)0x1234, (void *)0x1234, (void *)0x1234,
	    (void *)0x1234, (void *)0x1234, (void *)0x1234, (void *)1,
	    (void *)1);
	errno = ENOENT;
	line("[%m][%20m][%-20m|][%.5m][%#m][%-10#m|]");
	errno = 0;
	line("[%m][%#m]");
	errno = EHWPOISON;
	line("[%m][%#m]");
	errno = 9999;
	line("[%m][%#m]");
	errno = -3;
	line("[%m][%#m]");
	line("[%s][%.3s][%.6s][%10s][%-8.2s][%.*s][%.*s]", nul, nul, nul, nul,
	    nul, 2, nul, 9, nul);
	line("[%ls][%.2ls][%S]", (wchar_t *)0, (wchar_t *)0, (wchar_t *)0);
	line("[%b][%#b][%B][%#B][%10b][%.8b][%hhb][%hb]", 5, 5, 5, 5, 5, 5,
	    257, 65537);
	line("[%#010b][%-#10b|][%.0b][%#.0b][%+b][% b][%lb][%llb]", 5, 5, 0,
	    0, 3, 3, -1L, 3LL);
	line("[%qd][%Zd][%Zu][%qu][%qx]", 1LL, (size_t)2, (size_t)3, 4ULL,
	    255ULL);
	line("[%a][%.0a][%.1a][%a][%a][%A][%.3a][%a]", 1.5, 1.5, 1.96875,
	    0.1, 5e-324, -2.0, 1.0, 0.0);
	line("[%10a][%-10a|][%+a][%#.0a][%.1a][%.1a][%.2a][%010a][% 010a]",
	    1.0, 1.0, 1.0, 1.0, 0x1.28p+0, 0x1.38p+0, 0x1.ff8p+0, 1.0, 1.0);
	line("[%a][%A][%a][%010a][%.20a]", (double)INFINITY,
	    -(double)INFINITY, (double)NAN, (double)INFINITY, 1.0);
	line("[%La][%.0La][%.1La][%La][%La][%LA][%.3La][%La]", 1.5L, 1.5L,
	    1.96875L, 0.1L, 3.6e-4951L, -2.0L, 1.0L, 0.0L);
	line("[%12La][%-12La|][%+La][%#.0La][%La][%La][%La]", 1.0L, 1.0L,
	    1.0L, 1.0L, (long double)INFINITY, (long double)NAN, -0.0L);
	line("[%.2La][%.15La][%.16La][%020La][%.0La][%.0La]", 1.0L / 3,
	    1.0L / 3, 1.0L / 3, 1.0L, 3.0L, 24.0L);
	line("[%.0La][%.0La][%.1La][%Lg][%Le][%Lf]", 0xf.8p+0L, 0xe.8p+0L,
	    0xf.f8p+0L, 1e300L, 1.5L, -2.25L);
	line("[%y][%5y][%-5.3y][%'y][%hy][%1$y]", 1);
	line("[%-+#05y][%+ y][% +y][%0-5y][%#I0y][%*y][%.*y][%-*.*y][%.y]",
	    7, 3, 2, 1);
	line("[%'#y][%'+y][%' y][%I'y][%#'-y]");
	line("[%5%][%-5%][%05%][%.3%][%%]");
	line("[%Id][%I5d][%'d]", 12, 34, 1234567);
	line("[%hf][%Lf][%lf][%hhs][%Ls][%Lc][%lld][%Ld]", 1.0, 1.0L, 2.0,
	    "x", "y", 'z', 5LL, 6LL);
	line("[%C][%S][%lc][%5C][%-4S|]", (wint_t)'y', L"w2", (wint_t)'x',
	    (wint_t)'z', L"ab");
	line("%1$s %2$d %1$s %3$*2$d|%4$p|%5$m", "a", 5, 7, nil);
	line("[%hhn][%hn][%n][%s]", &cn, &sn, &n1, "end");
	printf("n: %d %d %d\n", cn, sn, n1);
	line("[%d][%5.2s][%p]%n", 42, "abcdef", (void *)0x10, &n2);
	/* the formatter's own %d/%u/%s next to a %p */
	line("%p[%d][%i][%u][%-6d|][%6d][%hhd][%hd][%hu][%ld][%lld][%lu]",
	    nil, -2147483647 - 1, 0, 4294967295u, -12, -34, 300, 70000, -1,
	    -9223372036854775807L - 1, -1LL, 18446744073709551615UL);
	line("%p[%zu][%jd][%td][%.3s][%-8.2s|][%8s][%.0s][%s]", nil,
	    (size_t)7, (long long)-8, (long)-9, "abcdef", "xyz", "r", "gone",
	    "");
	printf("n2: %d\n", n2);
	/* the whole conversion set musl formats alone */
	line("[%d][%i][%o][%u][%x][%X][%c][%s][%e][%E][%f][%F][%g][%G]",
	    -1, 2, 8, 3u, 255u, 255u, 'c', "str", 1.5, 1.5, 1.5, 1.5, 1.5,
	    1.5);
	line("[%5d][%-5d|][%05d][%+d][% d][%#o][%#x][%.3d][%lu][%llu][%zu]",
	    1, 2, 3, 4, 5, 8, 255, 7, 1UL, 2ULL, (size_t)3);
	line("abc%");
	line("%5");
	/* printf, fprintf, sprintf, snprintf, dprintf, asprintf */
	printf("printf: %p %m %b\n", nil, 5);
	fprintf(stdout, "fprintf: %p %#m %B\n", nil, 5);
	{
		char buf[64], *s;
		int r = sprintf(buf, "%p|%.2s|%b", nil, nul, 2);

		printf("sprintf: %s %d\n", buf, r);
		r = snprintf(buf, 4, "%p", nil);
		printf("snprintf: %s %d\n", buf, r);
		r = snprintf(NULL, 0, "%p%b", nil, 7);
		printf("snprintf(NULL): %d\n", r);
		r = asprintf(&s, "%#m%p", nil);
		printf("asprintf: %s %d\n", s, r);
		free(s);
		fflush(stdout);
		r = dprintf(1, "dprintf: %p\n", nil);
		printf("dprintf: %d\n", r);
		errno = 0;
		r = printf("abc%");
		printf(" printf(\"abc%%\"): %d\n", r);
	}
	return 0;
}
