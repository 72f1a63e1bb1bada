/*
 * One ELF object through libelf: its DT_NEEDED entries and where they
 * resolve, and its glibc-versioned undefined symbols (verneed + versym)
 * with the symmap status of each, and whether it is a shared library or a
 * program. Glibc's own objects (its libraries, gconv modules, and whatever
 * imports the GLIBC_PRIVATE interface) are only named.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim-check.h"

struct dyninfo {
	const char *soname, *rpath, *runpath;
	const char **needed;
	size_t nneeded;
	GElf_Xword flags_1;
};

struct vneed {
	const char *file, *version;
};

/* Libraries of glibc itself that have no symmap soname. */
static const char *const glibc_prefixes[] = {
	"libnss_", "libthread_db", "libc_malloc_debug", "libmemusage",
	"libpcprofile", "libBrokenLocale",
};
/* ... and glibc's libraries that other projects' sonames never take. */
static const char *const glibc_sonames[] = { "libnsl.so.1", "libmvec.so.1" };

/* Why PATH (DT_SONAME SONAME) is glibc's own by name, or NULL. */
static const char *glibc_by_name(const char *path, const char *soname)
{
	const char *base = strrchr(path, '/');
	const char *so;

	base = base ? base + 1 : path;
	so = soname ? soname : base;
	if (soname && symtab_family(soname))
		return "glibc soname";
	if (strstr(path, "/gconv/") || !strncmp(path, "gconv/", 6))
		return "gconv module";
	for (size_t i = 0; i < sizeof glibc_sonames / sizeof *glibc_sonames;
	     i++)
		if (!strcmp(so, glibc_sonames[i]))
			return "glibc soname";
	for (size_t i = 0; i < sizeof glibc_prefixes / sizeof *glibc_prefixes;
	     i++) {
		size_t n = strlen(glibc_prefixes[i]);

		if (!strncmp(base, glibc_prefixes[i], n) ||
		    (soname && !strncmp(soname, glibc_prefixes[i], n)))
			return "glibc library name";
	}
	return NULL;
}

static Elf_Scn *find_section(Elf *elf, Elf64_Word type, GElf_Shdr *sh)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn)))
		if (gelf_getshdr(scn, sh) && sh->sh_type == type &&
		    sh->sh_type != SHT_NOBITS)
			return scn;
	return NULL;
}

static void read_dynamic(Elf *elf, struct dyninfo *d)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(elf, SHT_DYNAMIC, &sh);
	Elf_Data *data = scn ? elf_getdata(scn, NULL) : NULL;
	GElf_Dyn dyn;

	if (!data || !data->d_buf || !sh.sh_entsize)
		return;
	d->needed = xmalloc(sizeof *d->needed * (sh.sh_size / sh.sh_entsize));
	for (size_t i = 0; gelf_getdyn(data, i, &dyn) &&
	     dyn.d_tag != DT_NULL; i++) {
		const char *s;

		if (dyn.d_tag == DT_FLAGS_1)
			d->flags_1 = dyn.d_un.d_val;
		if (dyn.d_tag != DT_NEEDED && dyn.d_tag != DT_SONAME &&
		    dyn.d_tag != DT_RPATH && dyn.d_tag != DT_RUNPATH)
			continue;
		if (!(s = elf_strptr(elf, sh.sh_link, dyn.d_un.d_val)))
			continue;
		if (dyn.d_tag == DT_NEEDED)
			d->needed[d->nneeded++] = s;
		else if (dyn.d_tag == DT_SONAME)
			d->soname = s;
		else if (dyn.d_tag == DT_RPATH)
			d->rpath = s;
		else
			d->runpath = s;
	}
}

