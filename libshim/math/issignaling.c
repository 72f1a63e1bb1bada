/*
 * glibc's issignaling() helpers (libm): whether a value is a signaling
 * NaN, read from its bits: exponent all ones, the quiet bit (the top
 * fraction bit) clear, and some other fraction bit set. In the x87
 * 80-bit format a value with all-ones exponent and a clear explicit
 * integer bit (pseudo-NaN, pseudo-infinity: invalid operands that raise
 * FE_INVALID as a signaling NaN does) counts as signaling too, as in glibc.
 */
#include <stdint.h>
#include <string.h>

int lx___issignaling(double x)
{
	uint64_t u;

	memcpy(&u, &x, sizeof u);
	return (u & 0x7ff0000000000000) == 0x7ff0000000000000 &&
		!(u & 0x0008000000000000) && (u & 0x0007ffffffffffff);
}

int lx___issignalingf(float x)
{
	uint32_t u;

	memcpy(&u, &x, sizeof u);
	return (u & 0x7f800000) == 0x7f800000 && !(u & 0x00400000) &&
		(u & 0x003fffff);
}

int lx___issignalingl(long double x)
{
	uint64_t m;
	uint16_t e;

	memcpy(&m, &x, sizeof m);
	memcpy(&e, (char *)&x + 8, sizeof e);
	if ((e & 0x7fff) != 0x7fff)
		return 0;
	if (!(m & 0x8000000000000000))
		return 1;
	return !(m & 0x4000000000000000) && (m & 0x3fffffffffffffff);
}

int lx___issignalingf128(_Float128 x)
{
	uint64_t w[2];	/* little-endian: w[1] holds sign, exponent */

	memcpy(w, &x, sizeof w);
	return (w[1] & 0x7fff000000000000) == 0x7fff000000000000 &&
		!(w[1] & 0x0000800000000000) &&
		((w[1] & 0x00007fffffffffff) || w[0]);
}
