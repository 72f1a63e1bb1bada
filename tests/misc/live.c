/*
 * Stands in for the generated tables and the core personality in the
 * misctest musl build: the "guest copies" of libshim's globals (as a
 * guest executable would hold them after COPY relocation) and the live
 * pointers aimed at them.
 */
char *guest_program_invocation_short_name = "misctest";
char *guest_program_invocation_name = "misctest";
char *guest_tzname[2] = { "GMT", "GMT" }, *guest___tzname[2];
long guest_timezone, guest___timezone;
int guest_daylight, guest___daylight;
void *guest___libc_stack_end;

void *lx_live_lx_program_invocation_short_name =
    &guest_program_invocation_short_name;
void *lx_live_lx_program_invocation_name = &guest_program_invocation_name;
void *lx_live_lx_tzname = guest_tzname;
void *lx_live_lx___tzname = guest___tzname;
void *lx_live_lx_timezone = &guest_timezone;
void *lx_live_lx___timezone = &guest___timezone;
void *lx_live_lx_daylight = &guest_daylight;
void *lx_live_lx___daylight = &guest___daylight;
void *lx_live_lx___libc_stack_end = &guest___libc_stack_end;
