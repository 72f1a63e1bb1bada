/*
 * Oracle build of extratest: the system glibc's own functions and types.
 */
#ifndef EXTRATEST_GLIBC_H
#define EXTRATEST_GLIBC_H

#include <gshadow.h>
#include <printf.h>
#include <shadow.h>
#include <stdlib.h>

typedef struct random_data rd_t;
typedef struct spwd spwd_t;
typedef struct sgrp sgrp_t;

#endif
