/* dllocal: two libraries define the same name; each must use its own
 * when both are dlopen'ed RTLD_LOCAL. */
const char *dllocal_common(void)
{
	return "a";
}

const char *dllocal_a_call(void)
{
	return dllocal_common();
}
