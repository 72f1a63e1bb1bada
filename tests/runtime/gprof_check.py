#!/usr/bin/python3
"""gprof profiling through the shim: runs a gcc -pg program natively and
through the shim (--mode direct|interp, as tests/guests/run_guest.py), each
in its own directory, and compares the gmon.out files they write: the same
header and histogram geometry, the same call arcs and counts, samples in
the hot function; then gprof (binutils) must read the shim's file and name
the same functions and call counts as for glibc's, the hot one first.
Also GMON_OUT_PREFIX (the file is PREFIX.PID).
Exit status 0 means the test passed."""

import argparse, os, shutil, struct, subprocess, sys, tempfile

failures = []


def fail(msg):
	failures.append(msg)
	print("FAIL: " + msg, file=sys.stderr)


def parse(path):
	"""(header tuple, histogram bins, sorted arcs) of a gmon.out file."""
	d = open(path, "rb").read()
	hdr, bins, arcs = None, None, []
	if d[:4] != b"gmon":
		raise ValueError("%s: no gmon cookie" % path)
	version = struct.unpack("<I", d[4:8])[0]
	p = 20
	while p < len(d):
		tag = d[p]
		p += 1
		if tag == 0:
			lo, hi, n, rate = struct.unpack("<QQII", d[p:p + 24])
			hdr = (version, lo, hi, n, rate, d[p + 24:p + 40])
			p += 40
			bins = struct.unpack("<%dH" % n, d[p:p + 2 * n])
			p += 2 * n
		elif tag == 1:
			arcs.append(struct.unpack("<QQI", d[p:p + 20]))
			p += 20
		else:
			raise ValueError("%s: unknown tag %d" % (path, tag))
	return hdr, bins, sorted(arcs)


def flat(gprof, prog, gmon):
	"""[(name, calls)] of gprof's flat profile, in its order."""
	out = subprocess.run([gprof, "-b", "-p", prog, gmon], check=True,
			     stdout=subprocess.PIPE).stdout.decode()
	rows = []
	for line in out.splitlines():
		f = line.split()
		if len(f) >= 4 and f[0].replace(".", "").isdigit():
			calls = f[3] if len(f) == 7 else ""
			rows.append((f[-1], calls))
	return rows


def run(argv, cwd, env):
	p = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
			   stderr=subprocess.PIPE, timeout=40)
	if p.returncode != 0 or p.stdout != b"done 1\n":
		fail("%s: status %d, stdout %r, stderr %r" %
		     (argv, p.returncode, p.stdout, p.stderr))
	return p


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--shim", required=True)
	ap.add_argument("--mode", choices=("direct", "interp"), required=True)
	ap.add_argument("--patchelf", default="patchelf")
	ap.add_argument("--gprof", default="gprof")
	ap.add_argument("--workdir", required=True)
	ap.add_argument("--prog", required=True)
	a = ap.parse_args()
	os.makedirs(a.workdir, exist_ok=True)
	tmp = tempfile.mkdtemp(prefix="gprof-" + a.mode + "-", dir=a.workdir)
	prog = os.path.abspath(a.prog)
	shim = os.path.abspath(a.shim)
	if a.mode == "direct":
		argv = [shim, prog]
	else:
		copy = os.path.join(tmp, os.path.basename(prog))
		shutil.copy2(prog, copy)
		subprocess.run([a.patchelf, "--set-interpreter", shim, copy],
			       check=True)
		argv = [copy]
	env = dict(os.environ, LC_ALL="C")
	env.pop("GMON_OUT_PREFIX", None)
	dirs = {}
	for side, cmd in (("native", [prog]), ("shim", argv)):
		dirs[side] = os.path.join(tmp, side)
		os.makedirs(dirs[side])
		run(cmd, dirs[side], env)
	if failures:
		return 1
	nat = parse(os.path.join(dirs["native"], "gmon.out"))
	got = parse(os.path.join(dirs["shim"], "gmon.out"))
	if nat[0] != got[0]:
		fail("histogram header: native %r, shim %r" % (nat[0], got[0]))
	if nat[2] != got[2]:
		fail("call arcs: native %r, shim %r" % (nat[2], got[2]))
	if sum(got[1]) < 5:
		fail("only %d samples through the shim" % sum(got[1]))
	fn = flat(a.gprof, prog, os.path.join(dirs["native"], "gmon.out"))
	fs = flat(a.gprof, prog, os.path.join(dirs["shim"], "gmon.out"))
	print("gprof flat profile, native: %r\n                    shim: %r" %
	      (fn, fs))
	if not fs or fs[0][0] != "hot":
		fail("gprof does not put hot first for the shim's gmon.out")
	if sorted(fn) != sorted(fs):
		fail("gprof's functions and call counts differ")
	# GMON_OUT_PREFIX names the file PREFIX.PID.
	pdir = os.path.join(tmp, "prefix")
	os.makedirs(pdir)
	run(argv + ["1000"], pdir, dict(env, GMON_OUT_PREFIX="prof"))
	names = os.listdir(pdir)
	if len(names) != 1 or not names[0].startswith("prof.") or \
	   not names[0][5:].isdigit():
		fail("GMON_OUT_PREFIX: files %r" % names)
	if not failures:
		shutil.rmtree(tmp, ignore_errors=True)
		print("ok: gmon.out through the shim (%s) matches glibc's" %
		      a.mode)
	return 1 if failures else 0


if __name__ == "__main__":
	sys.exit(main())