/* Version index -> (file, version) from SHT_GNU_verneed; *N entries. */
static struct vneed *read_verneed(Elf *elf, size_t *n)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(elf, SHT_GNU_verneed, &sh);
	Elf_Data *data = scn ? elf_getdata(scn, NULL) : NULL;
	struct vneed *v = calloc(65536, sizeof *v);
	size_t off = 0;

	*n = 0;
	if (!v || !data || !data->d_buf)
		return v;
	for (size_t i = 0; i < sh.sh_info; i++) {
		GElf_Verneed vn;
		GElf_Vernaux va;
		size_t aoff;

		if (!gelf_getverneed(data, off, &vn))
			break;
		aoff = off + vn.vn_aux;
		for (size_t j = 0; j < vn.vn_cnt; j++) {
			if (!gelf_getvernaux(data, aoff, &va))
				break;
			v[va.vna_other & 0x7fff].file =
				elf_strptr(elf, sh.sh_link, vn.vn_file);
			v[va.vna_other & 0x7fff].version =
				elf_strptr(elf, sh.sh_link, va.vna_name);
			if ((va.vna_other & 0x7fff) >= *n)
				*n = (va.vna_other & 0x7fff) + 1;
			if (!va.vna_next)
				break;
			aoff += va.vna_next;
		}
		if (!vn.vn_next)
			break;
		off += vn.vn_next;
	}
	return v;
}

/*
 * Does ELF need the GLIBC_PRIVATE version? That interface is private to
 * glibc's own components, so an object that imports it is part of glibc.
 */
static int imports_glibc_private(Elf *elf)
{
	size_t n;
	struct vneed *vn = read_verneed(elf, &n);
	int r = 0;

	for (size_t i = 2; vn && i < n && !r; i++)
		r = vn[i].version && !strcmp(vn[i].version, "GLIBC_PRIVATE");
	free(vn);
	return r;
}

static void check_import(struct sc_object *o, const char *name,
	const struct vneed *vn)
{
	char key[1024];

	if (!vn->version || strncmp(vn->version, "GLIBC_", 6) ||
	    !vn->file || !symtab_family(vn->file))
		return;
	o->total++;
	snprintf(key, sizeof key, "%s@%s", name, vn->version);
	switch (strcmp(vn->version, "GLIBC_PRIVATE") ?
		symtab_kind(name, vn->version) : SC_KIND_UNSUPPORTED) {
	case SC_KIND_HOST:
	case SC_KIND_WRAP:
	case SC_KIND_IMPL:
		o->provided++;
		break;
	case SC_KIND_UNSUPPORTED:
		strlist_add(&o->unsupported, key);
		break;
	default:
		strlist_add(&o->missing, key);
	}
}

static void read_imports(Elf *elf, struct sc_object *o)
{
	GElf_Shdr sh, vsh;
	Elf_Scn *scn = find_section(elf, SHT_DYNSYM, &sh);
	Elf_Scn *vscn = find_section(elf, SHT_GNU_versym, &vsh);
	Elf_Data *data = scn ? elf_getdata(scn, NULL) : NULL;
	Elf_Data *vdata = vscn ? elf_getdata(vscn, NULL) : NULL;
	struct vneed *vn;
	size_t nvn;

	if (!data || !data->d_buf || !vdata || !vdata->d_buf ||
	    !sh.sh_entsize)
		return;
	vn = read_verneed(elf, &nvn);
	for (size_t i = 1; vn && i < sh.sh_size / sh.sh_entsize; i++) {
		GElf_Sym sym;
		GElf_Versym vs;
		const char *name;

		if (!gelf_getsym(data, i, &sym) || sym.st_shndx != SHN_UNDEF ||
		    !gelf_getversym(vdata, i, &vs))
			continue;
		vs &= 0x7fff;
		name = elf_strptr(elf, sh.sh_link, sym.st_name);
		if (vs >= 2 && vs < nvn && name && *name)
			check_import(o, name, &vn[vs]);
	}
	free(vn);
}

