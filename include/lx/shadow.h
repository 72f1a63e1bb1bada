/*
 * glibc's struct spwd (<shadow.h>) and struct sgrp (<gshadow.h>), and the
 * shadow functions libshim implements over them (libshim/db/shadow.c).
 */
#ifndef LX_SHADOW_H
#define LX_SHADOW_H

#include <stddef.h>
#include <stdio.h>

#include "lx/layout.h"

struct lx_spwd {
	char *sp_namp;		/* login name */
	char *sp_pwdp;		/* hashed password */
	long sp_lstchg;		/* last change (days); -1: empty */
	long sp_min;
	long sp_max;
	long sp_warn;
	long sp_inact;
	long sp_expire;
	unsigned long sp_flag;	/* ~0ul: empty field */
};

LX_LAYOUT(struct lx_spwd, 72,
	sp_namp, 0,
	sp_pwdp, 8,
	sp_lstchg, 16,
	sp_min, 24,
	sp_max, 32,
	sp_warn, 40,
	sp_inact, 48,
	sp_expire, 56,
	sp_flag, 64);

struct lx_sgrp {
	char *sg_namp;		/* group name */
	char *sg_passwd;	/* hashed password */
	char **sg_adm;		/* administrators, NULL-terminated */
	char **sg_mem;		/* members, NULL-terminated */
};

LX_LAYOUT(struct lx_sgrp, 32,
	sg_namp, 0,
	sg_passwd, 8,
	sg_adm, 16,
	sg_mem, 24);

/* The group shadow database the get/set/endsgent functions read. */
#define LX_PATH_GSHADOW	"/etc/gshadow"

struct lx_spwd *lx_sgetspent(const char *);

void lx_setsgent(void);
void lx_endsgent(void);
struct lx_sgrp *lx_getsgent(void);
struct lx_sgrp *lx_getsgnam(const char *);
struct lx_sgrp *lx_sgetsgent(const char *);
struct lx_sgrp *lx_fgetsgent(FILE *);
int lx_putsgent(const struct lx_sgrp *, FILE *);
int lx_getsgent_r(struct lx_sgrp *, char *, size_t, struct lx_sgrp **);
int lx_getsgnam_r(const char *, struct lx_sgrp *, char *, size_t,
		  struct lx_sgrp **);
int lx_sgetsgent_r(const char *, struct lx_sgrp *, char *, size_t,
		   struct lx_sgrp **);
int lx_fgetsgent_r(FILE *, struct lx_sgrp *, char *, size_t,
		   struct lx_sgrp **);

#endif
