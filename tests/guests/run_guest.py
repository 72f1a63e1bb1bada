#!/usr/bin/python3
"""Runs one guest feature test: each case natively and through the shim.

Modes: "direct" runs `SHIM PROG ARGS`, "interp" runs a copy of PROG whose
PT_INTERP was set to SHIM with patchelf. Scenarios:

  compare     every --case runs natively and through the shim; stdout and
              the exit status must be equal (or, with --expect, stdout must
              equal the file and the status must be 0).
  prefix      the libraries live only under a temporary prefix built from
              --install/--write; the program must run with --prefix (direct
              mode) and with SHIM_PREFIX, and fail cleanly without either.
  missing     the shim must refuse the program with one line per
              --undefined symbol, exit 127 and print nothing on stdout.

Exit status 0 means the test passed; everything else is printed on stderr.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

# ctest gives each test 30 s; every run gets what is left of 25 s, at most 10.
DEADLINE = time.monotonic() + 25
failures = []


def fail(msg):
	failures.append(msg)
	print("FAIL: " + msg, file=sys.stderr)


def clean_env(extra=None):
	env = dict(os.environ)
	for k in ("LD_LIBRARY_PATH", "LD_PRELOAD", "SHIM_PREFIX",
		  "POSIXLY_CORRECT", "LD_BIND_NOW"):
		env.pop(k, None)
	env["LC_ALL"] = "C"
	env.update(extra or {})
	return env


def run(argv, env):
	"""Runs argv; returns (status, stdout, stderr); status < 0 is a signal."""
	left = max(1.0, min(10.0, DEADLINE - time.monotonic()))
	try:
		p = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
				   stderr=subprocess.PIPE, timeout=left)
	except subprocess.TimeoutExpired as e:
		print("timed out after %.0f s: %s" % (left, " ".join(argv)),
		      file=sys.stderr)
		return (None, e.stdout or b"", e.stderr or b"")
	return (p.returncode, p.stdout, p.stderr)


def show(label, res):
	st, out, err = res
	print("--- %s: status %s" % (label, st), file=sys.stderr)
	if out:
		print("--- stdout:\n" + out.decode(errors="replace"),
		      file=sys.stderr, end="")
	if err:
		print("--- stderr:\n" + err.decode(errors="replace"),
		      file=sys.stderr, end="")


class Shim:
	"""Builds the command line that runs a program through the shim."""

	def __init__(self, args):
		self.shim = os.path.abspath(args.shim)
		self.mode = args.mode
		self.patchelf = args.patchelf
		os.makedirs(args.workdir, exist_ok=True)
		self.tmp = tempfile.mkdtemp(prefix=args.mode + "-",
					    dir=args.workdir)
		self.copies = {}

	def program(self, prog):
		"""The path to execute: PROG itself, or its PT_INTERP copy."""
		if self.mode == "direct":
			return prog
		if prog not in self.copies:
			n = len(self.copies)
			d = os.path.join(self.tmp, str(n))
			os.makedirs(d)
			copy = os.path.join(d, os.path.basename(prog))
			shutil.copy2(prog, copy)
			subprocess.run([self.patchelf, "--set-interpreter",
					self.shim, copy], check=True)
			self.copies[prog] = copy
		return self.copies[prog]

	def argv(self, prog, args, shim_opts=()):
		if self.mode == "direct":
			return [self.shim] + list(shim_opts) + [prog] + args
		return [self.program(prog)] + args

	def cleanup(self):
		shutil.rmtree(self.tmp, ignore_errors=True)


def check_copy_relocs(readelf, prog, names):
	"""Fails unless PROG has an R_X86_64_COPY relocation for each name."""
	out = subprocess.run([readelf, "-rW", prog], stdout=subprocess.PIPE,
			     check=True).stdout.decode()
	have = set()
	for line in out.splitlines():
		f = line.split()
		if len(f) >= 5 and f[2] == "R_X86_64_COPY":
			have.add(f[4].split("@")[0])
	for n in names:
		if not have.intersection(n.split("|")):
			fail("%s has no R_X86_64_COPY for %s (has: %s)" %
			     (prog, n, " ".join(sorted(have)) or "none"))


def scenario_compare(args, shim):
	expect = None
	if args.expect:
		with open(args.expect, "rb") as f:
			expect = (0, f.read())
	for case in args.case:
		words = shlex.split(case)
		prog, pargs = words[0], words[1:]
		env = clean_env(dict(e.split("=", 1) for e in args.setenv))
		if expect is None:
			nat = run([prog] + pargs, env)
			want = (nat[0], nat[1])
			if nat[0] is None or nat[0] < 0:
				show("native " + case, nat)
				fail("native run of %s did not exit normally" %
				     case)
				continue
		else:
			want = expect
		got = run(shim.argv(prog, pargs), env)
		if (got[0], got[1]) != want:
			print("--- expected: status %s\n%s" %
			      (want[0], want[1].decode(errors="replace")),
			      file=sys.stderr, end="")
			show("through the shim (%s) %s" % (shim.mode, case),
			     got)
			fail("%s: output or status differs from native" % case)
		else:
			print("ok: %s (%s), status %s, %d bytes of stdout" %
			      (case, shim.mode, got[0], len(got[1])))
			if got[2]:
				show("shim stderr (not compared)", got)


def build_prefix(args, root):
	for spec in args.install:
		src, dst = spec.split("=", 1)
		dst = os.path.join(root, dst.lstrip("/"))
		os.makedirs(os.path.dirname(dst), exist_ok=True)
		shutil.copy2(src, dst)
	for spec in args.write:
		dst, text = spec.split("=", 1)
		dst = os.path.join(root, dst.lstrip("/"))
		os.makedirs(os.path.dirname(dst), exist_ok=True)
		with open(dst, "w") as f:
			f.write(text.replace("\\n", "\n"))


def expect_ok(label, res, want):
	if res[0] != 0 or res[1] != want:
		print("--- expected: status 0\n" + want.decode(), file=sys.stderr,
		      end="")
		show(label, res)
		fail(label)
	else:
		print("ok: " + label)


def expect_refusal(label, res, line_re):
	"""Exit 127, no stdout, stderr exactly one line matching line_re."""
	st, out, err = res
	lines = err.decode(errors="replace").split("\n")
	good = (st == 127 and out == b"" and len(lines) == 2 and
		lines[1] == "" and re.fullmatch(line_re, lines[0]))
	if not good:
		print("--- expected: status 127, no stdout, one stderr line "
		      "matching " + line_re, file=sys.stderr)
		show(label, res)
		fail(label)
	else:
		print("ok: " + label)


def scenario_prefix(args, shim):
	prog = shlex.split(args.case[0])[0]
	with open(args.expect, "rb") as f:
		want = f.read()
	prefix = os.path.join(shim.tmp, "prefix")
	build_prefix(args, prefix)
	env = clean_env()
	if shim.mode == "direct":
		expect_ok("--prefix", run(shim.argv(prog, [],
			  ["--prefix", prefix]), env), want)
		expect_ok("--prefix --", run(shim.argv(prog, [],
			  ["--prefix", prefix, "--"]), env), want)
	expect_ok("SHIM_PREFIX", run(shim.argv(prog, []),
		  clean_env({"SHIM_PREFIX": prefix})), want)
	base = re.escape(os.path.basename(prog))
	lib = re.escape(args.missing_lib)
	expect_refusal("no prefix", run(shim.argv(prog, []), env),
		       r"ld-linux-shim: %s: cannot find library "
		       r"\(needed by (\S*/)?%s\)" % (lib, base))


def scenario_missing(args, shim):
	prog = shlex.split(args.case[0])[0]
	env = clean_env()
	nat = run([prog], env)
	if nat[0] != 127 or nat[1] != b"":
		show("native", nat)
		fail("the fixture is wrong: glibc itself ran the program")
	st, out, err = run(shim.argv(prog, []), env)
	base = re.escape(os.path.basename(prog))
	lines = err.decode(errors="replace").splitlines()
	want = set(args.undefined)
	seen = set()
	for line in lines:
		m = re.fullmatch(r"ld-linux-shim: (\S*/)?%s: undefined symbol: "
				 r"(\S+)" % base, line)
		if not m or m.group(2) not in want or m.group(2) in seen:
			fail("unexpected stderr line: " + line)
		else:
			seen.add(m.group(2))
	for s in sorted(want - seen):
		fail("missing symbol not reported: " + s)
	if st != 127:
		fail("status %s, want 127" % st)
	if out != b"":
		fail("the program ran: stdout %r" % out)
	if failures:
		show("through the shim", (st, out, err))
	else:
		print("ok: all %d missing symbols reported" % len(want))


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--shim", required=True)
	ap.add_argument("--mode", choices=("direct", "interp"), required=True)
	ap.add_argument("--patchelf", default="patchelf")
	ap.add_argument("--readelf", default="readelf")
	ap.add_argument("--workdir", required=True)
	ap.add_argument("--scenario", default="compare",
			choices=("compare", "prefix", "missing"))
	ap.add_argument("--case", action="append", default=[],
			help="PROG [ARGS...], shell-quoted")
	ap.add_argument("--expect", help="expected stdout (file)")
	ap.add_argument("--setenv", action="append", default=[])
	ap.add_argument("--require-copy", default="",
			help="comma-separated symbols needing R_X86_64_COPY, "
			"each a|-separated list of aliases")
	ap.add_argument("--install", action="append", default=[],
			help="SRC=PATH: copy SRC to PREFIX/PATH")
	ap.add_argument("--write", action="append", default=[],
			help="PATH=TEXT: write TEXT to PREFIX/PATH")
	ap.add_argument("--missing-lib")
	ap.add_argument("--undefined", action="append", default=[])
	args = ap.parse_args()

	if args.require_copy:
		for case in args.case:
			check_copy_relocs(args.readelf, shlex.split(case)[0],
					  args.require_copy.split(","))
	shim = Shim(args)
	try:
		{"compare": scenario_compare, "prefix": scenario_prefix,
		 "missing": scenario_missing}[args.scenario](args, shim)
	finally:
		if not failures:
			shim.cleanup()
	return 1 if failures else 0


if __name__ == "__main__":
	sys.exit(main())
