/*
 * Part of libtls compiled with -ftls-model=initial-exec: the library reaches
 * its own exported TLS variables through R_X86_64_TPOFF64 (static TLS).
 */
#include <stddef.h>
#include "tls.h"

void lib_ie_ptrs(struct tls_ptrs *p)
{
	TLS_EXPORTED_PTRS(p);
	p->local = NULL;
}
