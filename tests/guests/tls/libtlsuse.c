/*
 * A second library reaching libtls's variables from another module with
 * the general-dynamic model (DTPMOD64/DTPOFF64 and __tls_get_addr).
 */
#include <stddef.h>
#include "tls.h"

void use_gd_ptrs(struct tls_ptrs *p)
{
	p->tdata = &lib_tdata;
	p->tbss = &lib_tbss;
	p->str = lib_str;
	p->al64 = &lib_al64;
	p->bss_al64 = lib_bss_al64;
	p->local = NULL;
}
