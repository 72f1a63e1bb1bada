/*
 * Built-in glibc-family objects: the tables that tools/symmapgen generates
 * from the symmaps (symmaps/NAME.symmap), as the loader and libshim see them.
 * This header is compiled both against musl (the shim) and glibc (tools,
 * unit tests): it uses nothing but <stdint.h> and <stddef.h>.
 */
#ifndef SHIM_BUILTIN_H
#define SHIM_BUILTIN_H

#include <stddef.h>
#include <stdint.h>

enum lx_kind {
	LX_KIND_HOST,		/* host libc function or object, same ABI and semantics */
	LX_KIND_WRAP,		/* converts around a host call */
	LX_KIND_IMPL,		/* implemented by libshim */
	LX_KIND_UNSUPPORTED,	/* known, deliberately not provided (reason says why) */
};

/* How a function reports failure (symmaps/README.md). */
enum lx_errs {
	LX_ERRS_NONE,		/* cannot fail, or failure is in-band */
	LX_ERRS_NEG1_ERRNO,	/* returns -1 and sets errno */
	LX_ERRS_NULL_ERRNO,	/* returns NULL and sets errno */
	LX_ERRS_RET_ERRNO,	/* returns the error number, 0 on success */
	LX_ERRS_EOF_ERRNO,	/* returns EOF and sets errno */
	LX_ERRS_NORETURN,	/* does not return */
	LX_ERRS_OTHER,		/* documented per function */
};

#define LX_SYM_DEFAULT	0x01	/* this version is the default one (name@@VER) */
#define LX_SYM_DATA	0x02	/* an object, not a function */

/*
 * One NAME@VERSION. The strings are offsets into lx_builtin_strs and the
 * address an index into lx_builtin_off, so that the tables hold no
 * pointers: nothing in them is relocated at start-up (read them through
 * the lx_sym_* functions below).
 */
struct lx_symdef {
	uint32_t name;		/* the symbol's name */
	uint32_t target;	/* C name of what the address points to */
	uint32_t sig;		/* C signature; "obj:SIZE:TYPE" for data */
	uint32_t reason;	/* unsupported: why; else 0 (none) */
	uint32_t id;		/* index into lx_builtin_off */
	uint32_t size;		/* data: object size; functions: 0 */
	uint16_t version;	/* index into lx_builtin_lib.versions */
	uint16_t live;		/* data: 1 + index into lx_builtin_live (the
				   loader points it at a COPY destination);
				   0: none */
	uint8_t kind;		/* enum lx_kind */
	uint8_t errs;		/* enum lx_errs */
	uint8_t flags;		/* LX_SYM_* */
};

extern const char lx_builtin_strs[];
/*
 * By lx_symdef.id: where the target is, as its distance in bytes from
 * lx_builtin_off itself (the linker computes it; 0: no target). One
 * pointer per entry would be one relocation per entry at start-up, 4,300
 * of them, on 34 KB of pages each process would have to copy.
 */
extern const int32_t lx_builtin_off[];
extern void **const lx_builtin_live[];

static inline const char *lx_sym_name(const struct lx_symdef *d)
{
	return lx_builtin_strs + d->name;
}

static inline const char *lx_sym_target(const struct lx_symdef *d)
{
	return lx_builtin_strs + d->target;
}

static inline const char *lx_sym_sig(const struct lx_symdef *d)
{
	return lx_builtin_strs + d->sig;
}

static inline const char *lx_sym_reason(const struct lx_symdef *d)
{
	return d->reason ? lx_builtin_strs + d->reason : NULL;
}

static inline void *lx_sym_addr(const struct lx_symdef *d)
{
	int32_t off = lx_builtin_off[d->id];

	return off ? (void *)((const char *)lx_builtin_off + off) : NULL;
}

static inline void **lx_sym_live(const struct lx_symdef *d)
{
	return d->live ? lx_builtin_live[d->live - 1] : NULL;
}

struct lx_builtin_lib {
	const char *soname;
	const char *const *versions;	/* version nodes this library defines */
	uint32_t nversions;
	const struct lx_symdef *syms;	/* sorted by name (strcmp), then version index */
	uint32_t nsyms;
	const uint32_t *live;		/* indexes into syms of the entries with a live pointer */
	uint32_t nlive;
};

extern const struct lx_builtin_lib lx_builtin_libs[];
extern const unsigned lx_nbuiltin_libs;

/* Live pointer of the data target T (defined by the generated tables). */
#define LX_LIVE(T) lx_live_##T

#endif
