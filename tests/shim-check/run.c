/* shim-check fixture: needs libscgone.so through DT_RUNPATH $ORIGIN/gone. */
#include <string.h>

int sc_gone(void);

int sc_run(const char *s)
{
	return (int)strlen(s) + sc_gone();
}
