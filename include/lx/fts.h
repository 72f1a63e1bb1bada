/*
 * glibc's <fts.h> on x86-64: FTS and FTSENT as the guest reads them
 * (fts_statp points at the kernel's struct stat), and the FTS_* option,
 * info and instruction constants.
 */
#ifndef LX_FTS_H
#define LX_FTS_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"
#include "lx/stat.h"

struct lx_ftsent;

typedef struct lx_fts {
	struct lx_ftsent *fts_cur;
	struct lx_ftsent *fts_child;
	struct lx_ftsent **fts_array;
	uint64_t fts_dev;
	char *fts_path;
	int fts_rfd;
	int fts_pathlen;
	int fts_nitems;
	int (*fts_compar)(const void *, const void *);
	int fts_options;
} LX_FTS;

typedef struct lx_ftsent {
	struct lx_ftsent *fts_cycle;
	struct lx_ftsent *fts_parent;
	struct lx_ftsent *fts_link;
	long fts_number;
	void *fts_pointer;
	char *fts_accpath;
	char *fts_path;
	int fts_errno;
	int fts_symfd;
	unsigned short fts_pathlen;
	unsigned short fts_namelen;
	uint64_t fts_ino;
	uint64_t fts_dev;
	uint64_t fts_nlink;
	short fts_level;
	unsigned short fts_info;
	unsigned short fts_flags;
	unsigned short fts_instr;
	struct lx_stat *fts_statp;
	char fts_name[1];
} LX_FTSENT;

LX_LAYOUT(LX_FTS, 72,
	fts_cur, 0,
	fts_child, 8,
	fts_array, 16,
	fts_dev, 24,
	fts_path, 32,
	fts_rfd, 40,
	fts_pathlen, 44,
	fts_nitems, 48,
	fts_compar, 56,
	fts_options, 64);

LX_LAYOUT(LX_FTSENT, 120,
	fts_cycle, 0,
	fts_parent, 8,
	fts_link, 16,
	fts_number, 24,
	fts_pointer, 32,
	fts_accpath, 40,
	fts_path, 48,
	fts_errno, 56,
	fts_symfd, 60,
	fts_pathlen, 64,
	fts_namelen, 66,
	fts_ino, 72,
	fts_dev, 80,
	fts_nlink, 88,
	fts_level, 96,
	fts_info, 98,
	fts_flags, 100,
	fts_instr, 102,
	fts_statp, 104,
	fts_name, 112);

/* fts_open options */
#define LX_FTS_COMFOLLOW	0x0001
#define LX_FTS_LOGICAL		0x0002
#define LX_FTS_NOCHDIR		0x0004
#define LX_FTS_NOSTAT		0x0008
#define LX_FTS_PHYSICAL		0x0010
#define LX_FTS_SEEDOT		0x0020
#define LX_FTS_XDEV		0x0040
#define LX_FTS_WHITEOUT		0x0080
#define LX_FTS_OPTIONMASK	0x00ff
#define LX_FTS_NAMEONLY		0x0100
#define LX_FTS_STOP		0x0200

#define LX_FTS_ROOTPARENTLEVEL	(-1)
#define LX_FTS_ROOTLEVEL	0

/* fts_info */
#define LX_FTS_D	1
#define LX_FTS_DC	2
#define LX_FTS_DEFAULT	3
#define LX_FTS_DNR	4
#define LX_FTS_DOT	5
#define LX_FTS_DP	6
#define LX_FTS_ERR	7
#define LX_FTS_F	8
#define LX_FTS_INIT	9
#define LX_FTS_NS	10
#define LX_FTS_NSOK	11
#define LX_FTS_SL	12
#define LX_FTS_SLNONE	13
#define LX_FTS_W	14

/* fts_flags */
#define LX_FTS_DONTCHDIR	0x01
#define LX_FTS_SYMFOLLOW	0x02

/* fts_set instructions */
#define LX_FTS_AGAIN	1
#define LX_FTS_FOLLOW	2
#define LX_FTS_NOINSTR	3
#define LX_FTS_SKIP	4

LX_FTS *lx_fts_open(char *const *argv, int options,
    int (*compar)(const LX_FTSENT **, const LX_FTSENT **));
LX_FTSENT *lx_fts_read(LX_FTS *sp);
LX_FTSENT *lx_fts_children(LX_FTS *sp, int instr);
int lx_fts_set(LX_FTS *sp, LX_FTSENT *p, int instr);
int lx_fts_close(LX_FTS *sp);

#endif
