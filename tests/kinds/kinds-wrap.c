/*
 * tests/kinds/kinds-wrap.c: functions the symmaps bind to a shim wrapper
 * ("wrap": lx_NAME converts around a musl call: struct layouts, flags,
 * errno, message texts, paths, globals). Each case asserts glibc's
 * documented behaviour (man pages, glibc manual), including error cases.
 *
 * The cases are in parts by area: kinds-wrap-file.c (files and paths),
 * kinds-wrap-process.c (environment, exec, signals), kinds-wrap-text.c
 * (message texts, number parsing, formatting, locale, time) and
 * kinds-wrap-system.c (uname, sysconf, confstr, pathconf).
 */
#include "kinds.h"

extern const struct kinds_part kinds_wrap_file, kinds_wrap_process,
    kinds_wrap_text, kinds_wrap_system;

static const struct kinds_part *const kinds_parts[] = {
	&kinds_wrap_file,
	&kinds_wrap_process,
	&kinds_wrap_text,
	&kinds_wrap_system,
};

KINDS_MAIN_PARTS("kinds-wrap")
