/*
 * shim-check fixture: imports __sc_private@GLIBC_PRIVATE, glibc's private
 * interface, which makes it one of glibc's own objects ("glibc").
 */
int __sc_private(int);

int sc_priv(void)
{
	return __sc_private(2);
}
