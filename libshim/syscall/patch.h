/* Hot-site patching of a trapped guest (patch.c), used by trap.c. */
#ifndef SHIM_SYSCALL_PATCH_H
#define SHIM_SYSCALL_PATCH_H

#include <stdbool.h>

/* Reads SHIM_PATCH and the CPU's features; before the trap is armed. */
void shim_patch_init(void);

/* A trapped call NR, one shim_sigsys serves with shim_syscall alone,
 * returned to RIP (behind its `syscall`); ALONE: the process has one
 * thread. Patches the site once it is hot. */
void shim_patch_note(unsigned long rip, long nr, bool alone);

/* From the SIGSYS entry's own calls (x86_64/sigsys.S) with other threads
 * running: counts the site of RIP; true when it is due to be patched. */
bool shim_patch_due(unsigned long rip);

#endif
