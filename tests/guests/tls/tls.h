/*
 * The TLS variables of libtls and the accessors each module exports, so
 * that the program can check every access path reaches the same variable.
 */
#ifndef GUEST_TLS_H
#define GUEST_TLS_H

extern __thread int lib_tdata;		/* .tdata, = 1234 */
extern __thread int lib_tbss;		/* .tbss, = 0 */
extern __thread char lib_str[16];	/* .tdata, = "libtls" */
extern __thread long lib_al64;		/* .tdata, aligned 64, = 64 */
extern __thread char lib_bss_al64[64];	/* .tbss, aligned 64 */

struct tls_ptrs {
	int *tdata, *tbss;
	char *str;
	long *al64;
	char *bss_al64;
	int *local;		/* libtls's static one (local-dynamic) */
};

/* The exported variables' addresses as the including module reaches
 * them (its TLS model), into *P. */
#define TLS_EXPORTED_PTRS(p)						\
	do {								\
		(p)->tdata = &lib_tdata;				\
		(p)->tbss = &lib_tbss;					\
		(p)->str = lib_str;					\
		(p)->al64 = &lib_al64;					\
		(p)->bss_al64 = lib_bss_al64;				\
	} while (0)

void lib_gd_ptrs(struct tls_ptrs *p);	/* libtls, general-dynamic */
void lib_ie_ptrs(struct tls_ptrs *p);	/* libtls, initial-exec */
void use_gd_ptrs(struct tls_ptrs *p);	/* libtlsuse, general-dynamic */
int lib_local_get(void);

#endif
