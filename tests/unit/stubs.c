/* What the loader files under test expect from the rest of the shim. */
#include "shim.h"

struct shim_config shim_cfg;
struct object *shim_head;

/* A small built-in library: two versions of one name, like memcpy. */
static const char *const versions[] = { "GLIBC_2.2.5", "GLIBC_2.14" };
static char old_impl, new_impl, other_impl;
static const struct lx_symdef syms[] = {
	{ .name = "memcpy", .addr = &old_impl, .version = 0 },
	{ .name = "memcpy", .addr = &new_impl, .version = 1,
	  .flags = LX_SYM_DEFAULT },
	{ .name = "strlen", .addr = &other_impl, .version = 0,
	  .flags = LX_SYM_DEFAULT },
};
const struct lx_builtin_lib lx_builtin_libs[] = {
	{ "libc.so.6", versions, 2, syms, 3 },
};
const unsigned lx_nbuiltin_libs = 1;
void *stub_old_impl = &old_impl, *stub_new_impl = &new_impl;
