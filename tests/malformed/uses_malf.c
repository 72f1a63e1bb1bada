/*
 * Needs libmalf.so, found only through LD_LIBRARY_PATH: each library
 * fixture is run as this program's dependency.
 */
int malf_value(void);

int main(void)
{
	return malf_value() == 7 ? 0 : 1;
}
