/*
 * jnl and ynl, Bessel functions of integer order in long double (musl has
 * only the double ones). Computed in long double throughout:
 *  - x >= ASYM: J0, J1, Y0, Y1 from Hankel's asymptotic expansion, summed
 *    to its smallest term (below 1e-21 there); J_n by forward recurrence
 *    while n <= x, else as below;
 *  - otherwise: Miller's backward recurrence for J_k, normalised by
 *    J0 + 2(J2 + J4 + ...) = 1, which also gives Y0 and Y1 through their
 *    Neumann series (Abramowitz & Stegun 9.1.88-89);
 *  - Y_n by forward recurrence from Y0 and Y1 (stable for Y).
 * Negative orders and arguments by J_-n = (-1)^n J_n, J_n(-x) = (-1)^n
 * J_n(x), Y_-n = (-1)^n Y_n. Errors as glibc's: ynl at 0 is a pole
 * (ERANGE), below 0 a domain error (EDOM, NaN); a result that overflows
 * (ynl) or underflows to zero (jnl) sets ERANGE.
 * XXX: accuracy is absolute near the functions' zeros (as any recurrence).
 */
#include <errno.h>
#include <float.h>
#include <math.h>

#define ASYM	25.0L
#define EULER	0.5772156649015328606065120900824024L
#define TWO_PI	0.6366197723675813430755350534900574L	/* 2 / pi */
#define RESCALE	1e1000L

/* P and Q of Hankel's expansion of order NU (0 or 1) at X. */
static void hankel_pq(int nu, long double x, long double *p, long double *q)
{
	long double mu = 4.0L * nu * nu, t = 1, prev = INFINITY;

	*p = 1;
	*q = 0;
	for (int k = 1; k < 400; k++) {
		long double odd = 2.0L * k - 1;

		t *= (mu - odd * odd) / (k * 8.0L * x);
		if (fabsl(t) >= prev)
			break;		/* asymptotic: stop at the smallest */
		prev = fabsl(t);
		switch (k % 4) {
		case 1: *q += t; break;
		case 2: *p -= t; break;
		case 3: *q -= t; break;
		default: *p += t; break;
		}
		if (prev < LDBL_EPSILON * 1e-4L)
			break;
	}
}

/* J_nu and Y_nu, NU 0 or 1, at X >= ASYM. */
static void hankel(int nu, long double x, long double *j, long double *y)
{
	long double p, q, s = sinl(x), c = cosl(x), cx, sx;
	long double a = sqrtl(TWO_PI / x) * 0.7071067811865475244008443621L;

	hankel_pq(nu, x, &p, &q);
	if (nu == 0) {		/* chi = x - pi/4, times sqrt 2 */
		cx = c + s;
		sx = s - c;
	} else {		/* chi = x - 3pi/4 */
		cx = s - c;
		sx = -s - c;
	}
	*j = a * (p * cx - q * sx);
	*y = a * (p * sx + q * cx);
}

struct miller {
	long double jn, j0, j1, norm, s0, s1;
};

/* Unnormalised J_n, J0, J1 and the sums of the Neumann series at X > 0,
 * recurring down from an order well above max(n, x). */
static void miller(long n, long double x, struct miller *r)
{
	long double base = n > x ? (long double)n : x;
	long m = (long)(base + 40 + sqrtl(600 * base)) | 1;
	long double next = 0, v = 1e-30L, prev;

	*r = (struct miller){ 0 };
	for (long k = m + 1; k >= 0; k--) {
		/* v is J_k (unnormalised), next J_{k+1} */
		if (k == n)
			r->jn = v;
		if (k == 0) {
			r->j0 = v;
			r->norm += v;
			break;
		}
		if (k == 1)
			r->j1 = v;
		if (!(k & 1)) {
			long h = k / 2;

			r->norm += 2 * v;
			r->s0 += (h & 1 ? -v : v) / h;
		} else if (k >= 3) {
			long h = (k - 1) / 2;

			r->s1 += (h & 1 ? -v : v) * k /
				((long double)h * (h + 1));
		}
		prev = 2.0L * k / x * v - next;
		next = v;
		v = prev;
		if (fabsl(v) > RESCALE) {
			v /= RESCALE;
			next /= RESCALE;
			r->jn /= RESCALE;
			r->norm /= RESCALE;
			r->s0 /= RESCALE;
			r->s1 /= RESCALE;
			r->j1 /= RESCALE;
		}
	}
}

/* J_n(x) for n >= 0, x > 0 finite. */
static long double jn_pos(long n, long double x)
{
	struct miller r;
	long double a, b, y;

	if (n > x && n * logl(x / 2) - lgammal(n + 1.0L) < -11500)
		return 0;	/* below the smallest subnormal */
	if (x >= ASYM && n <= x) {
		hankel(0, x, &a, &y);
		if (n == 0)
			return a;
		hankel(1, x, &b, &y);
		for (long k = 1; k < n; k++) {
			long double c = 2.0L * k / x * b - a;

			a = b;
			b = c;
		}
		return b;
	}
	miller(n, x, &r);
	return r.jn / r.norm;
}

/* Y_n(x) for n >= 0, x > 0 finite. */
static long double yn_pos(long n, long double x)
{
	long double a, b, j;
	struct miller r;

	if (x >= ASYM) {
		hankel(0, x, &j, &a);
		hankel(1, x, &j, &b);
	} else {
		long double l = logl(x / 2);

		miller(1, x, &r);
		a = TWO_PI * ((l + EULER) * r.j0 - 2 * r.s0) / r.norm;
		b = (-TWO_PI / x * r.j0 + TWO_PI * (l - 1 + EULER) * r.j1 -
			TWO_PI * r.s1) / r.norm;
	}
	if (n == 0)
		return a;
	for (long k = 1; k < n && isfinite(b); k++) {
		long double c = 2.0L * k / x * b - a;

		a = b;
		b = c;
	}
	return b;
}

long double lx_jnl(int n, long double x)
{
	long m = n < 0 ? -(long)n : n;
	int neg = (m & 1) && ((n < 0) != signbit(x));
	long double r;

	if (isnan(x))
		return x;
	if (isinf(x) || x == 0)
		r = m == 0 && x == 0 ? 1 : 0;
	else if ((r = jn_pos(m, fabsl(x))) == 0)
		errno = ERANGE;		/* underflow (not for subnormals) */
	return neg ? -r : r;
}

long double lx_ynl(int n, long double x)
{
	long m = n < 0 ? -(long)n : n;
	int neg = (m & 1) && n < 0;
	long double r;

	if (isnan(x))
		return x;
	if (x < 0) {
		errno = EDOM;
		return NAN;
	}
	if (x == 0) {
		errno = ERANGE;
		return neg ? INFINITY : -INFINITY;
	}
	r = isinf(x) ? 0 : yn_pos(m, x);
	if (isinf(r))
		errno = ERANGE;
	return neg ? -r : r;
}
