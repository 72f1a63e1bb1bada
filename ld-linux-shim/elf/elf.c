/*
 * ELF validation: everything the loader checks about a file before it maps
 * a byte of it (elf_check: pure functions over a buffer holding the ELF
 * header and the program headers). A file that passes can be mapped
 * without reading outside it. The checks of the mapped image, which every
 * table must pass before the loader reads it, are in elf-image.c.
 */
#include <stdio.h>
#include <string.h>

#include "loader-int.h"

#define PAGE 4096u

static const char *check_ident(const unsigned char *b, size_t len,
	char *msg, size_t msgsz)
{
	if (len < SELFMAG || memcmp(b, ELFMAG, SELFMAG))
		return "not an ELF file";
	if (len < EI_NIDENT)
		return "malformed ELF file: truncated ELF header";
	if (b[EI_CLASS] != ELFCLASS64)
		return "not a 64-bit ELF file";
	if (b[EI_DATA] != ELFDATA2LSB)
		return "ELF file for another machine (not little-endian)";
	if (b[EI_VERSION] != EV_CURRENT)
		return "malformed ELF file: bad ELF version";
	if (b[EI_OSABI] != ELFOSABI_SYSV && b[EI_OSABI] != ELFOSABI_GNU) {
		snprintf(msg, msgsz, "ELF binary type \"%u\" not known",
			b[EI_OSABI]);
		return msg;
	}
	return NULL;
}

static const char *check_phdrs(const ElfW(Phdr) *ph, size_t n,
	uint64_t filesize, char *msg, size_t msgsz)
{
	uint64_t last_end = 0;
	size_t i, nload = 0;
	const ElfW(Phdr) *dyn = NULL;

	for (i = 0; i < n; i++) {
		const ElfW(Phdr) *p = &ph[i];

		if (p->p_type == PT_DYNAMIC)
			dyn = p;
		if (p->p_type == PT_TLS) {
			if (p->p_align > 1 && (p->p_align & (p->p_align - 1)))
				return "malformed ELF file: PT_TLS alignment is not a power of two";
			if (p->p_align > TLS_MAX_ALIGN) {
				snprintf(msg, msgsz, "unsupported TLS alignment %llu (at most %u)",
					(unsigned long long)p->p_align,
					TLS_MAX_ALIGN);
				return msg;
			}
			if (p->p_filesz > p->p_memsz)
				return "malformed ELF file: PT_TLS file size exceeds memory size";
		}
		if (p->p_type != PT_LOAD)
			continue;
		nload++;
		if (p->p_filesz > p->p_memsz)
			return "malformed ELF file: PT_LOAD file size exceeds memory size";
		if (p->p_offset > filesize || p->p_filesz > filesize - p->p_offset)
			return "malformed ELF file: PT_LOAD segment extends past end of file";
		if (p->p_memsz > (1ull << 46) || p->p_vaddr > (1ull << 47))
			return "malformed ELF file: PT_LOAD segment out of range";
		if ((p->p_vaddr - p->p_offset) % PAGE)
			return "malformed ELF file: PT_LOAD offset and address not congruent";
		if (p->p_vaddr < last_end)
			return "malformed ELF file: PT_LOAD segments overlap or are not sorted";
		/* the later mapping would take the page, and its protection */
		if (last_end && p->p_vaddr / PAGE <= (last_end - 1) / PAGE)
			return "malformed ELF file: PT_LOAD segments share a page";
		last_end = p->p_vaddr + p->p_memsz;
	}
	if (!nload)
		return "malformed ELF file: no loadable segment";
	if (dyn) {
		for (i = 0; i < n; i++) {
			if (ph[i].p_type == PT_LOAD &&
			    dyn->p_vaddr >= ph[i].p_vaddr &&
			    dyn->p_vaddr + dyn->p_memsz <=
			    ph[i].p_vaddr + ph[i].p_memsz)
				break;
		}
		if (i == n)
			return "malformed ELF file: PT_DYNAMIC outside every loadable segment";
	}
	return NULL;
}

const char *elf_check(const unsigned char *buf, size_t len, uint64_t filesize,
	bool want_dyn, char *msg, size_t msgsz)
{
	const ElfW(Ehdr) *eh = (const void *)buf;
	const char *why;

	if ((why = check_ident(buf, len, msg, msgsz)))
		return why;
	if (len < sizeof *eh)
		return "malformed ELF file: truncated ELF header";
	if (eh->e_machine != EM_X86_64) {
		snprintf(msg, msgsz, "ELF file for another machine (e_machine %u)",
			eh->e_machine);
		return msg;
	}
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return "not an executable or shared object";
	if (want_dyn && eh->e_type != ET_DYN)
		return "not a shared object";
	if (eh->e_ehsize < sizeof *eh)
		return "malformed ELF file: bad ELF header size";
	if (eh->e_phentsize != sizeof(ElfW(Phdr)))
		return "malformed ELF file: bad program header size";
	if (eh->e_phnum == 0 || eh->e_phnum > 1024)
		return "malformed ELF file: bad number of program headers";
	if (eh->e_phoff > filesize ||
	    (uint64_t)eh->e_phnum * eh->e_phentsize > filesize - eh->e_phoff)
		return "malformed ELF file: program headers past end of file";
	if (eh->e_phoff + (uint64_t)eh->e_phnum * eh->e_phentsize > len)
		return "malformed ELF file: program headers not in the first page";
	if (eh->e_phoff % 8)
		return "malformed ELF file: misaligned program headers";
	return check_phdrs((const void *)(buf + eh->e_phoff), eh->e_phnum,
		filesize, msg, msgsz);
}
