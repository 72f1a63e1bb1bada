/* Needs libshimgone.so, which is not installed anywhere. */
int gone_value(void);

int main(void)
{
	return gone_value();
}
