/*
 * tests/kinds/kinds-impl.c: functions the shim implements itself
 * ("impl": musl has nothing close, or only a POSIX function of the same
 * name). Each case asserts glibc's documented behaviour (man pages, glibc
 * manual), including error cases and GNU variants.
 *
 * The cases are in parts by area: kinds-impl-text.c (GNU strings,
 * messages, regex, obstacks, random numbers), kinds-impl-cli.c (getopt,
 * error, argp), kinds-impl-dl.c (the dl API, backtrace) and
 * kinds-impl-file.c (fcntl, statx and other Linux calls).
 */
#include "kinds.h"

extern const struct kinds_part kinds_impl_text, kinds_impl_cli,
    kinds_impl_dl, kinds_impl_file;

static const struct kinds_part *const kinds_parts[] = {
	&kinds_impl_text,
	&kinds_impl_cli,
	&kinds_impl_dl,
	&kinds_impl_file,
};

KINDS_MAIN_PARTS("kinds-impl")
