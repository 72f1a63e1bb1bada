/* libshimgone.so: exists at link time only, never at run time. */
int gone_value(void);

int gone_value(void)
{
	return 1;
}
