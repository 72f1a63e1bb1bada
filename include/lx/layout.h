/*
 * Pinning a guest struct's layout: one statement per struct says its size
 * and the offset of each field the guest reads, and the compiler refuses
 * the build when the declaration disagrees.  Compiled against musl and
 * glibc.
 *
 *	LX_LAYOUT(struct lx_x, 24,
 *		a, 0,
 *		b, 8);
 *
 * asserts sizeof(struct lx_x) == 24, offsetof(struct lx_x, a) == 0 and
 * offsetof(struct lx_x, b) == 8.  LX_OFFSETS(type, field, offset, ...)
 * asserts offsets alone, for a struct whose tail is not glibc's.  A field
 * may be a member path (uc_mcontext.fpregs).  Up to 24 fields a statement;
 * an odd count of field arguments does not compile.
 */
#ifndef LX_LAYOUT_H
#define LX_LAYOUT_H

#include <stddef.h>

#define LX_LAYOUT(type, size, ...) \
	_Static_assert(sizeof(type) == (size), #type ": size " #size); \
	LX_OFFSETS(type, __VA_ARGS__)

#define LX_OFFSETS(type, ...) \
	LX_LAYOUT_CAT_(LX_AT, LX_LAYOUT_NARGS_(__VA_ARGS__))(type, __VA_ARGS__)

#define LX_LAYOUT_CAT_(a, b)	LX_LAYOUT_CAT2_(a, b)
#define LX_LAYOUT_CAT2_(a, b)	a##b

/* How many arguments, up to 48. */
#define LX_LAYOUT_NARGS_(...) LX_LAYOUT_NTH_(__VA_ARGS__, \
	48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, \
	32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, \
	16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define LX_LAYOUT_NTH_( \
	a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, \
	a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, \
	a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40, a41, \
	a42, a43, a44, a45, a46, a47, a48, n, ...) n

/* LX_ATn: the offsets of n / 2 fields, the last without its ';'. */
#define LX_AT2(t, f, o) \
	_Static_assert(offsetof(t, f) == (o), #t ": " #f " at " #o)
#define LX_AT4(t, f, o, ...)	LX_AT2(t, f, o); LX_AT2(t, __VA_ARGS__)
#define LX_AT6(t, f, o, ...)	LX_AT2(t, f, o); LX_AT4(t, __VA_ARGS__)
#define LX_AT8(t, f, o, ...)	LX_AT2(t, f, o); LX_AT6(t, __VA_ARGS__)
#define LX_AT10(t, f, o, ...)	LX_AT2(t, f, o); LX_AT8(t, __VA_ARGS__)
#define LX_AT12(t, f, o, ...)	LX_AT2(t, f, o); LX_AT10(t, __VA_ARGS__)
#define LX_AT14(t, f, o, ...)	LX_AT2(t, f, o); LX_AT12(t, __VA_ARGS__)
#define LX_AT16(t, f, o, ...)	LX_AT2(t, f, o); LX_AT14(t, __VA_ARGS__)
#define LX_AT18(t, f, o, ...)	LX_AT2(t, f, o); LX_AT16(t, __VA_ARGS__)
#define LX_AT20(t, f, o, ...)	LX_AT2(t, f, o); LX_AT18(t, __VA_ARGS__)
#define LX_AT22(t, f, o, ...)	LX_AT2(t, f, o); LX_AT20(t, __VA_ARGS__)
#define LX_AT24(t, f, o, ...)	LX_AT2(t, f, o); LX_AT22(t, __VA_ARGS__)
#define LX_AT26(t, f, o, ...)	LX_AT2(t, f, o); LX_AT24(t, __VA_ARGS__)
#define LX_AT28(t, f, o, ...)	LX_AT2(t, f, o); LX_AT26(t, __VA_ARGS__)
#define LX_AT30(t, f, o, ...)	LX_AT2(t, f, o); LX_AT28(t, __VA_ARGS__)
#define LX_AT32(t, f, o, ...)	LX_AT2(t, f, o); LX_AT30(t, __VA_ARGS__)
#define LX_AT34(t, f, o, ...)	LX_AT2(t, f, o); LX_AT32(t, __VA_ARGS__)
#define LX_AT36(t, f, o, ...)	LX_AT2(t, f, o); LX_AT34(t, __VA_ARGS__)
#define LX_AT38(t, f, o, ...)	LX_AT2(t, f, o); LX_AT36(t, __VA_ARGS__)
#define LX_AT40(t, f, o, ...)	LX_AT2(t, f, o); LX_AT38(t, __VA_ARGS__)
#define LX_AT42(t, f, o, ...)	LX_AT2(t, f, o); LX_AT40(t, __VA_ARGS__)
#define LX_AT44(t, f, o, ...)	LX_AT2(t, f, o); LX_AT42(t, __VA_ARGS__)
#define LX_AT46(t, f, o, ...)	LX_AT2(t, f, o); LX_AT44(t, __VA_ARGS__)
#define LX_AT48(t, f, o, ...)	LX_AT2(t, f, o); LX_AT46(t, __VA_ARGS__)

#endif
