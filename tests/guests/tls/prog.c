/*
 * TLS from the main thread and three pthreads: the program's own variables
 * (local-exec and initial-exec, .tdata and .tbss, aligned 64) and libtls's
 * variables reached directly (initial-exec from the program), through
 * libtls (general-dynamic and initial-exec) and through libtlsuse
 * (general-dynamic). Each thread must see the initial values, then its own
 * modifications, through every path. Reports are printed in thread order.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "tls.h"

#define NTHREADS 3

__thread int exe_tdata = 42;
__thread int exe_tbss;
__thread long exe_al64 __attribute__((aligned(64))) = -64;
__thread char exe_bss_al64[64] __attribute__((aligned(64)));
__thread int exe_ie __attribute__((tls_model("initial-exec"))) = 99;
static __thread char exe_str[8] = "exe";

static char report[NTHREADS + 1][2048];
static void *main_addr[4];

#define SAY(...) (n += snprintf(buf + n, sizeof report[0] - n, __VA_ARGS__))

static int same(const struct tls_ptrs *a, const struct tls_ptrs *b)
{
	return a->tdata == b->tdata && a->tbss == b->tbss &&
	       a->str == b->str && a->al64 == b->al64 &&
	       a->bss_al64 == b->bss_al64;
}

static int aligned64(const void *p)
{
	return ((uintptr_t)p & 63) == 0;
}

static int values(char *buf, int n, const char *when)
{
	SAY("  %s: exe %d %d %ld %d %d '%s' | lib %d %d '%s' %ld %d local %d\n",
	    when, exe_tdata, exe_tbss, exe_al64, exe_bss_al64[63], exe_ie,
	    exe_str, lib_tdata, lib_tbss, lib_str, lib_al64, lib_bss_al64[63],
	    lib_local_get());
	return n;
}

static void check(int id)
{
	char *buf = report[id];
	int n = 0;
	int k = id + 1;
	struct tls_ptrs direct, gd, ie, use;

	direct = (struct tls_ptrs){ &lib_tdata, &lib_tbss, lib_str, &lib_al64,
				    lib_bss_al64, NULL };
	lib_gd_ptrs(&gd);
	lib_ie_ptrs(&ie);
	use_gd_ptrs(&use);
	SAY("%s %d:\n", id ? "thread" : "main", id);
	SAY("  paths agree: gd %d ie %d use %d\n", same(&direct, &gd),
	    same(&direct, &ie), same(&direct, &use));
	SAY("  aligned 64: exe %d %d lib %d %d\n", aligned64(&exe_al64),
	    aligned64(exe_bss_al64), aligned64(gd.al64),
	    aligned64(gd.bss_al64));
	if (id == 0) {
		main_addr[0] = &exe_tdata;
		main_addr[1] = &exe_tbss;
		main_addr[2] = gd.tdata;
		main_addr[3] = gd.bss_al64;
	} else {
		SAY("  own copies: %d %d %d %d\n", main_addr[0] != &exe_tdata,
		    main_addr[1] != &exe_tbss, main_addr[2] != gd.tdata,
		    main_addr[3] != gd.bss_al64);
	}
	n = values(buf, n, "initial");

	exe_tdata += k * 10;
	exe_tbss = k;
	exe_al64 *= k + 1;
	exe_bss_al64[63] = (char)(k + 3);
	exe_ie -= k;
	exe_str[0] = (char)('A' + id);
	*gd.tdata += k * 100;		/* write through one path, */
	*ie.tbss = k * 7;
	use.str[0] = (char)('L' + id);
	*use.al64 = k * 1000;
	gd.bss_al64[63] = (char)(k + 5);
	(*gd.local) += k;
	n = values(buf, n, "modified");	/* read through another */
	SAY("  via gd: %d %d '%s' %ld %d\n", *gd.tdata, *gd.tbss, gd.str,
	    *gd.al64, gd.bss_al64[63]);
	SAY("  via ie: %d %d '%s' %ld %d\n", *ie.tdata, *ie.tbss, ie.str,
	    *ie.al64, ie.bss_al64[63]);
	SAY("  via use: %d %d '%s' %ld %d\n", *use.tdata, *use.tbss, use.str,
	    *use.al64, use.bss_al64[63]);
}

static void *thread_main(void *arg)
{
	check((int)(intptr_t)arg);
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];

	check(0);
	for (int i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, thread_main,
				   (void *)(intptr_t)(i + 1)) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i <= NTHREADS; i++)
		fputs(report[i], stdout);
	{
		char *buf = report[0];
		int n = 0;

		n = values(buf, n, "main after threads");
		fputs(buf, stdout);
	}
	return 0;
}
