#!/usr/bin/python3
"""Malformed-ELF fixtures for ld-linux-shim: generator and checker.

  malformed.py generate --table T --prog P --lib L --obj O --gone G --out DIR
      writes every fixture of table T into DIR, derived from a small valid
      glibc program P, a valid library L (libmalf.so), an object file O and
      a program G that needs a library that does not exist.
  malformed.py check --table T --name N --dir DIR --shim S [--lib-user U]
      runs `S DIR/N` (or, with --lib-user, `S U` with DIR/lib/N in
      LD_LIBRARY_PATH) and checks the refusal against the table.

The table (fixtures.txt) holds the expected phrase for each fixture.
"""

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")
DYN = struct.Struct("<qQ")
PT_LOAD, PT_DYNAMIC, PT_TLS = 1, 2, 7
PF_X = 1
DT_NULL, DT_NEEDED, DT_STRTAB, DT_STRSZ = 0, 1, 5, 10
DT_RELA, DT_SYMENT, DT_INIT, DT_JMPREL = 7, 11, 12, 23
DT_GNU_HASH, DT_VERNEED = 0x6ffffef5, 0x6ffffffe
RELA = struct.Struct("<QQq")
LIB_NAME = "libmalf.so"


def read_table(path):
	"""Returns [(name, as_lib, subject, phrase)] in file order."""
	rows = []
	with open(path) as f:
		for line in f:
			line = line.rstrip("\n")
			if not line.strip() or line.lstrip().startswith("#"):
				continue
			name, as_lib, subject, phrase = line.split(None, 3)
			rows.append((name, as_lib == "lib", subject, phrase))
	return rows


class Elf:
	"""A mutable ELF image with just enough parsing for the mutations."""

	def __init__(self, data):
		self.d = bytearray(data)
		self.e = list(EHDR.unpack_from(self.d, 0))

	# ELF header fields by index into self.e
	TYPE, MACHINE, PHOFF, PHENTSIZE, PHNUM = 1, 2, 5, 9, 10

	def set_ehdr(self, field, value):
		self.e[field] = value
		EHDR.pack_into(self.d, 0, *self.e)

	def phdrs(self):
		off, n = self.e[self.PHOFF], self.e[self.PHNUM]
		return [(off + i * PHDR.size,
			 list(PHDR.unpack_from(self.d, off + i * PHDR.size)))
			for i in range(n)]

	def set_phdr(self, at, ph):
		PHDR.pack_into(self.d, at, *ph)

	def segments(self, ptype):
		return [(at, ph) for at, ph in self.phdrs() if ph[0] == ptype]

	def dynamic(self):
		at, ph = self.segments(PT_DYNAMIC)[0]
		out, off = [], ph[2]
		while off + DYN.size <= ph[2] + ph[5]:
			tag, val = DYN.unpack_from(self.d, off)
			out.append((off, tag, val))
			if tag == DT_NULL:
				break
			off += DYN.size
		return out

	def set_dyn(self, tag, value, nth=0):
		hits = [(off, t) for off, t, v in self.dynamic() if t == tag]
		DYN.pack_into(self.d, hits[nth][0], tag, value)

	def dyn(self, tag):
		return [v for off, t, v in self.dynamic() if t == tag][0]

	def offset_of(self, vaddr):
		"""The file offset of address VADDR (in a PT_LOAD's file part)."""
		for _, ph in self.segments(PT_LOAD):
			if ph[3] <= vaddr < ph[3] + ph[5]:
				return vaddr - ph[3] + ph[2]
		raise ValueError("address %#x is not in the file" % vaddr)

	def code_address(self):
		return [ph for _, ph in self.segments(PT_LOAD) if ph[1] & PF_X][0][3]


def m_bad_magic(e):
	e.d[1:4] = b"XLF"


def m_class32(e):
	e.d[4] = 1		# ELFCLASS32


def m_big_endian(e):
	e.d[5] = 2		# ELFDATA2MSB


def m_aarch64(e):
	e.set_ehdr(Elf.MACHINE, 183)


def m_osabi_freebsd(e):
	e.d[7] = 9


def m_core(e):
	e.set_ehdr(Elf.TYPE, 4)


def m_phoff_past_eof(e):
	e.set_ehdr(Elf.PHOFF, len(e.d) + 0x1000)


def m_phnum_huge(e):
	e.set_ehdr(Elf.PHNUM, 0xfff0)	# not PN_XNUM (0xffff)


def m_phentsize_wrong(e):
	e.set_ehdr(Elf.PHENTSIZE, 32)


