#!/usr/bin/env python3
"""Mutated real shared libraries, loaded by the shim and by glibc's dlopen.

Each case takes one real Debian library, changes bytes in one of its
loader-facing regions (ELF header, program headers, PT_TLS header,
.dynamic, .dynsym, .dynstr, .gnu.version*, .hash, .gnu.hash, .rela.*,
.relr.dyn; never code or data), and loads the copy with
`SHIM --load FILE` and with the mutate-dlopen probe (glibc's dlopen in a
child). A case is bad on a side when that side dies on a signal, hangs
past the timeout or exits with something else than 0 (loaded) or 127
(refused). The run fails when the shim is bad where glibc is not.

A case is fixed by (seed, index, library): the library is
LIBS[index % len(LIBS)], the mutation is drawn from a PRNG seeded with
(seed, index). `mutate.py --seed S --index I --keep DIR LIB` writes that
one case again. Python 3 standard library only.
"""

import argparse
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

LIBDIRS = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu"]

# Common Debian 12 libraries (stock system + the project's CI packages).
# Missing ones are skipped; glibc's own libnss_files/libBrokenLocale bring
# .relr.dyn, LLVM's libunwind/libc++abi (clang) a SysV .hash.
DEFAULT_LIBS = [
	"libz.so.1", "libbz2.so.1.0", "liblzma.so.5", "libzstd.so.1",
	"libexpat.so.1", "libcap.so.2", "libacl.so.1", "libattr.so.1",
	"libselinux.so.1", "libpcre2-8.so.0", "libgmp.so.10", "libffi.so.8",
	"libcrypt.so.1", "libsqlite3.so.0", "libelf.so.1", "libmd.so.0",
	"libbsd.so.0", "libuuid.so.1", "libtinfo.so.6", "libreadline.so.8",
	"libncursesw.so.6", "libmpfr.so.6", "libgpg-error.so.0", "liblz4.so.1",
	"libkmod.so.2", "libblkid.so.1", "libmount.so.1", "libsmartcols.so.1",
	"libpam.so.0", "libcap-ng.so.0", "libcom_err.so.2", "libkeyutils.so.1",
	"libtasn1.so.6", "libidn2.so.0", "libjansson.so.4", "libpopt.so.0",
	"libxxhash.so.0", "libgdbm.so.6", "libstdc++.so.6", "libgcc_s.so.1",
	"libmagic.so.1", "libonig.so.5", "libjq.so.1", "libcmocka.so.0",
	"libmpc.so.3", "libnettle.so.8", "libedit.so.2", "libnss_files.so.2",
	"libBrokenLocale.so.1", "libunwind.so.1", "libc++abi.so.1",
]

KINDS = ["zero", "ones", "big", "delta", "byte", "word", "swap"]

BIG = {
	1: [0x7F, 0x80, 0xFE],
	2: [0x7FFF, 0x8000, 0xFFFE, 0x1000],
	4: [0x7FFFFFFF, 0x80000000, 0x10000000, 0xFFFFFFF0, 0x01000000],
	8: [0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 1 << 32, 1 << 40,
	    0xFFFFFFFFFFFFF000, 0x0000100000000000],
}

SIGNAMES = {s.value: s.name for s in signal.Signals}

MASK64 = (1 << 64) - 1


class Rng:
	"""splitmix64: small, fixed, the same on every Python."""

	def __init__(self, seed, index):
		self.s = (seed * 0x9E3779B97F4A7C15 + index * 0xBF58476D1CE4E5B9
			  + 0x94D049BB133111EB) & MASK64
		for _ in range(4):
			self.next()

	def next(self):
		self.s = (self.s + 0x9E3779B97F4A7C15) & MASK64
		z = self.s
		z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
		z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
		return z ^ (z >> 31)

	def below(self, n):
		return self.next() % n

	def pick(self, seq):
		return seq[self.below(len(seq))]


# Field layouts: (offset in the entry, size, name).
EHDR = [(4, 1, "EI_CLASS"), (5, 1, "EI_DATA"), (6, 1, "EI_VERSION"),
	(7, 1, "EI_OSABI"), (8, 1, "EI_ABIVERSION"), (16, 2, "e_type"),
	(18, 2, "e_machine"), (20, 4, "e_version"), (24, 8, "e_entry"),
	(32, 8, "e_phoff"), (40, 8, "e_shoff"), (48, 4, "e_flags"),
	(52, 2, "e_ehsize"), (54, 2, "e_phentsize"), (56, 2, "e_phnum"),
	(58, 2, "e_shentsize"), (60, 2, "e_shnum"), (62, 2, "e_shstrndx")]
