/*
 * Stands in for the generated tables and the core personality in the
 * gnutest musl build: the "guest copies" of libshim's globals (as a
 * guest executable would hold them after COPY relocation) and the live
 * pointers aimed at them.
 */
#include <stdlib.h>

int guest_optind = 1, guest_opterr = 1, guest_optopt = '?';
char *guest_optarg;
unsigned int guest_error_message_count;
int guest_error_one_per_line;
void (*guest_error_print_progname)(void);
char *guest_program_invocation_name = "gnutest";
void (*guest_obstack_alloc_failed_handler)(void);
int guest_obstack_exit_failure = EXIT_FAILURE;

void *lx_live_lx_optind = &guest_optind;
void *lx_live_lx_opterr = &guest_opterr;
void *lx_live_lx_optopt = &guest_optopt;
void *lx_live_lx_optarg = &guest_optarg;
void *lx_live_lx_error_message_count = &guest_error_message_count;
void *lx_live_lx_error_one_per_line = &guest_error_one_per_line;
void *lx_live_lx_error_print_progname = &guest_error_print_progname;
void *lx_live_lx_program_invocation_name = &guest_program_invocation_name;
void *lx_live_lx_obstack_alloc_failed_handler =
    &guest_obstack_alloc_failed_handler;
void *lx_live_lx_obstack_exit_failure = &guest_obstack_exit_failure;
