/*
 * A second library reaching libtls's variables from another module with
 * the general-dynamic model (DTPMOD64/DTPOFF64 and __tls_get_addr).
 */
#include <stddef.h>
#include "tls.h"

void use_gd_ptrs(struct tls_ptrs *p)
{
	TLS_EXPORTED_PTRS(p);
	p->local = NULL;
}
