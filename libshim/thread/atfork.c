/*
 * __register_atfork, which pthread_atfork in glibc's libc_nonshared.a
 * calls: the handlers go to the host's pthread_atfork.
 */
#include <pthread.h>

/* What pthread_atfork in glibc's libc_nonshared.a calls. */
int
lx___register_atfork(void (*prepare)(void), void (*parent)(void),
    void (*child)(void), void *dso)
{
	(void)dso;	/* XXX: handlers are not removed at dlclose */
	return pthread_atfork(prepare, parent, child);
}
