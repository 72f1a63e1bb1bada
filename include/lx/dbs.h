/*
 * glibc's small user and host databases that musl lacks: struct aliasent
 * (<aliases.h>, libshim/db/aliases.c), struct ttyent (<ttyent.h>,
 * libshim/db/ttyent.c) and the netgroup test the rcmd checks use
 * (libshim/db/netgroup.c, libshim/db/rcmd.c).
 */
#ifndef LX_DBS_H
#define LX_DBS_H

#include <stddef.h>

struct lx_aliasent {
	char *alias_name;
	size_t alias_members_len;
	char **alias_members;
	int alias_local;
};

_Static_assert(offsetof(struct lx_aliasent, alias_name) == 0, "aliasent");
_Static_assert(offsetof(struct lx_aliasent, alias_members_len) == 8,
	"aliasent");
_Static_assert(offsetof(struct lx_aliasent, alias_members) == 16,
	"aliasent");
_Static_assert(offsetof(struct lx_aliasent, alias_local) == 24, "aliasent");
_Static_assert(sizeof(struct lx_aliasent) == 32, "aliasent");

#define LX_PATH_ALIASES	"/etc/aliases"

struct lx_ttyent {
	char *ty_name;		/* terminal device name */
	char *ty_getty;		/* command to run on it */
	char *ty_type;		/* terminal type */
	int ty_status;		/* LX_TTY_ON | LX_TTY_SECURE */
	char *ty_window;	/* window= value */
	char *ty_comment;
};

_Static_assert(offsetof(struct lx_ttyent, ty_name) == 0, "ttyent");
_Static_assert(offsetof(struct lx_ttyent, ty_getty) == 8, "ttyent");
_Static_assert(offsetof(struct lx_ttyent, ty_type) == 16, "ttyent");
_Static_assert(offsetof(struct lx_ttyent, ty_status) == 24, "ttyent");
_Static_assert(offsetof(struct lx_ttyent, ty_window) == 32, "ttyent");
_Static_assert(offsetof(struct lx_ttyent, ty_comment) == 40, "ttyent");
_Static_assert(sizeof(struct lx_ttyent) == 48, "ttyent");

#define LX_TTY_ON	0x01
#define LX_TTY_SECURE	0x02
#define LX_PATH_TTYS	"/etc/ttys"

#define LX_PATH_NETGROUP "/etc/netgroup"

int lx_innetgr(const char *group, const char *host, const char *user,
	const char *domain);

#endif
