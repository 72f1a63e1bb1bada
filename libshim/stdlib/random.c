/*
 * glibc's reentrant random number generator (random_r, srandom_r,
 * initstate_r, setstate_r), which musl lacks: the BSD additive feedback
 * generator with glibc's exact sequences.  The caller's state buffer holds
 * one "type word" (type, and for types 1..4 also 5 * rear position) and
 * then the state words; the generator type follows from the buffer size.
 */
#include <errno.h>
#include <stdint.h>

#include "lx/random.h"

#define NTYPES	5

/* Per type: smallest buffer (bytes), state words, front-rear distance. */
static const struct {
	unsigned min;
	int deg, sep;
} types[NTYPES] = {
	{ 8, 0, 0 }, { 32, 7, 3 }, { 64, 15, 1 }, { 128, 31, 3 },
	{ 256, 63, 1 },
};

static int
einval(void)
{
	errno = EINVAL;
	return -1;
}

/* Records type and rear position in the type word before the state. */
static void
save_position(struct lx_random_data *b)
{
	if (b->rand_type == 0)
		b->state[-1] = 0;
	else
		b->state[-1] = NTYPES * (int32_t)(b->rptr - b->state) +
			b->rand_type;
}

/* One step of the "minimal standard" generator x * 16807 mod (2^31 - 1),
 * computed by Schrage's method so that nothing overflows. */
static long
minstd_next(long x)
{
	long q = x / 127773, r = x % 127773;

	x = 16807 * r - 2836 * q;
	return x < 0 ? x + 2147483647 : x;
}

int
lx_random_r(struct lx_random_data *b, int32_t *result)
{
	uint32_t v;

	if (!b || !result)
		return einval();
	if (b->rand_type == 0) {
		v = ((uint32_t)b->state[0] * 1103515245u + 12345u) &
			0x7fffffff;
		b->state[0] = (int32_t)v;
		*result = (int32_t)v;
		return 0;
	}
	v = (uint32_t)*b->fptr + (uint32_t)*b->rptr;
	*b->fptr = (int32_t)v;
	*result = (int32_t)(v >> 1);
	if (++b->fptr >= b->end_ptr) {
		b->fptr = b->state;
		b->rptr++;
	} else if (++b->rptr >= b->end_ptr) {
		b->rptr = b->state;
	}
	return 0;
}

int
lx_srandom_r(unsigned int seed, struct lx_random_data *b)
{
	int32_t *s, dummy;
	long x;
	int i;

	if (!b || b->rand_type < 0 || b->rand_type >= NTYPES)
		return -1;	/* glibc leaves errno alone here */
	s = b->state;
	if (seed == 0)
		seed = 1;
	s[0] = (int32_t)seed;
	if (b->rand_type == 0)
		return 0;
	x = (int32_t)seed;	/* the seed word, as signed */
	for (i = 1; i < b->rand_deg; i++) {
		x = minstd_next(x);
		s[i] = (int32_t)x;
	}
	b->fptr = s + b->rand_sep;
	b->rptr = s;
	/* Run the generator past the seeding's short-term correlation. */
	for (i = 0; i < 10 * b->rand_deg; i++)
		lx_random_r(b, &dummy);
	return 0;
}

/* The type for a state buffer of N bytes, or -1 when it is too small. */
static int
type_for(size_t n)
{
	int t;

	for (t = NTYPES - 1; t >= 0; t--)
		if (n >= types[t].min)
			return t;
	return -1;
}

int
lx_initstate_r(unsigned int seed, char *buf, size_t n,
	       struct lx_random_data *b)
{
	int t;

	if (!b)
		return einval();
	if (b->state)
		save_position(b);
	t = type_for(n);
	if (t < 0)
		return einval();
	b->rand_type = t;
	b->rand_deg = types[t].deg;
	b->rand_sep = types[t].sep;
	b->state = (int32_t *)(void *)buf + 1;
	b->end_ptr = b->state + types[t].deg;
	lx_srandom_r(seed, b);
	save_position(b);
	return 0;
}

int
lx_setstate_r(char *buf, struct lx_random_data *b)
{
	int32_t *s, word;
	int t, rear;

	if (!buf || !b)
		return einval();
	save_position(b);
	s = (int32_t *)(void *)buf + 1;
	word = s[-1];
	t = word % NTYPES;
	if (t < 0 || t >= NTYPES)
		return einval();
	b->rand_type = t;
	b->rand_deg = types[t].deg;
	b->rand_sep = types[t].sep;
	if (t != 0) {
		rear = word / NTYPES;
		b->rptr = s + rear;
		b->fptr = s + (rear + types[t].sep) % types[t].deg;
	}
	b->state = s;
	b->end_ptr = s + types[t].deg;
	return 0;
}
