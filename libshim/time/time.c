/*
 * The time-zone globals a glibc program reads directly (tzname, timezone,
 * daylight and their __ aliases) and signgam.  A guest executable may hold
 * any of them by COPY relocation, so they are written only through their
 * live pointers; lx_tz_sync() copies the host's values there after the
 * host (re)reads the time zone.
 */
#include <time.h>

#include "shim/gnu.h"

/* The shim's own objects; glibc's values before any tzset. */
char *lx_tzname[2] = { "GMT", "GMT" };
char *lx___tzname[2] = { "GMT", "GMT" };
long lx_timezone, lx___timezone;
int lx_daylight, lx___daylight;
int lx_signgam;

extern void *lx_live_lx_tzname, *lx_live_lx___tzname;
extern void *lx_live_lx_timezone, *lx_live_lx___timezone;
extern void *lx_live_lx_daylight, *lx_live_lx___daylight;

/* glibc names a zone without daylight saving time twice ("UTC0" gives
 * UTC/UTC); musl leaves the second name empty. */
static void
sync_tzname(void *live)
{
	char **t = live;

	t[0] = tzname[0];
	t[1] = tzname[1] != NULL && *tzname[1] == '\0' ? tzname[0] :
	    tzname[1];
}

void
lx_tz_sync(void)
{
	sync_tzname(lx_live_lx_tzname);
	sync_tzname(lx_live_lx___tzname);
	*(long *)lx_live_lx_timezone = timezone;
	*(long *)lx_live_lx___timezone = timezone;
	*(int *)lx_live_lx_daylight = daylight;
	*(int *)lx_live_lx___daylight = daylight;
}

void
lx_tzset(void)
{
	tzset();
	lx_tz_sync();
}