def m_load_past_eof(e):
	"""The text segment's file range starts 1 MiB past the end."""
	at, ph = [s for s in e.segments(PT_LOAD) if s[1][1] & PF_X][0]
	ph[2] += 0x100000	# keeps p_offset == p_vaddr modulo p_align
	e.set_phdr(at, ph)


def m_filesz_gt_memsz(e):
	at, ph = e.segments(PT_LOAD)[0]
	ph[6] = ph[5] - 16
	e.set_phdr(at, ph)


def m_loads_unsorted(e):
	(a, pa), (b, pb) = e.segments(PT_LOAD)[:2]
	e.set_phdr(a, pb)
	e.set_phdr(b, pa)


def m_loads_overlap(e):
	"""The first PT_LOAD's memory reaches 0x100 bytes into the second."""
	(a, pa), (b, pb) = e.segments(PT_LOAD)[:2]
	pa[6] = pb[3] - pa[3] + 0x100
	e.set_phdr(a, pa)


def m_dynamic_outside(e):
	at, ph = e.segments(PT_DYNAMIC)[0]
	end = max(p[3] + p[6] for _, p in e.segments(PT_LOAD))
	ph[3] = ph[4] = (end + 0x100000) & ~0xfff
	e.set_phdr(at, ph)


def m_strtab_outside(e):
	end = max(p[3] + p[6] for _, p in e.segments(PT_LOAD))
	e.set_dyn(DT_STRTAB, (end + 0x100000) & ~0xfff)


def m_needed_past_strsz(e):
	e.set_dyn(DT_NEEDED, e.dyn(DT_STRSZ) + 0x100)


def m_tls_align(e):
	at, ph = e.segments(PT_TLS)[0]
	ph[7] = 0x123456789	# neither sane nor a power of two
	e.set_phdr(at, ph)


def m_dynamic_no_null(e):
	"""PT_DYNAMIC holds only the first entry: no DT_NULL inside it."""
	at, ph = e.segments(PT_DYNAMIC)[0]
	ph[5] = ph[6] = DYN.size
	e.set_phdr(at, ph)


def m_syment_wrong(e):
	e.set_dyn(DT_SYMENT, 16)


def m_rela_into_code(e):
	"""The first RELA relocation writes into the code."""
	at = e.offset_of(e.dyn(DT_RELA))
	off, info, addend = RELA.unpack_from(e.d, at)
	RELA.pack_into(e.d, at, e.code_address(), info, addend)


def m_rela_sym_index(e):
	"""The first PLT relocation names a symbol past the symbol table."""
	at = e.offset_of(e.dyn(DT_JMPREL))
	off, info, addend = RELA.unpack_from(e.d, at)
	RELA.pack_into(e.d, at, off, (0xffffff << 32) | (info & 0xffffffff),
		       addend)


def m_gnu_hash_shift(e):
	at = e.offset_of(e.dyn(DT_GNU_HASH))
	struct.pack_into("<I", e.d, at + 12, 99)


def m_verneed_aux(e):
	"""The first version requirement's entries lie 2 GiB away."""
	at = e.offset_of(e.dyn(DT_VERNEED))
	struct.pack_into("<I", e.d, at + 8, 0x7fff0000)


def m_init_outside(e):
	"""DT_INIT names the string table, not code."""
	e.set_dyn(DT_INIT, e.dyn(DT_STRTAB))


ELF_MUTATIONS = {
	"dynamic_no_null": m_dynamic_no_null, "syment_wrong": m_syment_wrong,
	"rela_into_code": m_rela_into_code,
	"rela_sym_index": m_rela_sym_index,
	"gnu_hash_shift": m_gnu_hash_shift, "verneed_aux": m_verneed_aux,
	"init_outside": m_init_outside,
	"bad_magic": m_bad_magic, "class32": m_class32,
	"big_endian": m_big_endian, "aarch64": m_aarch64,
	"osabi_freebsd": m_osabi_freebsd, "core": m_core,
	"phoff_past_eof": m_phoff_past_eof, "phnum_huge": m_phnum_huge,
	"phentsize_wrong": m_phentsize_wrong,
	"load_past_eof": m_load_past_eof,
	"filesz_gt_memsz": m_filesz_gt_memsz,
	"loads_unsorted": m_loads_unsorted, "loads_overlap": m_loads_overlap,
	"dynamic_outside": m_dynamic_outside,
	"strtab_outside": m_strtab_outside,
	"needed_past_strsz": m_needed_past_strsz, "tls_align": m_tls_align,
}


def read(path):
	with open(path, "rb") as f:
		return f.read()


