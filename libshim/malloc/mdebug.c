/*
 * glibc's malloc debugging entry points as libc.so.6 has them since glibc
 * 2.34: mtrace and muntrace do nothing there (MALLOC_TRACE is read only by
 * libc_malloc_debug.so, when that is preloaded; the shim loads no such
 * library), so they do nothing here either.
 */

void lx_mtrace(void)
{
}

void lx_muntrace(void)
{
}
