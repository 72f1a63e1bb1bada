/* A library frame between the program and backtrace(). */
#include <execinfo.h>

int unw_trace(void **buf, int max)
{
	return backtrace(buf, max);
}
