/*
 * symmapgen, emit room: writes the C tables of include/shim/builtin.h from
 * the resolved entries and targets.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symmapgen.h"

static const char *const errs_enum[] = {
	"LX_ERRS_NONE", "LX_ERRS_NEG1_ERRNO", "LX_ERRS_NULL_ERRNO",
	"LX_ERRS_RET_ERRNO", "LX_ERRS_EOF_ERRNO", "LX_ERRS_NORETURN",
	"LX_ERRS_OTHER",
};

static const char *const kind_enum[] = {
	"LX_KIND_HOST", "LX_KIND_WRAP", "LX_KIND_IMPL", "LX_KIND_UNSUPPORTED",
};

void
put_str(FILE *out, const char *s)
{
	if (s == NULL) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void
gen_targets(FILE *out)
{
	unsigned i;

	for (i = 0; i < ntgts; i++) {
		fprintf(out, "extern char lx_t%u[] __asm__(", i);
		put_str(out, tgts[i].cname);
		fputs(");\n", out);
	}
	fputc('\n', out);
	for (i = 0; i < ntgts; i++)
		if (tgts[i].data)
			fprintf(out, "void *lx_live_%s = (void *)lx_t%u;\n",
			    tgts[i].cname, i);
	fputc('\n', out);
}

/* The string table: every distinct name first, then each entry's target,
 * signature and reason (0 is the empty string). A lookup at start-up
 * reads names alone, so they are packed together: the pages a program's
 * binding touches are the names' few, not the whole table's. Offsets
 * instead of pointers keep the tables free of relocations. */
static unsigned long (*stroffs)[4];

static void
put_strs(FILE *out, int what, unsigned long *size)
{
	for (unsigned k = 0; k < nents; k++) {
		const char *v[4] = { ents[k].name, ents[k].cname, ents[k].sig,
		    ents[k].reason };

		if (v[what] == NULL || *v[what] == '\0')
			continue;
		if (what == 0 && k > 0 && !strcmp(v[0], ents[k - 1].name)) {
			stroffs[k][0] = stroffs[k - 1][0];
			continue;
		}
		stroffs[k][what] = *size;
		*size += strlen(v[what]) + 1;
		fputs("\n\t", out);
		put_str(out, v[what]);
		fputs(" \"\\0\"", out);
	}
}

static void
gen_strs(FILE *out)
{
	unsigned long size = 1;

	stroffs = calloc(nents ? nents : 1, sizeof *stroffs);
	if (stroffs == NULL) {
		perror("symmapgen");
		exit(1);
	}
	fputs("const char lx_builtin_strs[] =\n\t\"\\0\"", out);
	for (int what = 0; what < 4; what++)
		put_strs(out, what, &size);
	fputs(";\n\n", out);
}

static void
gen_sym(FILE *out, const struct entry *e, unsigned id, unsigned *nlive)
{
	unsigned long name = stroffs[id][0], target = stroffs[id][1];
	unsigned long sig = stroffs[id][2], reason = stroffs[id][3];
	unsigned live = 0;

	if (e->data && e->cname != NULL)
		live = ++*nlive;
	fprintf(out, "\t{ %lu, %lu, %lu, %lu, %u, %lu, %u, %u, %s, %s, %s },"
	    " /* %s */\n", name, target, sig, reason, id,
	    e->data ? e->size : 0, e->ver, live, kind_enum[e->kind],
	    errs_enum[e->errs],
	    e->deflt && e->data ? "LX_SYM_DEFAULT | LX_SYM_DATA" :
	    e->deflt ? "LX_SYM_DEFAULT" : e->data ? "LX_SYM_DATA" : "0",
	    e->name);
}

/* ELF's GNU hash (dl_new_hash), which the loader computes too. */
static uint32_t
gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (const unsigned char *s = (const void *)name; *s; s++)
		h = h * 33 + *s;
	return h;
}

/* The hash table of a library's entries START..END: every distinct name
 * (the entries are sorted by name) at its first entry. */
static unsigned
hash_slots(unsigned start, unsigned end)
{
	unsigned names = 0, slots = 8;

	for (unsigned i = start; i < end; i++)
		names += i == start || strcmp(ents[i].name, ents[i - 1].name);
	while (slots < 2 * names)
		slots *= 2;
	return slots;
}

static void
gen_hash(FILE *out, unsigned li, unsigned start, unsigned end)
{
	unsigned slots = hash_slots(start, end), i;
	uint32_t *tab = calloc(2 * (size_t)slots, sizeof *tab);

	if (tab == NULL) {
		perror("symmapgen");
		exit(1);
	}
	for (i = start; i < end; i++) {
		uint32_t h, s;

		if (i > start && !strcmp(ents[i].name, ents[i - 1].name))
			continue;
		h = gnu_hash(ents[i].name);
		for (s = h & (slots - 1); tab[2 * s + 1];
		    s = (s + 1) & (slots - 1))
			;
		tab[2 * s] = h;
		tab[2 * s + 1] = i - start + 1;
	}
	fprintf(out, "static const uint32_t lx_h%u[] = {", li);
	for (i = 0; i < slots; i++)
		fprintf(out, "%s%u, %u,", i % 4 ? " " : "\n\t", tab[2 * i],
		    tab[2 * i + 1]);
	fputs("\n};\n\n", out);
	free(tab);
}

