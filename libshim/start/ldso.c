/*
 * ld.so's data objects that glibc programs and libraries read:
 * __libc_stack_end (set at start-up, before the guest runs), _r_debug
 * (the debugger's rendezvous) and the __rseq_* description of the
 * restartable-sequences area, which says that the shim registers none.
 */
#include <stddef.h>

#include "shim/gnu.h"
#include "lx/misc.h"

/* ld.so's objects.  rseq: the shim registers none (size 0 says so). */
void *lx___libc_stack_end;
struct lx_r_debug lx__r_debug = { .r_version = 1 };
ptrdiff_t lx___rseq_offset;
unsigned int lx___rseq_size;
unsigned int lx___rseq_flags;

extern void *lx_live_lx___libc_stack_end;

void
lx_misc_start(void *stack_end)
{
	lx___libc_stack_end = stack_end;
	*(void **)lx_live_lx___libc_stack_end = stack_end;
}
