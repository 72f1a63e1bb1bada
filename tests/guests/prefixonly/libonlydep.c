/* Installed only under the test's prefix, at /opt/shimtest/lib2. */
int onlydep_value(void);

int onlydep_value(void)
{
	return 42;
}