static void resolve_needed(struct sc_object *o, const struct dyninfo *d)
{
	char gp[PATH_MAX], *origin = NULL;

	if (search_guest_path(o->path, gp, sizeof gp)) {
		origin = gp;
		*strrchr(gp, '/') = 0;
		if (!*origin)
			origin = "/";
	}
	o->needed = xmalloc(sizeof *o->needed * (d->nneeded + 1));
	o->nneeded = d->nneeded;
	for (size_t i = 0; i < d->nneeded; i++) {
		struct sc_needed *n = &o->needed[i];

		n->name = xstrdup(d->needed[i]);
		n->beside = false;
		n->where = search_library(n->name, d->rpath, d->runpath,
			origin, &n->found);
		/* A library in a private directory (systemd's, a plugin
		 * dir) gets its siblings through the RUNPATH of the program
		 * that loads it, which ld.so also searches for the
		 * library's own needs: look beside it, and say so. */
		if (n->where == SC_MISSING && o->is_lib && origin) {
			n->where = search_library(n->name, "$ORIGIN", NULL,
				origin, &n->found);
			n->beside = n->where != SC_MISSING;
		}
	}
}

/* Is the ELF a dynamic-linking candidate of our machine? */
static int our_object(Elf *elf, GElf_Ehdr *eh)
{
	return elf_kind(elf) == ELF_K_ELF && gelf_getehdr(elf, eh) &&
		gelf_getclass(elf) == ELFCLASS64 &&
		eh->e_machine == EM_X86_64 &&
		(eh->e_type == ET_EXEC || eh->e_type == ET_DYN);
}

/*
 * A shared library, not a program: ET_DYN without DF_1_PIE, and without a
 * PT_INTERP unless it has a soname (libraries that can also be run, as
 * some do to print their version, keep their soname; old PIEs lack
 * DF_1_PIE but have no soname).
 */
static bool shared_library(Elf *elf, const GElf_Ehdr *eh,
	const struct dyninfo *d)
{
	size_t n = 0;
	bool interp = false;
	GElf_Phdr ph;

	if (eh->e_type != ET_DYN || (d->flags_1 & DF_1_PIE))
		return false;
	if (elf_getphdrnum(elf, &n) == 0)
		for (size_t i = 0; i < n; i++)
			if (gelf_getphdr(elf, i, &ph) &&
			    ph.p_type == PT_INTERP)
				interp = true;
	return !interp || d->soname;
}

struct sc_object *scan_object(const char *path, int *ioerr)
{
	struct sc_object *o = NULL;
	struct dyninfo d = { 0 };
	GElf_Ehdr eh;
	Elf *elf = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*ioerr = 0;
	if (fd < 0) {
		fprintf(stderr, "shim-check: %s: %s\n", path, strerror(errno));
		*ioerr = 1;
		return NULL;
	}
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || !our_object(elf, &eh))
		goto fail;
	o = xmalloc(sizeof *o);
	memset(o, 0, sizeof *o);
	o->path = xstrdup(path);
	read_dynamic(elf, &d);
	o->is_lib = shared_library(elf, &eh, &d);
	o->glibc_why = glibc_by_name(path, d.soname);
	if (!o->glibc_why && imports_glibc_private(elf))
		o->glibc_why = "imports GLIBC_PRIVATE";
	if (o->glibc_why) {
		o->status = SC_GLIBC;
		goto fail;
	}
	resolve_needed(o, &d);
	read_imports(elf, o);
	o->status = o->missing.n || o->unsupported.n ? SC_PARTIAL : SC_OK;
	for (size_t i = 0; i < o->nneeded; i++)
		if (o->needed[i].where == SC_MISSING)
			o->status = SC_PARTIAL;
fail:
	free(d.needed);
	if (elf)
		elf_end(elf);
	close(fd);
	return o;
}

void object_free(struct sc_object *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nneeded; i++) {
		free(o->needed[i].name);
		free(o->needed[i].found);
	}
	free(o->needed);
	for (size_t i = 0; i < o->missing.n; i++)
		free(o->missing.v[i]);
	for (size_t i = 0; i < o->unsupported.n; i++)
		free(o->unsupported.v[i]);
	free(o->missing.v);
	free(o->unsupported.v);
	free(o->load_msg);
	free(o->path);
	free(o);
}
