/*
 * pthread_cleanup_push/pop of C code and cancellation unwinding:
 * __pthread_register_cancel, __pthread_unregister_cancel,
 * __pthread_unwind_next and the pthread_exit that records the exit value
 * they hand on. The buffers are chained as the host's cleanup records
 * (shim/host.h), so the host's own exit path runs them.
 */
#include <pthread.h>
#include <setjmp.h>

#include "lx/runtime.h"
#include "shim/host.h"

/*
 * glibc's <pthread.h> (C without -fexceptions) makes pthread_cleanup_push
 * set a jmp_buf with __sigsetjmp (the host's, which with the mask not
 * saved fits there: shim/host.h) and register the buffer; on cancellation or
 * pthread_exit, glibc longjmps to each registered buffer in turn, whose
 * code runs the handler and calls __pthread_unwind_next to go on.
 * The buffer's private words (glibc: prev, cleanup, canceltype) are ours:
 * they hold a host cleanup record, so the host's own exit path
 * (pthread_exit and acted-upon cancellation both run it) reaches each
 * buffer in order, interleaved correctly with the host's own records.
 */
/* The host's record lives in the buffer's private words. */
_Static_assert(sizeof(struct host_cleanup) <=
	sizeof(((struct lx_pthread_unwind_buf *)0)->priv), "record fits");
#define HOST_REC(buf) ((struct host_cleanup *)(void *)(buf)->priv)

/* The value of the exit under way: set by the guest's pthread_exit; an
 * exit that the host starts by itself is a cancellation. */
static __thread void *exit_value;
static __thread int exit_value_set;

/* Called by the host's exit path, the record already unlinked. */
static void unwind_to(void *buf)
{
	/* Only the jmp_buf words are read (the mask was not saved); hide
	 * the smaller object from gcc's access-size check. */
	__asm__("" : "+r"(buf));
	longjmp(buf, 1);
}

void lx___pthread_register_cancel(struct lx_pthread_unwind_buf *buf)
{
	host_cleanup_push(HOST_REC(buf), unwind_to, buf);
}

void lx___pthread_unregister_cancel(struct lx_pthread_unwind_buf *buf)
{
	host_cleanup_pop(HOST_REC(buf), 0);
}

/* The handler of BUF has run: on to the next record, or the thread ends. */
_Noreturn void lx___pthread_unwind_next(struct lx_pthread_unwind_buf *buf)
{
	(void)buf;	/* the host unlinked it before unwind_to */
	pthread_exit(exit_value_set ? exit_value : PTHREAD_CANCELED);
}

_Noreturn void lx_pthread_exit(void *value)
{
	exit_value = value;
	exit_value_set = 1;
	pthread_exit(value);
}
