#!/usr/bin/python3
"""Runs the stress program many times, natively or through the shim.

  run_stress.py --mode MODE --shim SHIM --workdir DIR [--runs N]
                [--expect LINE] -- PROG [CHILD]

native  runs PROG CHILD N times; every run must exit 0 with the same
        stdout, in which no check failed; that stdout and status become
        DIR/expected, the reference of the other modes.
direct  runs SHIM PROG CHILD N times;
interp  runs copies of PROG and CHILD whose PT_INTERP is SHIM N times;
        every run must print the native stdout and exit with its status,
        or with --expect, exit 0 and print LINE (no native reference).

A run that takes longer than --timeout seconds is a hang, and a failure.
Exit status 0 means every run passed; the failures are described on
stderr (at most --max-failures of them; then the test stops).
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def clean_env():
	env = dict(os.environ)
	for k in ("LD_LIBRARY_PATH", "LD_PRELOAD", "SHIM_PREFIX",
		  "SHIM_DEBUG", "SHIM_TRACE", "LD_BIND_NOW"):
		env.pop(k, None)
	env["LC_ALL"] = "C"
	return env


def run(argv, timeout):
	"""(status, stdout, stderr, seconds); status None for a hang, after
	which the run's whole process group (its children too) is killed."""
	t0 = time.monotonic()
	p = subprocess.Popen(argv, env=clean_env(), stdout=subprocess.PIPE,
			     stderr=subprocess.PIPE, start_new_session=True)
	try:
		out, err = p.communicate(timeout=timeout)
		res = (p.returncode, out, err)
	except subprocess.TimeoutExpired:
		os.killpg(p.pid, signal.SIGKILL)
		out, err = p.communicate()
		res = (None, out, err)
	return res + (time.monotonic() - t0,)


def describe(label, res, want=None):
	st, out, err, secs = res
	print("--- %s: %s after %.2f s" % (label, "hang (killed)" if st is None
	      else "status %d" % st, secs), file=sys.stderr)
	if want is not None:
		print("--- expected status %d; stdout diff (-expected +got):" %
		      want[0], file=sys.stderr)
		a = want[1].decode(errors="replace").splitlines()
		b = out.decode(errors="replace").splitlines()
		shown = 0
		for i in range(max(len(a), len(b))):
			x = a[i] if i < len(a) else None
			y = b[i] if i < len(b) else None
			if x == y:
				continue
			shown += 1
			if shown > 10:
				print("(more differences)", file=sys.stderr)
				break
			if x is not None:
				print("-" + x, file=sys.stderr)
			if y is not None:
				print("+" + y, file=sys.stderr)
	elif out:
		print("--- stdout:\n" + out.decode(errors="replace"),
		      file=sys.stderr, end="")
	if err:
		print("--- stderr:\n" + err.decode(errors="replace"),
		      file=sys.stderr, end="")


def patched_copy(patchelf, shim, prog, tmp):
	copy = os.path.join(tmp, os.path.basename(prog))
	shutil.copy2(prog, copy)
	subprocess.run([patchelf, "--set-interpreter", shim, copy],
		       check=True)
	return copy


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--mode", choices=("native", "direct", "interp"),
			required=True)
	ap.add_argument("--shim", required=True)
	ap.add_argument("--patchelf", default="patchelf")
	ap.add_argument("--workdir", required=True)
	ap.add_argument("--runs", type=int, default=100)
	ap.add_argument("--timeout", type=float, default=10)
	ap.add_argument("--max-failures", type=int, default=5)
	ap.add_argument("--expect", help="no native reference: every run "
			"must exit 0 and print this line")
	ap.add_argument("prog")
	ap.add_argument("child", nargs="?")
	args = ap.parse_args()

	shim = os.path.abspath(args.shim)
	os.makedirs(args.workdir, exist_ok=True)
	expected = os.path.join(args.workdir, "expected")
	tmp = tempfile.mkdtemp(prefix=args.mode + "-", dir=args.workdir)
	want = None
	progs = [p for p in (args.prog, args.child) if p]
	if args.expect is not None:
		want = (0, args.expect.encode() + b"\n")
	if args.mode == "native":
		argv = progs
	else:
		try:
			if want is None:
				with open(expected, "rb") as f:
					st, out = f.read().split(b"\n", 1)
				want = (int(st), out)
		except (OSError, ValueError):
			print("no native reference in %s: run stress:native "
			      "first" % expected, file=sys.stderr)
			return 1
		if args.mode == "direct":
			argv = [shim] + progs
		else:
			argv = [patched_copy(args.patchelf, shim, p, tmp)
				for p in progs]

	failures = 0
	slowest = 0.0
	t0 = time.monotonic()
	for i in range(args.runs):
		res = run(argv, args.timeout)
		slowest = max(slowest, res[3])
		got = (res[0], res[1])
		if args.mode == "native" and want is None:
			ok = (res[0] == 0 and b"WRONG" not in res[1] and
			      b"NO" not in res[1])
			if ok:
				want = got
		else:
			ok = got == want
		if not ok:
			failures += 1
			describe("run %d of %d (%s)" % (i + 1, args.runs,
				 args.mode), res, want)
			if failures >= args.max_failures:
				print("stopping after %d failures" % failures,
				      file=sys.stderr)
				break
	total = time.monotonic() - t0
	print("%s: %d runs, %d failed, %.1f s in all, slowest %.3f s" %
	      (args.mode, i + 1, failures, total, slowest))
	if args.mode == "native" and not failures:
		with open(expected, "wb") as f:
			f.write(b"%d\n" % want[0] + want[1])
	if not failures:
		shutil.rmtree(tmp, ignore_errors=True)
	return 1 if failures else 0


if __name__ == "__main__":
	sys.exit(main())
