/*
 * The glibc release the personality emulates (gnu_get_libc_version and
 * friends).  Guests may compare it, so it names a real glibc release whose
 * ABI the symmaps cover.
 */
#ifndef LX_VERSION_H
#define LX_VERSION_H

#define LX_GLIBC_VERSION	"2.36"
#define LX_GLIBC_RELEASE	"stable"

#endif