PHDR = [(0, 4, "p_type"), (4, 4, "p_flags"), (8, 8, "p_offset"),
	(16, 8, "p_vaddr"), (24, 8, "p_paddr"), (32, 8, "p_filesz"),
	(40, 8, "p_memsz"), (48, 8, "p_align")]
DYN = [(0, 8, "d_tag"), (8, 8, "d_val")]
SYM = [(0, 4, "st_name"), (4, 1, "st_info"), (5, 1, "st_other"),
       (6, 2, "st_shndx"), (8, 8, "st_value"), (16, 8, "st_size")]
RELA = [(0, 8, "r_offset"), (8, 4, "r_type"), (12, 4, "r_sym"),
	(16, 8, "r_addend")]
VERDEF = [(0, 2, "vd_version"), (2, 2, "vd_flags"), (4, 2, "vd_ndx"),
	  (6, 2, "vd_cnt"), (8, 4, "vd_hash"), (12, 4, "vd_aux"),
	  (16, 4, "vd_next")]
VERDAUX = [(0, 4, "vda_name"), (4, 4, "vda_next")]
VERNEED = [(0, 2, "vn_version"), (2, 2, "vn_cnt"), (4, 4, "vn_file"),
	   (8, 4, "vn_aux"), (12, 4, "vn_next")]
VERNAUX = [(0, 4, "vna_hash"), (4, 2, "vna_flags"), (6, 2, "vna_other"),
	   (8, 4, "vna_name"), (12, 4, "vna_next")]
GNU_HASH = [(0, 4, "nbuckets"), (4, 4, "symoffset"), (8, 4, "bloom_size"),
	    (12, 4, "bloom_shift")]
U8 = [(0, 1, "")]
U16 = [(0, 2, "")]
U32 = [(0, 4, "")]
U64 = [(0, 8, "")]

PT_DYNAMIC, PT_TLS = 2, 7

# Names for the labels of mutated entries (what the entry was).
DT_NAMES = {
	0: "DT_NULL", 1: "DT_NEEDED", 2: "DT_PLTRELSZ", 3: "DT_PLTGOT",
	4: "DT_HASH", 5: "DT_STRTAB", 6: "DT_SYMTAB", 7: "DT_RELA",
	8: "DT_RELASZ", 9: "DT_RELAENT", 10: "DT_STRSZ", 11: "DT_SYMENT",
	12: "DT_INIT", 13: "DT_FINI", 14: "DT_SONAME", 15: "DT_RPATH",
	16: "DT_SYMBOLIC", 17: "DT_REL", 18: "DT_RELSZ", 19: "DT_RELENT",
	20: "DT_PLTREL", 21: "DT_DEBUG", 22: "DT_TEXTREL", 23: "DT_JMPREL",
	24: "DT_BIND_NOW", 25: "DT_INIT_ARRAY", 26: "DT_FINI_ARRAY",
	27: "DT_INIT_ARRAYSZ", 28: "DT_FINI_ARRAYSZ", 29: "DT_RUNPATH",
	30: "DT_FLAGS", 32: "DT_PREINIT_ARRAY", 33: "DT_PREINIT_ARRAYSZ",
	35: "DT_RELRSZ", 36: "DT_RELR", 37: "DT_RELRENT",
	0x6ffffef5: "DT_GNU_HASH", 0x6ffffff0: "DT_VERSYM",
	0x6ffffff9: "DT_RELACOUNT", 0x6ffffffa: "DT_RELCOUNT",
	0x6ffffffb: "DT_FLAGS_1", 0x6ffffffc: "DT_VERDEF",
	0x6ffffffd: "DT_VERDEFNUM", 0x6ffffffe: "DT_VERNEED",
	0x6fffffff: "DT_VERNEEDNUM",
}
PT_NAMES = {
	0: "PT_NULL", 1: "PT_LOAD", 2: "PT_DYNAMIC", 3: "PT_INTERP",
	4: "PT_NOTE", 6: "PT_PHDR", 7: "PT_TLS", 0x6474e550: "PT_GNU_EH_FRAME",
	0x6474e551: "PT_GNU_STACK", 0x6474e552: "PT_GNU_RELRO",
	0x6474e553: "PT_GNU_PROPERTY",
}
R_NAMES = {
	0: "R_X86_64_NONE", 1: "R_X86_64_64", 5: "R_X86_64_COPY",
	6: "R_X86_64_GLOB_DAT", 7: "R_X86_64_JUMP_SLOT",
	8: "R_X86_64_RELATIVE", 16: "R_X86_64_DTPMOD64",
	17: "R_X86_64_DTPOFF64", 18: "R_X86_64_TPOFF64",
	37: "R_X86_64_IRELATIVE",
}


