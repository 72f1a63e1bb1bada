/*
 * glibc types behind libshim's runtime additions: the cleanup buffer of
 * pthread_cleanup_push (thread/cleanup.c), struct ntptimeval (ntp.c) and the
 * gmon.out records of gprof profiling (gmon.c, from
 * <sys/gmon_out.h>), with their x86-64 layouts pinned. Compiled against
 * musl and glibc.
 */
#ifndef LX_RUNTIME_H
#define LX_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "lx/layout.h"

/* __pthread_unwind_buf_t: set by __sigsetjmp, then registered. glibc's
 * typedef is over-aligned (16) but not padded: 104 bytes. */
struct lx_pthread_unwind_buf {
	long jmp_buf[8];
	int mask_was_saved;
	void *priv[4];		/* glibc-private: prev, cleanup, canceltype */
};
LX_LAYOUT(struct lx_pthread_unwind_buf, 104,
	priv, 72);

struct lx_ntptimeval {
	long time_sec, time_usec;	/* struct timeval time */
	long maxerror, esterror, tai;
	long reserved[4];
};
LX_LAYOUT(struct lx_ntptimeval, 72,
	maxerror, 16,
	tai, 32);

/* gmon.out: a header, then records each led by a tag byte. Multi-byte
 * fields are in the writer's byte order, without padding. */
#define LX_GMON_MAGIC		"gmon"
#define LX_GMON_VERSION		1
#define LX_GMON_TAG_TIME_HIST	0
#define LX_GMON_TAG_CG_ARC	1

struct lx_gmon_hdr {
	char cookie[4];
	char version[4];
	char spare[12];
};
_Static_assert(sizeof(struct lx_gmon_hdr) == 20, "struct gmon_hdr");

struct lx_gmon_hist_hdr {
	char low_pc[8];
	char high_pc[8];
	char hist_size[4];	/* number of 16-bit bins that follow */
	char prof_rate[4];	/* samples per second */
	char dimen[15];		/* "seconds" */
	char dimen_abbrev;	/* 's' */
};
_Static_assert(sizeof(struct lx_gmon_hist_hdr) == 40, "gmon_hist_hdr");

struct lx_gmon_cg_arc_record {
	char from_pc[8];
	char self_pc[8];
	char count[4];
};
_Static_assert(sizeof(struct lx_gmon_cg_arc_record) == 20, "gmon arc");

#endif
