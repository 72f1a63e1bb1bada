/*
 * Guest library defining TLS variables in .tdata and .tbss (one of each
 * aligned to 64) and returning their addresses with the default -fPIC model
 * (general-dynamic; local-dynamic for the static one). Because libtls_ie.c
 * makes the library need static TLS anyway, ld relaxes the general-dynamic
 * accesses here to initial-exec (TPOFF64); the local-dynamic one stays
 * (DTPMOD64 + __tls_get_addr). Cross-module general-dynamic is libtlsuse.
 */
#include "tls.h"

__thread int lib_tdata = 1234;
__thread int lib_tbss;
__thread char lib_str[16] = "libtls";
__thread long lib_al64 __attribute__((aligned(64))) = 64;
__thread char lib_bss_al64[64] __attribute__((aligned(64)));
static __thread int lib_local = 77;

void lib_gd_ptrs(struct tls_ptrs *p)
{
	TLS_EXPORTED_PTRS(p);
	p->local = &lib_local;
}

int lib_local_get(void)
{
	return lib_local;
}
