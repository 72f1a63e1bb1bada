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

sys.dont_write_bytecode = True	# no __pycache__ in the source tree
from elfmut import Elf, make_case  # noqa: E402  (the ELF model: elfmut.py)

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

SIGNAMES = {s.value: s.name for s in signal.Signals}


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
