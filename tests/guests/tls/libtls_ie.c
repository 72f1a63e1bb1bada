/*
 * Part of libtls compiled with -ftls-model=initial-exec: the library reaches
 * its own exported TLS variables through R_X86_64_TPOFF64 (static TLS).
 */
#include <stddef.h>
#include "tls.h"

void lib_ie_ptrs(struct tls_ptrs *p)
{
	p->tdata = &lib_tdata;
	p->tbss = &lib_tbss;
	p->str = lib_str;
	p->al64 = &lib_al64;
	p->bss_al64 = lib_bss_al64;
	p->local = NULL;
}
