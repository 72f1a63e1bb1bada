/*
 * glibc types of libshim/system/uname.c, resolv/state.c and start/ldso.c:
 * struct utsname, struct __res_state (the resolver state of res_ninit and
 * friends) and ld.so's struct r_debug, with their x86-64 layouts pinned.
 * Compiled against musl and glibc.
 */
#ifndef LX_MISC_H
#define LX_MISC_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"

#define LX_UTSNAME_LEN	65

struct lx_utsname {
	char sysname[LX_UTSNAME_LEN];
	char nodename[LX_UTSNAME_LEN];
	char release[LX_UTSNAME_LEN];
	char version[LX_UTSNAME_LEN];
	char machine[LX_UTSNAME_LEN];
	char domainname[LX_UTSNAME_LEN];
};
_Static_assert(sizeof(struct lx_utsname) == 390, "glibc struct utsname");

#define LX_MAXNS	3
#define LX_MAXDNSRCH	6
#define LX_MAXRESOLVSORT 10
#define LX_RES_INIT	0x00000001UL
#define LX_RES_DEFAULT	0x000002c0UL	/* RECURSE | DEFNAMES | DNSRCH */
#define LX_RES_TIMEOUT	5
#define LX_RES_DFLRETRY	2

struct lx_sockaddr_in {
	uint16_t sin_family;
	uint16_t sin_port;	/* network order */
	uint32_t sin_addr;	/* network order */
	unsigned char sin_zero[8];
};

struct lx_res_state {
	int retrans;
	int retry;
	unsigned long options;
	int nscount;
	struct lx_sockaddr_in nsaddr_list[LX_MAXNS];
	unsigned short id;
	char *dnsrch[LX_MAXDNSRCH + 1];
	char defdname[256];
	unsigned long pfcode;
	unsigned ndots:4;
	unsigned nsort:4;
	unsigned ipv6_unavail:1;
	unsigned unused:23;
	struct {
		uint32_t addr;
		uint32_t mask;
	} sort_list[LX_MAXRESOLVSORT];
	void *qhook;
	void *rhook;
	int res_h_errno;
	int vcsock;
	unsigned int flags;
	unsigned char u[56] __attribute__((aligned(8))); /* glibc-private */
};
LX_LAYOUT(struct lx_res_state, 568,
	nscount, 16,
	nsaddr_list, 20,
	id, 68,
	dnsrch, 72,
	defdname, 128,
	pfcode, 384,
	sort_list, 396,
	res_h_errno, 496,
	u, 512);

struct lx_r_debug {
	int r_version;
	void *r_map;		/* struct link_map * */
	uint64_t r_brk;
	int r_state;		/* RT_CONSISTENT 0, RT_ADD 1, RT_DELETE 2 */
	uint64_t r_ldbase;
};
LX_LAYOUT(struct lx_r_debug, 40,
	r_brk, 16,
	r_ldbase, 32);

#endif
