/*
 * Installed only under the test's prefix, in a directory that only the
 * prefix's /etc/ld.so.conf.d/ names.
 */
int conf_value(void);

int conf_value(void)
{
	return 17;
}
