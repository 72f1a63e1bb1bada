/*
 * Installed only under the test's prefix, at /opt/shimtest/lib; it needs
 * libonlydep.so from /opt/shimtest/lib2 through its own DT_RUNPATH.
 */
int onlydep_value(void);
int only_value(void);
const char *only_name(void);

int only_value(void)
{
	return 4200 + onlydep_value();
}

const char *only_name(void)
{
	return "libonly from the prefix";
}
