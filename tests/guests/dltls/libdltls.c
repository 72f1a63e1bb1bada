/* dltls: a library with initialized and zeroed __thread data, loaded by
 * dlopen after the program's threads started. */
__thread int dltls_value = 42;
__thread char dltls_text[64] = "initial";
__thread long dltls_zero[8];

int dltls_get(void)
{
	return dltls_value;
}

const char *dltls_get_text(void)
{
	return dltls_text;
}

long dltls_sum_zero(void)
{
	long s = 0;

	for (int i = 0; i < 8; i++)
		s += dltls_zero[i];
	return s;
}

void dltls_set(int v)
{
	dltls_value = v;
}
