/*
 * Internal to the string functions (fast-mem.c, fast-str.c, cpu.c): the
 * variants of each function and the table the public names call through.
 * Every variant is complete on its own; the table starts at the SSE2 ones
 * (valid on every x86-64), so the public functions are correct before
 * cpu.c has chosen.
 */
#ifndef FAST_INT_H
#define FAST_INT_H

#include <stddef.h>
#include <stdint.h>

/* NAME, return type, parameters: one line per dispatched function. */
#define STR_FUNCS(X)							\
	X(memcpy, void *, (void *, const void *, size_t))		\
	X(memmove, void *, (void *, const void *, size_t))		\
	X(memset, void *, (void *, int, size_t))			\
	X(memcmp, int, (const void *, const void *, size_t))		\
	X(strlen, size_t, (const char *))				\
	X(strnlen, size_t, (const char *, size_t))			\
	X(strchr, char *, (const char *, int))				\
	X(strchrnul, char *, (const char *, int))			\
	X(strrchr, char *, (const char *, int))				\
	X(memchr, void *, (const void *, int, size_t))			\
	X(memrchr, void *, (const void *, int, size_t))			\
	X(rawmemchr, void *, (const void *, int))			\
	X(strcmp, int, (const char *, const char *))			\
	X(strncmp, int, (const char *, const char *, size_t))		\
	X(strcpy, char *, (char *, const char *))			\
	X(stpcpy, char *, (char *, const char *))

#define STR_DECL(name, ret, args)					\
	ret shim_##name##_sse2 args;					\
	ret shim_##name##_avx2 args;
STR_FUNCS(STR_DECL)
#undef STR_DECL

struct str_ops {
#define STR_FIELD(name, ret, args)	ret (*name) args;
	STR_FUNCS(STR_FIELD)
#undef STR_FIELD
};

/* The table the public functions call through (cpu.c). */
extern struct str_ops shim_str_ops;
/* rep movsb/stosb from this size on; SIZE_MAX without ERMS (cpu.c). */
extern size_t shim_str_rep_min;

/* Unaligned scalar access that the compiler never turns into a call. */
typedef uint64_t u64_un __attribute__((aligned(1), may_alias));
typedef uint32_t u32_un __attribute__((aligned(1), may_alias));
typedef uint16_t u16_un __attribute__((aligned(1), may_alias));

#define LD64(p)		(*(const u64_un *)(const void *)(p))
#define LD32(p)		(*(const u32_un *)(const void *)(p))
#define LD16(p)		(*(const u16_un *)(const void *)(p))
#define ST64(p, v)	(*(u64_un *)(void *)(p) = (v))
#define ST32(p, v)	(*(u32_un *)(void *)(p) = (v))
#define ST16(p, v)	(*(u16_un *)(void *)(p) = (v))

#endif
