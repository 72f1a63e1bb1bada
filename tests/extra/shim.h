/*
 * Musl build of extratest: the names the test calls mapped onto libshim's
 * lx_ functions, glibc's types and constants from include/lx.
 */
#ifndef EXTRATEST_SHIM_H
#define EXTRATEST_SHIM_H

#include "lx/printf.h"
#include "lx/random.h"
#include "lx/shadow.h"

typedef struct lx_random_data rd_t;
typedef struct lx_spwd spwd_t;
typedef struct lx_sgrp sgrp_t;

#define PA_INT			LX_PA_INT
#define PA_FLAG_LONG		LX_PA_FLAG_LONG

#endif
