/* regex_t in a signature is glibc's, libshim's lx_regex_t: a definition
 * with the host's regex_t must fail. */
#include <regex.h>

int lx_proto_regcomp(regex_t *re, const char *pattern, int flags)
{
	(void)re;
	(void)pattern;
	return flags;
}
