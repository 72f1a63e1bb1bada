/* shim-check fixture: a library found only through a RUNPATH or prefix. */
int sc_gone(void)
{
	return 42;
}
