/* dllocal: the second definition of dllocal_common. */
const char *dllocal_common(void)
{
	return "b";
}

const char *dllocal_b_call(void)
{
	return dllocal_common();
}
