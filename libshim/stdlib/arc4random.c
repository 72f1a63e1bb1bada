/*
 * arc4random, arc4random_buf and arc4random_uniform (glibc 2.36): random
 * bytes from the kernel's getrandom, with no state of their own. They
 * never fail: a getrandom that cannot answer ends the process.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/random.h>

#include "shim/gnu.h"

/* arc4random never fails: retry interruptions; without getrandom there is
 * nothing safe to fall back to. */
void
lx_arc4random_buf(void *buf, size_t n)
{
	unsigned char *p = buf;
	ssize_t r;

	while (n > 0) {
		r = getrandom(p, n, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			lx_gnu_fortify_fail("arc4random: getrandom failed");
		}
		p += r;
		n -= (size_t)r;
	}
}

uint32_t
lx_arc4random(void)
{
	uint32_t v;

	lx_arc4random_buf(&v, sizeof v);
	return v;
}

/* Uniform in [0, bound): reject the values that would bias the modulo. */
uint32_t
lx_arc4random_uniform(uint32_t bound)
{
	uint32_t v, min;

	if (bound < 2)
		return 0;
	min = -bound % bound;		/* 2^32 mod bound */
	do
		v = lx_arc4random();
	while (v < min);
	return v % bound;
}
