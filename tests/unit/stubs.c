/* What the loader files under test expect from the rest of the shim. */
#include "loader-int.h"

struct shim_config shim_cfg;
struct boot_info shim_boot;
struct object *shim_head;

/* A small built-in library: two versions of one name, like memcpy. */
static const char *const versions[] = { "GLIBC_2.2.5", "GLIBC_2.14" };
static char old_impl, new_impl, other_impl;
const char lx_builtin_strs[] = "\0memcpy\0strlen";
void *const lx_builtin_addr[] = { &old_impl, &new_impl, &other_impl };
void **const lx_builtin_live[] = { NULL };
static const struct lx_symdef syms[] = {
	{ .name = 1, .id = 0, .version = 0 },
	{ .name = 1, .id = 1, .version = 1, .flags = LX_SYM_DEFAULT },
	{ .name = 8, .id = 2, .version = 0, .flags = LX_SYM_DEFAULT },
};
const struct lx_builtin_lib lx_builtin_libs[] = {
	{ "libc.so.6", versions, 2, syms, 3 },
};
const unsigned lx_nbuiltin_libs = 1;
void *stub_old_impl = &old_impl, *stub_new_impl = &new_impl;
