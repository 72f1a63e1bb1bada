/*
 * symmapgen: host tool that turns symmaps/NAME.symmap into the C tables
 * declared in include/shim/builtin.h (format: symmaps/README.md).
 *
 *   symmapgen [-o OUT.c] [-p OUT.h] FILE.symmap...
 *                                       generate the tables (-o) and the
 *                                       prototypes of the targets (-p)
 *   symmapgen --targets FILE...         "KIND CNAME" per wrap/impl target
 *   symmapgen --list FILE...            "soname name@version kind" per entry
 *
 * Input is validated strictly; every defect is reported as
 * "file:line: message" on stderr and the exit status is 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symmapgen.h"

static void
usage(void)
{
	fprintf(stderr, "usage: symmapgen [-o OUT.c] [-p OUT.h] "
	    "FILE.symmap...\n"
	    "       symmapgen --targets FILE.symmap...\n"
	    "       symmapgen --list FILE.symmap...\n");
	exit(1);
}

int
main(int argc, char **argv)
{
	const char *out = NULL, *protos = NULL;
	int mode = 0, i = 1;	/* 0 generate, 1 targets, 2 list */
	unsigned k;

	if (argc > 1 && strcmp(argv[1], "--targets") == 0)
		mode = 1, i = 2;
	else if (argc > 1 && strcmp(argv[1], "--list") == 0)
		mode = 2, i = 2;
	for (; mode == 0 && i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-o") == 0 && out == NULL)
			out = argv[i + 1];
		else if (strcmp(argv[i], "-p") == 0 && protos == NULL)
			protos = argv[i + 1];
		else
			break;
	}
	if (mode == 0 && out == NULL && protos == NULL)
		usage();
	if (i >= argc)
		usage();
	for (; i < argc; i++)
		parse_file(argv[i]);
	if (nerrors == 0)
		resolve();
	if (nerrors)
		return 1;
	if (mode == 1) {
		for (k = 0; k < ntgts; k++)
			if (!tgts[k].host)
				printf("%s %s\n", kind_names[tgts[k].kind],
				    tgts[k].cname);
	} else if (mode == 2) {
		for (k = 0; k < nents; k++)
			printf("%s %s@%s %s\n", libs[ents[k].lib].soname,
			    ents[k].name, ents[k].vername,
			    kind_names[ents[k].kind]);
	} else {
		if (out != NULL && generate(out) != 0)
			return 1;
		return protos != NULL && generate_protos(protos) != 0;
	}
	return fflush(stdout) != 0;
}
