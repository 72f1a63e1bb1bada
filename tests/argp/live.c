/*
 * Stands in for the generated tables and the core personality in the
 * argptest musl build: the "guest copies" of libshim's globals (as a guest
 * executable would hold them after COPY relocation) and the live pointers
 * aimed at them.
 */
#include <stdio.h>

int guest_optind = 1, guest_opterr = 1, guest_optopt = '?';
char *guest_optarg;
char *guest_program_invocation_name = "argptest";
char *guest_program_invocation_short_name = "argptest";
const char *guest_argp_program_version;
void (*guest_argp_program_version_hook)(FILE *, void *);
const char *guest_argp_program_bug_address;
int guest_argp_err_exit_status = 64;

void *lx_live_lx_optind = &guest_optind;
void *lx_live_lx_opterr = &guest_opterr;
void *lx_live_lx_optopt = &guest_optopt;
void *lx_live_lx_optarg = &guest_optarg;
void *lx_live_lx_program_invocation_name = &guest_program_invocation_name;
void *lx_live_lx_program_invocation_short_name =
    &guest_program_invocation_short_name;
void *lx_live_lx_argp_program_version = &guest_argp_program_version;
void *lx_live_lx_argp_program_version_hook =
    &guest_argp_program_version_hook;
void *lx_live_lx_argp_program_bug_address = &guest_argp_program_bug_address;
void *lx_live_lx_argp_err_exit_status = &guest_argp_err_exit_status;
