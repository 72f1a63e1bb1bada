/*
 * jnl and ynl (long double Bessel functions of integer order): values on
 * a grid of orders and arguments, printed to 12 significant digits, and
 * the special cases with their signs and errno values.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

static void special(int n, long double x)
{
	long double j, y;
	int ej, ey;

	errno = 0;
	j = jnl(n, x);
	ej = errno;
	errno = 0;
	y = ynl(n, x);
	ey = errno;
	printf("n=%d x=%Lg: jnl %Lg errno %d, ynl %Lg errno %d\n", n, x, j,
		ej, y, ey);
}

int main(void)
{
	static const int ns[] = { 0, 1, 2, 3, 5, 10, 20, 50, 100, 1000,
		-1, -2, -7 };
	static const long double xs[] = { 1e-20L, 1e-5L, 0.1L, 0.5L, 1, 2,
		3.3L, 5, 7.5L, 12, 19.9L, 24.9L, 25, 25.1L, 30, 40, 60, 100,
		123.456L, 1000, 1e5L, 1e10L, 1e18L, -0.75L, -33 };
	static const long double sx[] = { 0.0L, -0.0L, -1, INFINITY,
		-INFINITY, NAN };
	static const int sn[] = { 0, 1, 2, -1, -2, 5 };

	for (unsigned i = 0; i < sizeof ns / sizeof *ns; i++)
		for (unsigned k = 0; k < sizeof xs / sizeof *xs; k++) {
			long double x = xs[k];

			printf("jnl(%d, %Lg) = %.11Le", ns[i], x,
				jnl(ns[i], x));
			if (x > 0)
				printf("  ynl = %.11Le", ynl(ns[i], x));
			putchar('\n');
		}
	for (unsigned i = 0; i < sizeof sn / sizeof *sn; i++)
		for (unsigned k = 0; k < sizeof sx / sizeof *sx; k++)
			special(sn[i], sx[k]);
	special(3000, 1e-5L);	/* Y overflows */
	special(-3001, 1e-5L);
	special(5001, 1.5L);		/* J underflows */
	special(5000, 1.5L);
	special(1248, 0.1L);		/* J subnormal: no error */
	special(1252, 0.1L);
	special(3, -1e-4940L);
	return 0;
}
