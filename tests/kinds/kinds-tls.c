/*
 * tests/kinds/kinds-tls.c: libkinds-tls.so, a library kinds-impl is linked
 * with (after libcmocka): a thread-local variable and its accessors, for
 * the dlopen/dlsym cases.
 */
static __thread int kinds_tls_value = 1;

void kinds_tls_set(int v);
int kinds_tls_get(void);

void
kinds_tls_set(int v)
{
	kinds_tls_value = v;
}

int
kinds_tls_get(void)
{
	return kinds_tls_value;
}
