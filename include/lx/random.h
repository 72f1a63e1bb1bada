/*
 * glibc's struct random_data (<stdlib.h>) and the reentrant additive
 * feedback generator over it (libshim/stdlib/random.c).
 */
#ifndef LX_RANDOM_H
#define LX_RANDOM_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"

struct lx_random_data {
	int32_t *fptr;		/* front pointer */
	int32_t *rptr;		/* rear pointer */
	int32_t *state;		/* state words, after the type word */
	int rand_type;		/* 0 (linear congruential) .. 4 */
	int rand_deg;		/* number of state words */
	int rand_sep;		/* distance between front and rear */
	int32_t *end_ptr;	/* one past the last state word */
};

LX_LAYOUT(struct lx_random_data, 48,
	fptr, 0,
	rptr, 8,
	state, 16,
	rand_type, 24,
	rand_deg, 28,
	rand_sep, 32,
	end_ptr, 40);

int lx_random_r(struct lx_random_data *, int32_t *);
int lx_srandom_r(unsigned int, struct lx_random_data *);
int lx_initstate_r(unsigned int, char *, size_t, struct lx_random_data *);
int lx_setstate_r(char *, struct lx_random_data *);

#endif
