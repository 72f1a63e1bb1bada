/* Hot-site patching of a trapped guest (patch.c), used by trap.c. */
#ifndef SHIM_SYSCALL_PATCH_H
#define SHIM_SYSCALL_PATCH_H

#include <stdbool.h>

/* Reads SHIM_PATCH and the CPU's features; before the trap is armed. */
void shim_patch_init(void);

/* A trapped call NR returned to RIP (behind its `syscall`); ALONE: the
 * process has one thread. Patches the site once it is hot. */
void shim_patch_note(unsigned long rip, long nr, bool alone);

/* Whether call NR is served with shim_syscall alone (not with the
 * thread's record or the signal frame): the calls a site may be patched
 * for. */
bool shim_patch_plain(long nr);

/* A patched site's call, from shim_patch_entry (x86_64/sigsys.S). */
long shim_patched(long nr, long a[6]);

#endif
