/* dlbigtls: more TLS than a static reserve holds, reached through
 * __tls_get_addr (the default model of -fPIC code). */
__thread char big_buf[300000] = "big initial";
__thread int big_counter = 5;

const char *big_text(void)
{
	return big_buf;
}

int big_next(void)
{
	big_buf[299999] = 'z';
	return ++big_counter;
}
