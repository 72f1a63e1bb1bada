/* shim-check --load fixture: refers to sc_nowhere, defined nowhere. */
int sc_nowhere(void);

int sc_ldundef(void)
{
	return sc_nowhere();
}