def fixture_bytes(name, base, args):
	"""The content of fixture NAME derived from the valid image BASE."""
	if name in ELF_MUTATIONS:
		e = Elf(base)
		ELF_MUTATIONS[name](e)
		return bytes(e.d)
	return {
		"empty": lambda: b"",
		"three_bytes": lambda: b"\x7fEL",
		"script": lambda: b"#!/bin/sh\necho this must not run\n",
		"rel": lambda: read(args.obj),
		"truncated": lambda: base[:200],
		"missing_lib": lambda: read(args.gone),
	}[name]()


def write_fixture(path, data):
	os.makedirs(os.path.dirname(path), exist_ok=True)
	with open(path, "wb") as f:
		f.write(data)
	os.chmod(path, 0o755)


def generate(args):
	if os.path.isdir(args.out):
		for sub in os.listdir(args.out):
			p = os.path.join(args.out, sub)
			if os.path.isdir(p) and not os.path.islink(p):
				shutil.rmtree(p)
			else:
				os.unlink(p)
	os.makedirs(args.out, exist_ok=True)
	prog, lib = read(args.prog), read(args.lib)
	for name, as_lib, _, _ in read_table(args.table):
		path = os.path.join(args.out, name)
		if name == "missing_file":
			continue
		if name == "directory":
			os.makedirs(path)
			continue
		write_fixture(path, fixture_bytes(name, prog, args))
		if as_lib:
			write_fixture(os.path.join(args.out, "lib", name,
						   LIB_NAME),
				      fixture_bytes(name, lib, args))
	if args.stamp:
		with open(args.stamp, "w") as f:
			f.write("generated\n")
	return 0


def check(args):
	rows = {r[0]: r for r in read_table(args.table)}
	name, _, subject, phrase = rows[args.name]
	env = dict(os.environ)
	for k in ("LD_LIBRARY_PATH", "SHIM_PREFIX", "LD_PRELOAD"):
		env.pop(k, None)
	if args.lib_user:
		libdir = os.path.join(args.dir, "lib", name)
		path = os.path.join(libdir, LIB_NAME)
		env["LD_LIBRARY_PATH"] = libdir
		argv = [args.shim, args.lib_user]
	else:
		path = os.path.join(args.dir, name)
		argv = [args.shim, path]
	if name != "missing_file" and not os.path.lexists(path):
		print("fixture %s was not generated" % path, file=sys.stderr)
		return 1
	try:
		p = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
				   stderr=subprocess.PIPE, timeout=20)
	except subprocess.TimeoutExpired:
		print("FAIL: timed out: " + " ".join(argv), file=sys.stderr)
		return 1
	err = p.stderr.decode(errors="replace")
	lines = err.split("\n")
	line = lines[0]
	problems = []
	if p.returncode < 0:
		problems.append("killed by signal %d" % -p.returncode)
	elif p.returncode != 127:
		problems.append("exit status %d, want 127" % p.returncode)
	if p.stdout:
		problems.append("stdout is not empty")
	if len(lines) != 2 or lines[1] != "":
		problems.append("stderr is not exactly one line")
	if not line.startswith("ld-linux-shim: "):
		problems.append('the line does not start with "ld-linux-shim: "')
	if subject == "path":
		if not re.search(re.escape(path) + phrase, line):
			problems.append("the line does not match %r" %
					(path + phrase))
	else:
		if subject not in line:
			problems.append("the line does not name " + subject)
		if not re.search(phrase, line):
			problems.append("the line does not match %r" % phrase)
	print("command: %s%s" % ("LD_LIBRARY_PATH=%s " %
				 env["LD_LIBRARY_PATH"] if args.lib_user else "",
				 " ".join(argv)))
	print("status %s, stderr:\n%s" % (p.returncode, err), end="")
	for m in problems:
		print("FAIL: " + m, file=sys.stderr)
	return 1 if problems else 0


def main():
	ap = argparse.ArgumentParser()
	sub = ap.add_subparsers(dest="cmd", required=True)
	g = sub.add_parser("generate")
	g.add_argument("--table", required=True)
	g.add_argument("--prog", required=True)
	g.add_argument("--lib", required=True)
	g.add_argument("--obj", required=True)
	g.add_argument("--gone", required=True)
	g.add_argument("--out", required=True)
	g.add_argument("--stamp")
	c = sub.add_parser("check")
	c.add_argument("--table", required=True)
	c.add_argument("--name", required=True)
	c.add_argument("--dir", required=True)
	c.add_argument("--shim", required=True)
	c.add_argument("--lib-user")
	args = ap.parse_args()
	return generate(args) if args.cmd == "generate" else check(args)


if __name__ == "__main__":
	sys.exit(main())
