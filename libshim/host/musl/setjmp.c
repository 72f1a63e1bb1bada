/*
 * The host boundary on musl, setjmp buffers: musl's x86-64 jmp_buf is
 * glibc's 200 bytes: __jb, eight words (rbx, rbp, r12-r15, the stack
 * pointer, the return address, none mangled), then __fl and __ss, which
 * only sigsetjmp with a non-zero savemask writes and its return path
 * reads. setjmp, and __sigsetjmp with savemask 0, write __jb alone;
 * longjmp reads __jb alone.
 */
#include <setjmp.h>

#include "shim/host.h"

_Static_assert(sizeof(jmp_buf) == 200, "musl jmp_buf is glibc's size");
_Static_assert(sizeof(((struct __jmp_buf_tag *)0)->__jb) == 64,
	"musl __jb is glibc's __jmp_buf");

unsigned long
host_jmp_buf_sp(jmp_buf env)
{
	return env->__jb[6];
}
