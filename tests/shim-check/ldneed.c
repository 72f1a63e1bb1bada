/* shim-check --load fixture: needs libldnothere.so, which run.sh removes. */
int sc_nothere(void);

int sc_ldneed(void)
{
	return sc_nothere();
}
