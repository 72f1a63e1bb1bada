/*
 * glibc's small user and host databases that musl lacks: struct aliasent
 * (<aliases.h>, libshim/db/aliases.c), struct ttyent (<ttyent.h>,
 * libshim/db/ttyent.c) and the netgroup test the rcmd checks use
 * (libshim/db/netgroup.c, libshim/db/rcmd.c).
 */
#ifndef LX_DBS_H
#define LX_DBS_H

#include <stddef.h>

#include "lx/layout.h"

struct lx_aliasent {
	char *alias_name;
	size_t alias_members_len;
	char **alias_members;
	int alias_local;
};

LX_LAYOUT(struct lx_aliasent, 32,
	alias_name, 0,
	alias_members_len, 8,
	alias_members, 16,
	alias_local, 24);

#define LX_PATH_ALIASES	"/etc/aliases"

struct lx_ttyent {
	char *ty_name;		/* terminal device name */
	char *ty_getty;		/* command to run on it */
	char *ty_type;		/* terminal type */
	int ty_status;		/* LX_TTY_ON | LX_TTY_SECURE */
	char *ty_window;	/* window= value */
	char *ty_comment;
};

LX_LAYOUT(struct lx_ttyent, 48,
	ty_name, 0,
	ty_getty, 8,
	ty_type, 16,
	ty_status, 24,
	ty_window, 32,
	ty_comment, 40);

#define LX_TTY_ON	0x01
#define LX_TTY_SECURE	0x02
#define LX_PATH_TTYS	"/etc/ttys"

#define LX_PATH_NETGROUP "/etc/netgroup"

int lx_innetgr(const char *group, const char *host, const char *user,
	const char *domain);

#endif