static void
gen_lib(FILE *out, unsigned li, unsigned *first, unsigned *nlive)
{
	const struct lib *l = &libs[li];
	unsigned i;

	fprintf(out, "/* %s */\nstatic const char *const lx_v%u[] = {\n",
	    l->soname, li);
	for (i = 0; i < l->nversions; i++) {
		fputc('\t', out);
		put_str(out, l->versions[i]);
		fputs(",\n", out);
	}
	fputs("};\n\n", out);
	if (*first < nents && ents[*first].lib == li) {
		fprintf(out, "static const struct lx_symdef lx_s%u[] = {\n",
		    li);
		unsigned start = *first, n = 0;

		for (; *first < nents && ents[*first].lib == li; (*first)++)
			gen_sym(out, &ents[*first], *first, nlive);
		fputs("};\n\n", out);
		gen_hash(out, li, start, *first);
		/* The entries with a live pointer, which the loader binds at
		 * start-up without walking the whole library. */
		for (i = start; i < *first; i++)
			n += ents[i].data && ents[i].cname != NULL;
		if (n) {
			fprintf(out, "static const uint32_t lx_l%u[] = {", li);
			for (i = start; i < *first; i++)
				if (ents[i].data && ents[i].cname != NULL)
					fprintf(out, " %u,", i - start);
			fputs(" };\n\n", out);
		}
	}
}

/* The addresses (by entry), as distances the linker computes (an
 * assembler table: C has no constant for the difference of two
 * addresses), and the live pointers (by live index - 1): the only
 * relocated words of the tables. */
static void
gen_addrs(FILE *out)
{
	unsigned k;

	fputs("__asm__(\n\t\".pushsection .rodata.lx_builtin_off, \\\"a\\\"\\n\"\n"
	    "\t\".balign 4\\n\"\n"
	    "\t\".globl lx_builtin_off\\n\"\n"
	    "\t\".type lx_builtin_off, @object\\n\"\n"
	    "\t\"lx_builtin_off:\\n\"\n", out);
	for (k = 0; k < nents; k++) {
		if (ents[k].target >= 0)
			fprintf(out, "\t\".long %s - lx_builtin_off\\n\"\n",
			    tgts[ents[k].target].cname);
		else
			fputs("\t\".long 0\\n\"\n", out);
	}
	fputs("\t\".size lx_builtin_off, . - lx_builtin_off\\n\"\n"
	    "\t\".popsection\");\n\n", out);
	fputs("void **const lx_builtin_live[] = {\n", out);
	for (k = 0; k < nents; k++)
		if (ents[k].data && ents[k].cname != NULL)
			fprintf(out, "\t&lx_live_%s,\n", ents[k].cname);
	fputs("\tNULL\n};\n\n", out);
}

int
generate(const char *path)
{
	FILE *out = fopen(path, "w");
	unsigned i, k = 0, n, nlive = 0;

	if (out == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	fputs("/* Generated by tools/symmapgen from the symmaps: do not edit. "
	    "*/\n#pragma GCC diagnostic ignored \"-Wcomment\"\n"
	    "#include \"shim/builtin.h\"\n\n", out);
	gen_targets(out);
	gen_strs(out);
	gen_addrs(out);
	for (i = 0; i < nlibs; i++)
		gen_lib(out, i, &k, &nlive);
	fputs("const struct lx_builtin_lib lx_builtin_libs[] = {\n", out);
	for (i = 0, k = 0; i < nlibs; i++) {
		for (n = 0; k < nents && ents[k].lib == i; k++)
			n++;
		fputs("\t{ ", out);
		put_str(out, libs[i].soname);
		fprintf(out, ", lx_v%u, %u, ", i, libs[i].nversions);
		unsigned live = 0;

		for (unsigned j = k - n; j < k; j++)
			live += ents[j].data && ents[j].cname != NULL;
		if (n)
			fprintf(out, "lx_s%u, %u, ", i, n);
		else
			fputs("NULL, 0, ", out);
		if (live)
			fprintf(out, "lx_l%u, %u, ", i, live);
		else
			fputs("NULL, 0, ", out);
		if (n)
			fprintf(out, "lx_h%u, %u },\n", i,
			    hash_slots(k - n, k) - 1);
		else
			fputs("NULL, 0 },\n", out);
	}
	fprintf(out, "};\n\nconst unsigned lx_nbuiltin_libs = %u;\n", nlibs);
	if (fclose(out) != 0) {
		fprintf(stderr, "%s: write error\n", path);
		remove(path);
		return 1;
	}
	return 0;
}
