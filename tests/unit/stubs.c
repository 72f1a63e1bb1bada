/* What the loader files under test expect from the rest of the shim. */
#include "loader-int.h"
#include "shim/libshim.h"

struct shim_config shim_cfg;
struct boot_info shim_boot;
struct object *shim_head;

/* A small built-in library: two versions of one name, like memcpy. */
static const char *const versions[] = { "GLIBC_2.2.5", "GLIBC_2.14" };
char stub_old_obj, stub_new_obj, stub_other_obj;
const char lx_builtin_strs[] = "\0memcpy\0strlen";
/* As symmapgen writes it: distances from the table, which the linker
 * computes. */
__asm__(".pushsection .rodata.lx_builtin_off, \"a\"\n"
	".balign 4\n"
	".globl lx_builtin_off\n"
	"lx_builtin_off:\n"
	".long stub_old_obj - lx_builtin_off\n"
	".long stub_new_obj - lx_builtin_off\n"
	".long stub_other_obj - lx_builtin_off\n"
	".popsection");
void **const lx_builtin_live[] = { NULL };
static const struct lx_symdef syms[] = {
	{ .name = 1, .id = 0, .version = 0 },
	{ .name = 1, .id = 1, .version = 1, .flags = LX_SYM_DEFAULT },
	{ .name = 8, .id = 2, .version = 0, .flags = LX_SYM_DEFAULT },
};
const struct lx_builtin_lib lx_builtin_libs[] = {
	{ "libc.so.6", versions, 2, syms, 3, NULL, 0, NULL, 0 },
};
const unsigned lx_nbuiltin_libs = 1;
void *stub_old_impl = &stub_old_obj, *stub_new_impl = &stub_new_obj;

/* libshim's string functions have no variants here. */
void *shim_string_direct(void *fn)
{
	return fn;
}
