"""The ELF model of mutate.py and its mutations.

Elf reads a shared library into its loader-facing regions (ELF header,
program headers, PT_TLS, .dynamic, .dynsym, .dynstr, .gnu.version*, .hash,
.gnu.hash, .rela.*, .relr.dyn), each a list of fixed-layout records;
make_case(elf, seed, index) draws one mutation of one region from a PRNG
seeded with (seed, index). Python 3 standard library only.
"""

import struct

KINDS = ["zero", "ones", "big", "delta", "byte", "word", "swap"]

BIG = {
	1: [0x7F, 0x80, 0xFE],
	2: [0x7FFF, 0x8000, 0xFFFE, 0x1000],
	4: [0x7FFFFFFF, 0x80000000, 0x10000000, 0xFFFFFFF0, 0x01000000],
	8: [0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 1 << 32, 1 << 40,
	    0xFFFFFFFFFFFFF000, 0x0000100000000000],
}

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