class Part:
	"""COUNT entries of ENTSIZE bytes at file offset BASE, each laid out
	as LAYOUT. Entry I is NAME[I], or NAME alone when SINGLE; WHAT(I)
	says what the entry was ("DT_STRTAB")."""

	def __init__(self, name, base, entsize, count, layout, what=None,
		     single=False):
		self.name, self.base, self.entsize = name, base, entsize
		self.count, self.layout = count, layout
		self.what, self.single = what, single

	def end(self):
		return self.base + self.entsize * self.count

	def label(self, i, field):
		s = self.name if self.single else "%s[%d]" % (self.name, i)
		if self.what:
			s += "(%s)" % self.what(i)
		return s + ("." + field if field else "")

	def field_at(self, pos):
		"""The label of the field holding file offset POS."""
		i, rel = divmod(pos - self.base, self.entsize)
		for off, size, name in self.layout:
			if off <= rel < off + size:
				more = "+%d" % (rel - off) if rel != off else ""
				return self.label(i, name) + more
		return self.label(i, "") + "+%d" % rel


def one(name, base, size, layout):
	return Part(name, base, size, 1, layout, single=True)


class Elf:
	"""The loader-facing regions of one ELF64 little-endian file:
	REGIONS maps a region name to its list of Parts."""

	def __init__(self, path, data):
		self.path, self.data = path, data
		if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
			raise ValueError("%s: not an ELF64 LSB file" % path)
		(self.phoff, self.shoff, _, _, self.phentsize, self.phnum,
		 self.shentsize, self.shnum, self.shstrndx) = \
			struct.unpack_from("<QQIHHHHHH", data, 32)
		self.regions = {"ehdr": [one("ehdr", 0, 64, EHDR)]}
		self.program_headers()
		self.sections()

	@staticmethod
	def name_of(names, v):
		return names.get(v, "0x%x" % v)

	def u16(self, o):
		return struct.unpack_from("<H", self.data, o)[0]

	def u32(self, o):
		return struct.unpack_from("<I", self.data, o)[0]

	def u64(self, o):
		return struct.unpack_from("<Q", self.data, o)[0]

	def cstr(self, o):
		e = self.data.index(b"\0", o)
		return self.data[o:e].decode("latin-1")

	def program_headers(self):
		base, ent = self.phoff, self.phentsize

		def ptype(i):
			return self.name_of(PT_NAMES, self.u32(base + i * ent))

		if self.phnum:
			self.regions["phdr"] = [Part("phdr", base, ent,
						     self.phnum, PHDR, ptype)]
		for i in range(self.phnum):
			if self.u32(base + i * ent) == PT_TLS:
				name = "phdr[%d](PT_TLS)" % i
				self.regions["tls"] = [one(name, base + i * ent,
							   56, PHDR)]

	def sections(self):
		if not self.shoff or self.shstrndx >= self.shnum:
			raise ValueError("%s: no section headers" % self.path)
		sh = []
		for i in range(self.shnum):
			o = self.shoff + i * self.shentsize
			(name, typ, _, _, off, size, _, info, _, _) = \
				struct.unpack_from("<IIQQQQIIQQ", self.data, o)
			sh.append((name, typ, off, size, info))
		stroff = sh[self.shstrndx][2]
		for name, typ, off, size, info in sh:
			if typ == 8 or size == 0 or off + size > len(self.data):
				continue        # SHT_NOBITS, empty, truncated
			sname = self.cstr(stroff + name)
			method = SECTIONS.get(sname)
			parts = method(self, off, size, info) if method else []
			parts = [p for p in parts or [] if p.count > 0]
			if parts:
				self.regions[sname.lstrip(".")] = parts

	def dynamic(self, off, size, _info):
		count = 0
		while count * 16 < size:
			count += 1
			if self.u64(off + (count - 1) * 16) == 0:
				break           # up to DT_NULL

		def tag(i):
			return self.name_of(DT_NAMES, self.u64(off + 16 * i))

		return [Part("dynamic", off, 16, count, DYN, tag)]

	def dynsym(self, off, size, _info):
		return [Part("dynsym", off, 24, size // 24, SYM)]

	def dynstr(self, off, size, _info):
		return [Part("dynstr", off, 1, size, U8)]

	def versym(self, off, size, _info):
		return [Part("versym", off, 2, size // 2, U16)]

	def verdef(self, off, size, info):
		return self.chain(off, size, info, ("verdef", VERDEF, 20, 6, 12,
						    16),
				  ("verdaux", VERDAUX, 8, 4))

	def verneed(self, off, size, info):
		return self.chain(off, size, info, ("verneed", VERNEED, 16, 2,
						    8, 12),
				  ("vernaux", VERNAUX, 16, 12))

	def chain(self, off, size, count, head, aux):
		"""A verdef/verneed chain of COUNT entries. HEAD is (name,
		layout, size, offset of the aux count, of the aux offset, of the
		next offset), AUX is (name, layout, size, offset of next)."""
		name, layout, hsize, cnt_at, aux_at, next_at = head
		aname, alayout, asize, anext_at = aux
		parts, o, end = [], off, off + size
		for i in range(count):
			if o + hsize > end:
				break
			hname = "%s[%d]" % (name, i)
			parts.append(one(hname, o, hsize, layout))
			a = o + self.u32(o + aux_at)
			for j in range(self.u16(o + cnt_at)):
				if a + asize > end:
					break
				aux_name = "%s.%s[%d]" % (hname, aname, j)
				parts.append(one(aux_name, a, asize, alayout))
				nxt = self.u32(a + anext_at)
				if not nxt:
					break
				a += nxt
			nxt = self.u32(o + next_at)
			if not nxt:
				break
			o += nxt
		return parts

	def hash(self, off, size, _info):
		nb, nc = self.u32(off), self.u32(off + 4)
		if 8 + 4 * (nb + nc) > size:
			return None
		return [Part("hash.header", off, 4, 2, U32),
			Part("hash.bucket", off + 8, 4, nb, U32),
			Part("hash.chain", off + 8 + 4 * nb, 4, nc, U32)]

	def gnu_hash(self, off, size, _info):
		nb, _, nbloom, _ = struct.unpack_from("<IIII", self.data, off)
		b = off + 16 + 8 * nbloom
		c = b + 4 * nb
		if c > off + size:
			return None
		return [one("gnu_hash", off, 16, GNU_HASH),
			Part("gnu_hash.bloom", off + 16, 8, nbloom, U64),
			Part("gnu_hash.bucket", b, 4, nb, U32),
			Part("gnu_hash.chain", c, 4, (off + size - c) // 4,
			     U32)]

	def rela(self, off, size, _info, name):
		def rtype(i):
			return self.name_of(R_NAMES, self.u32(off + 24 * i + 8))

		return [Part(name, off, 24, size // 24, RELA, rtype)]

	def relr(self, off, size, _info):
		return [Part("relr", off, 8, size // 8, U64)]


SECTIONS = {
	".dynamic": Elf.dynamic, ".dynsym": Elf.dynsym, ".dynstr": Elf.dynstr,
	".gnu.version": Elf.versym, ".gnu.version_d": Elf.verdef,
	".gnu.version_r": Elf.verneed, ".hash": Elf.hash,
	".gnu.hash": Elf.gnu_hash, ".relr.dyn": Elf.relr,
	".rela.dyn": lambda e, o, s, i: e.rela(o, s, i, "rela.dyn"),
	".rela.plt": lambda e, o, s, i: e.rela(o, s, i, "rela.plt"),
}


def field_list(parts):
	"""Every field of PARTS as (file offset, size, label); small regions
	only (swap of two fields)."""
	out = []
	for p in parts:
		for i in range(p.count):
			for off, size, name in p.layout:
				out.append((p.base + i * p.entsize + off, size,
					    p.label(i, name)))
	return out


def setval(buf, off, size, v):
	buf[off:off + size] = (v & ((1 << (8 * size)) - 1)).to_bytes(size,
								      "little")


def getval(buf, off, size):
	return int.from_bytes(buf[off:off + size], "little")


def mutate_once(elf, rng, region, buf):
	"""Draw and apply one mutation of REGION to BUF; its description."""
	parts = elf.regions[region]
	kind = rng.pick(KINDS)
	p = rng.pick(parts)
	if kind == "swap":
		multi = [q for q in parts if q.count >= 2]
		if multi:
			p = rng.pick(multi)
			i = rng.below(p.count)
			j = (i + 1 + rng.below(p.count - 1)) % p.count
			a, b = p.base + i * p.entsize, p.base + j * p.entsize
			e = p.entsize
			buf[a:a + e], buf[b:b + e] = bytes(buf[b:b + e]), \
				bytes(buf[a:a + e])
			return "swap %s <-> %s" % (p.label(i, ""),
						   p.label(j, ""))
		fields = field_list(parts)
		a = rng.pick(fields)
		same = [f for f in fields if f[1] == a[1] and f[0] != a[0]]
		if not same:
			kind = "zero"
		else:
			b = rng.pick(same)
			va = getval(buf, a[0], a[1])
			setval(buf, a[0], a[1], getval(buf, b[0], b[1]))
			setval(buf, b[0], b[1], va)
			return "swap %s <-> %s" % (a[2], b[2])
	if kind in ("byte", "word"):
		size = 1 if kind == "byte" else rng.pick([4, 8])
		span = p.end() - p.base
		if span < size:
			size = 1
		pos = p.base + rng.below(span - size + 1)
		old = getval(buf, pos, size)
		new = rng.next() & ((1 << (8 * size)) - 1)
		setval(buf, pos, size, new)
		return "%s %d-byte 0x%x (was 0x%x)" % (p.field_at(pos), size,
						     new, old)
	i = rng.below(p.count)
	off, size, name = rng.pick(p.layout)
	pos = p.base + i * p.entsize + off
	old = getval(buf, pos, size)
	if kind == "zero":
		new = 0
	elif kind == "ones":
		new = (1 << (8 * size)) - 1
	elif kind == "big":
		new = rng.pick(BIG[size])
	else:
		d = 1 + rng.below(16)
		new = old + d if rng.below(2) else old - d
		new &= (1 << (8 * size)) - 1
	setval(buf, pos, size, new)
	return "%s %s 0x%x (was 0x%x)" % (p.label(i, name), kind, new, old)


def make_case(elf, seed, index):
	"""The mutated bytes of case INDEX, its region and its description.
	A draw that changes nothing is drawn again."""
	rng = Rng(seed, index)
	region = rng.pick(sorted(elf.regions))
	buf = bytearray(elf.data)
	for _ in range(32):
		desc = mutate_once(elf, rng, region, buf)
		if buf != elf.data:
			break
	return bytes(buf), region, desc


def case_name(index, lib):
	return "%05d-%s" % (index, os.path.basename(lib))


def find_libs(names):
	out = []
	for n in names:
		if "/" in n:
			if os.path.isfile(n):
				out.append(os.path.realpath(n))
			continue
		for d in LIBDIRS:
			p = os.path.join(d, n)
			if os.path.isfile(p):
				out.append(os.path.realpath(p))
				break
	seen, uniq = set(), []
	for p in out:
		if p not in seen:
			seen.add(p)
			uniq.append(p)
	return uniq


def clean_env():
	return {k: v for k, v in os.environ.items()
		if not k.startswith(("SHIM_", "LD_"))}


def outcome_of_status(rc):
	if rc == 0:
		return "loaded"
	if rc == 127:
		return "error"
	if rc < 0:
		return "signal %d" % -rc
	return "exit %d" % rc


def is_bad(outcome):
	return outcome not in ("loaded", "error")


def describe(outcome, side="shim"):
	if outcome.startswith("signal "):
		n = int(outcome.split()[1])
		return "%s (%s)" % (outcome, SIGNAMES.get(n, "?"))
	if outcome == "exit 127" and side == "glibc":
		return "exit 127 (ld.so fatal error)"
	return outcome


def first_line(raw, path):
	"""The first line of a loader's stderr, with PATH's directory cut so
	that reports do not depend on the temporary directory's name."""
	lines = raw.decode("utf-8", "replace").strip().splitlines()
	if not lines:
		return ""
	return lines[0].replace(os.path.dirname(path) + "/", "")[:200]


def run_shim(shim, path, timeout, env, cwd):
	try:
		r = subprocess.run([shim, "--load", path],
				   stdin=subprocess.DEVNULL,
				   stdout=subprocess.DEVNULL,
				   stderr=subprocess.PIPE, timeout=timeout,
				   env=env, cwd=cwd)
	except subprocess.TimeoutExpired:
		return "timeout", ""
	return outcome_of_status(r.returncode), first_line(r.stderr, path)


def run_glibc(probe, path, timeout, env, cwd):
	r = subprocess.run([probe, "-t", str(timeout), path],
			   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
			   stderr=subprocess.PIPE, env=env, cwd=cwd,
			   timeout=timeout + 30)
	line = r.stdout.decode("utf-8", "replace").strip()
	if r.returncode != 0 or not line:
		raise RuntimeError("mutate-dlopen failed on %s: %s" % (
			path, r.stderr.decode("utf-8", "replace")))
	w = line.split()
	out = " ".join(w[:2]) if w[0] in ("signal", "exit") else w[0]
	return out, first_line(r.stderr, path)


def reproduce_cmd(args, case):
	me = os.path.realpath(__file__)
	d = "/tmp/mutate-case"
	return ("python3 %s --seed %d --index %d --keep %s %s && %s --load %s"
		% (me, case["seed"], case["index"], d, case["lib"], args.shim,
		   os.path.join(d, case_name(case["index"], case["lib"]))))


def cmd_one(args, libs):
	"""--seed S --index I --keep DIR LIB: write one case, print it."""
	if len(libs) != 1:
		sys.exit("mutate.py: give exactly one library with --index")
	data = open(libs[0], "rb").read()
	elf = Elf(libs[0], data)
	buf, region, desc = make_case(elf, args.seed, args.index)
	os.makedirs(args.keep, exist_ok=True)
	out = os.path.join(args.keep, case_name(args.index, libs[0]))
	with open(out, "wb") as f:
		f.write(buf)
	print("%s: %s: %s" % (out, region, desc))
	return 0


def baseline(args, libs, env, cwd):
	"""The libraries both loaders load unmutated, parsed."""
	good, dropped = [], []
	for lib in libs:
		try:
			elf = Elf(lib, open(lib, "rb").read())
		except (OSError, ValueError, struct.error) as e:
			dropped.append((lib, "parse: %s" % e))
			continue
		s, smsg = run_shim(args.shim, lib, args.timeout, env, cwd)
		g, gmsg = run_glibc(args.probe, lib, args.timeout, env, cwd)
		if s == "loaded" and g == "loaded":
			good.append(elf)
		else:
			why = "unmutated: shim %s%s, glibc %s%s" % (
				s, " (%s)" % smsg if smsg else "", g,
				" (%s)" % gmsg if gmsg else "")
			dropped.append((lib, why))
	return good, dropped


def run_case(args, job, workdir, env):
	"""JOB is (seed, index, Elf): mutate, load both ways."""
	seed, index, elf = job
	buf, region, desc = make_case(elf, seed, index)
	path = os.path.join(workdir, case_name(index, elf.path))
	with open(path, "wb") as f:
		f.write(buf)
	s, smsg = run_shim(args.shim, path, args.timeout, env, workdir)
	g, gmsg = run_glibc(args.probe, path, args.timeout, env, workdir)
	if args.strict and g == "exit 127":
		g = "error"             # ld.so's fatal exit counts as a refusal
	if not args.keep:
		os.unlink(path)
	return {"seed": seed, "index": index, "lib": elf.path, "region": region,
		"desc": desc, "shim": s, "shim_msg": smsg, "glibc": g,
		"glibc_msg": gmsg}


def kind_of(c):
	"""A case's mutation without indices and values: what to group by."""
	d = re.sub(r"\[\d+\]|\+\d+", "", c["desc"])
	if d.startswith("swap "):
		return "swap " + d.split()[1]
	return d.split()[0]


def tally(items):
	out = {}
	for k in items:
		out[k] = out.get(k, 0) + 1
	return ", ".join("%s %d" % kv for kv in sorted(
		out.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def case_line(c, path=False):
	"""One case: index, library, region, mutation, both outcomes."""
	lib = c["lib"] if path else os.path.basename(c["lib"])
	g = describe(c["glibc"], "glibc")
	if c["glibc_msg"] and not is_bad(c["glibc"]):
		g += " (%s)" % c["glibc_msg"]
	return "#%d %s %s: %s: shim %s, glibc %s" % (
		c["index"], lib, c["region"], c["desc"], describe(c["shim"]), g)


def summary(args, cases, nlibs, secs):
	"""The figures: (summary line, shim-only cases)."""
	sb = [c for c in cases if is_bad(c["shim"])]
	gb = [c for c in cases if is_bad(c["glibc"])]
	both = [c for c in sb if is_bad(c["glibc"])]
	sonly = [c for c in sb if not is_bad(c["glibc"])]
	seeds = sorted(set(c["seed"] for c in cases))
	line = ("mutate: %d files from %d libraries (seed %s, timeout %gs) "
		"in %.1fs: shim crash/hang %d, glibc crash/hang %d, both %d, "
		"shim-only %d, glibc-only %d" % (
			len(cases), nlibs, ",".join(map(str, seeds)) or "-",
			args.timeout, secs,
			len(sb), len(gb), len(both), len(sonly),
			len(gb) - len(both)))
	return line, sonly


def details(cases):
	"""Where the mutations went and how each side ended."""
	def side(c, k):
		return "bad" if is_bad(c[k]) else c[k]

	sb = [c for c in cases if is_bad(c["shim"])]
	gb = [c for c in cases if is_bad(c["glibc"])]
	print("mutate: files per region: " + tally(c["region"] for c in cases))
	print("mutate: shim/glibc outcomes: " + tally(
		"%s/%s" % (side(c, "shim"), side(c, "glibc")) for c in cases))
	print("mutate: shim crash/hang kinds: " + tally(
		describe(c["shim"]) for c in sb))
	print("mutate: glibc crash/hang kinds: " + tally(
		describe(c["glibc"], "glibc") for c in gb))
	print("mutate: glibc-only by field: " + tally(
		kind_of(c) for c in gb if not is_bad(c["shim"])))
	fatal = [c for c in sb if c["glibc"] == "exit 127"]
	if fatal:
		print("mutate: in %d of the files both sides crash on, "
		      "glibc died in ld.so's fatal exit (a message, exit 127, "
		      "dlopen never returned); --strict counts those as "
		      "refusals, i.e. as shim-only" % len(fatal))


def report(args, cases, nlibs, secs):
	details(cases)
	line, sonly = summary(args, cases, nlibs, secs)
	if sonly:
		print("mutate: shim-only by field: " + tally(
			kind_of(c) for c in sonly))
	for c in sonly:
		print("SHIM-ONLY " + case_line(c))
		print("  reproduce: " + reproduce_cmd(args, c))
	print(line)
	if args.found:
		with open(args.found, "w") as f:
			f.write("# %s\n# shim %s\n" % (line, args.shim))
			for c in sonly:
				f.write("%s\n  %s\n" % (case_line(c, True),
							reproduce_cmd(args, c)))
	if len(cases) < args.min_files:
		print("mutate: FAIL: %d files, fewer than %d" % (
			len(cases), args.min_files))
		return 1
	if sonly:
		print("mutate: FAIL: the shim crashed or hung on %d files that "
		      "glibc's dlopen loaded or refused" % len(sonly))
		return 1
	return 0


def recheck_jobs(path, elfs):
	"""The cases listed in PATH (a --found file, FOUND.txt or a run's
	output): lines "#INDEX LIB ...", each under the last "(seed S"."""
	by_path = {e.path: e for e in elfs}
	jobs, seed = [], None
	with open(path) as f:
		for line in f:
			m = re.search(r"\(seed (\d+)[,)]", line)
			if m:
				seed = int(m.group(1))
			m = re.match(r"(?:SHIM-ONLY )?#(\d+) (\S+) ", line)
			if not m or seed is None:
				continue
			lib = os.path.realpath(m.group(2))
			if lib not in by_path:
				if not os.path.isfile(lib):
					continue
				by_path[lib] = Elf(lib, open(lib, "rb").read())
			jobs.append((seed, int(m.group(1)), by_path[lib]))
	return jobs


def build_probe(src_dir, out_dir):
	"""Compile mutate-dlopen with the system compiler into OUT_DIR."""
	cc = os.environ.get("CC") or shutil.which("gcc") or "cc"
	out = os.path.join(out_dir, "mutate-dlopen")
	subprocess.run([cc, "-O2", "-Wall", "-Wextra", "-Werror", "-o", out,
			os.path.join(src_dir, "dlopen-probe.c"), "-ldl"],
		       check=True)
	return out


def cmd_run(args, libs):
	env = clean_env()
	# No core files: a crash must cost no more than the crash.
	resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
	top = tempfile.mkdtemp(prefix="shim-mutate-")
	workdir = args.keep or top
	os.makedirs(workdir, exist_ok=True)
	t0 = time.monotonic()
	try:
		if not args.probe:
			args.probe = build_probe(os.path.dirname(
				os.path.realpath(__file__)), top)
		elfs, dropped = baseline(args, libs, env, top)
		for lib, why in dropped:
			print("mutate: skipped %s: %s" % (lib, why))
		if len(elfs) < args.min_libs:
			print("mutate: FAIL: %d usable libraries, fewer than %d"
			      % (len(elfs), args.min_libs))
			return 1
		lock = threading.Lock()

		if args.recheck:
			jobs = recheck_jobs(args.recheck, elfs)
		else:
			jobs = [(args.seed, i, elfs[i % len(elfs)]) for i in
				range(args.first, args.first + args.count)]

		def one(job):
			c = run_case(args, job, workdir, env)
			if args.verbose:
				with lock:
					print(case_line(c), flush=True)
			return c

		with ThreadPoolExecutor(max_workers=args.jobs) as ex:
			cases = list(ex.map(one, jobs))
		return report(args, cases, len(elfs), time.monotonic() - t0)
	finally:
		shutil.rmtree(top, ignore_errors=True)


def main():
	ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	ap.add_argument("--shim", help="the ld-linux-shim binary (run mode)")
	ap.add_argument("--probe", help="the mutate-dlopen binary (default: "
			"compile dlopen-probe.c with gcc into the temporary "
			"directory)")
	ap.add_argument("--seed", type=int, default=1)
	ap.add_argument("--count", type=int, default=3000,
			help="files to mutate and load (default 3000)")
	ap.add_argument("--first", type=int, default=0,
			help="index of the first case (default 0)")
	ap.add_argument("--index", type=int,
			help="write only case INDEX of LIB into --keep DIR")
	ap.add_argument("--keep", metavar="DIR",
			help="write the mutated files to DIR and keep them")
	ap.add_argument("--timeout", type=float, default=5,
			help="seconds per load before it counts as a hang")
	ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 2)
	ap.add_argument("--min-files", type=int, default=1000)
	ap.add_argument("--min-libs", type=int, default=10)
	ap.add_argument("--recheck", metavar="FILE",
			help="run only the cases listed in FILE (a --found "
			"file or a run's output) instead of --seed/--count")
	ap.add_argument("--strict", action="store_true",
			help="count glibc's ld.so fatal exits (failed "
			"assertions, exit 127) as refusals, not crashes")
	ap.add_argument("--found", metavar="FILE",
			help="also write the shim-only cases to FILE")
	ap.add_argument("--verbose", "-v", action="store_true",
			help="print every case as it finishes")
	ap.add_argument("libs", nargs="*", metavar="LIB",
			help="libraries (default: a fixed list of Debian ones)")
	args = ap.parse_args()
	libs = find_libs(args.libs or DEFAULT_LIBS)
	if args.index is not None:
		if not args.keep:
			sys.exit("mutate.py: --index needs --keep DIR")
		return cmd_one(args, libs)
	if not args.shim:
		sys.exit("mutate.py: --shim SHIM is needed to run")
	args.shim = os.path.realpath(args.shim)
	if args.probe:
		args.probe = os.path.realpath(args.probe)
	if args.recheck:
		args.min_files = 0
	if args.keep:
		args.keep = os.path.realpath(args.keep)
	return cmd_run(args, libs)


if __name__ == "__main__":
	sys.exit(main())
