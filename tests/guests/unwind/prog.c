/*
 * backtrace/backtrace_symbols through a library and the program: the
 * symbol names of the frames up to main, which do not depend on where
 * objects were loaded.
 */
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int unw_trace(void **buf, int max);

__attribute__((noinline)) static int show(void)
{
	void *buf[64];
	int n = unw_trace(buf, 64);
	char **s = backtrace_symbols(buf, n);

	if (!s)
		return 1;
	for (int i = 0; i < n; i++) {
		const char *open = strchr(s[i], '('), *plus;

		if (!open || !(plus = strchr(open, '+')) || plus == open + 1) {
			printf("frame: (no name)\n");
			continue;
		}
		printf("frame: %.*s\n", (int)(plus - open - 1), open + 1);
		if (plus - open - 1 == 4 && !strncmp(open + 1, "main", 4))
			break;
	}
	free(s);
	return 0;
}

static volatile int sink;

/* Not a tail call: each level keeps its frame. */
__attribute__((noinline)) int outer(int depth)
{
	int r = depth ? outer(depth - 1) : show();

	sink += depth;
	return r;
}

int main(void)
{
	int r = outer(2);

	printf("done %d\n", r);
	return r;
}
