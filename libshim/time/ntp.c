/*
 * ntp_gettimex (and ntp_gettime, its glibc 2.12 alias): the kernel clock's
 * NTP state read with adjtimex(modes = 0), in glibc's struct ntptimeval.
 */
#include <stddef.h>
#include <string.h>
#include <sys/timex.h>

#include "lx/runtime.h"

int lx_ntp_gettimex(struct lx_ntptimeval *ntv)
{
	struct timex tx;
	int state;

	memset(&tx, 0, sizeof tx);
	tx.modes = 0;
	state = adjtimex(&tx);	/* TIME_OK ... TIME_ERROR, or -1 */
	memset(ntv, 0, sizeof *ntv);
	ntv->time_sec = tx.time.tv_sec;
	ntv->time_usec = tx.time.tv_usec;	/* ns when STA_NANO, as glibc */
	ntv->maxerror = tx.maxerror;
	ntv->esterror = tx.esterror;
	ntv->tai = tx.tai;
	return state;
}
