/*
 * glibc's struct utmp (<utmp.h>, <bits/utmp.h>), which is also its struct
 * utmpx on x86-64 (same layout), with its record types and file names.
 * The 32-bit ut_session and ut_tv fields make the record 384 bytes, the
 * on-disk format of /var/run/utmp and /var/log/wtmp (libshim/db/utmp.c).
 */
#ifndef LX_UTMP_H
#define LX_UTMP_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"

#define LX_UT_LINESIZE	32
#define LX_UT_NAMESIZE	32
#define LX_UT_HOSTSIZE	256

#define LX_EMPTY	0
#define LX_RUN_LVL	1
#define LX_BOOT_TIME	2
#define LX_NEW_TIME	3
#define LX_OLD_TIME	4
#define LX_INIT_PROCESS	5
#define LX_LOGIN_PROCESS 6
#define LX_USER_PROCESS	7
#define LX_DEAD_PROCESS	8

#define LX_PATH_UTMP	"/var/run/utmp"
#define LX_PATH_WTMP	"/var/log/wtmp"

struct lx_utmp {
	short ut_type;
	int ut_pid;
	char ut_line[LX_UT_LINESIZE];
	char ut_id[4];
	char ut_user[LX_UT_NAMESIZE];
	char ut_host[LX_UT_HOSTSIZE];
	struct {
		short e_termination;
		short e_exit;
	} ut_exit;
	int32_t ut_session;
	struct {
		int32_t tv_sec;
		int32_t tv_usec;
	} ut_tv;
	int32_t ut_addr_v6[4];
	char glibc_reserved[20];
};

LX_LAYOUT(struct lx_utmp, 384,
	ut_type, 0,
	ut_pid, 4,
	ut_line, 8,
	ut_id, 40,
	ut_user, 44,
	ut_host, 76,
	ut_exit, 332,
	ut_session, 336,
	ut_tv, 340,
	ut_addr_v6, 348,
	glibc_reserved, 364);

#endif
