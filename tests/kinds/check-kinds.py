#!/usr/bin/python3
"""Checks that the kinds tests sample what they claim to.

Usage: check-kinds.py --symmaps DIR --readelf READELF --known FILE
                      KIND=SOURCE[,SOURCE...]=PROGRAM...

For every case of the SOURCEs of PROGRAM (their KINDS_CASE(NAME) and
KINDS_CASE_X(NAME, TAG) lines, the one list of names; a program split into
parts has one SOURCE per part), the symmaps must bind the default version
of NAME with KIND (host, wrap or impl, with or without =CNAME), and
PROGRAM must import NAME@that version (so the case runs that binding).
Every known failure must name an existing case. Exit status 0 if all hold.
"""

import argparse
import glob
import os
import re
import shlex
import subprocess
import sys

CASE_RE = re.compile(r"^\s*KINDS_CASE(_X)?\((\w+)(?:,\s*(\w+))?\)", re.M)


def read_symmaps(directory):
	"""Returns {soname: {name: (default version, kind)}}."""
	versions, entries = {}, {}
	for path in sorted(glob.glob(os.path.join(directory, "*.symmap"))):
		soname = None
		with open(path) as f:
			for line in f:
				words = shlex.split(line, comments=True)
				if not words:
					continue
				if words[0] == "@soname":
					soname = words[1]
				elif words[0] == "@versions":
					versions[soname] = words[1:]
				else:
					name, vers, kind = words[:3]
					for v in vers.split(","):
						entries.setdefault(soname, {}) \
							.setdefault(name, []) \
							.append((v, kind))
	result = {}
	for soname, names in entries.items():
		order = versions[soname]
		result[soname] = {
			name: max(lst, key=lambda e: order.index(e[0]))
			for name, lst in names.items()}
	return result


def imports(readelf, program):
	"""The NAME@VERSION strings of PROGRAM's dynamic symbol table."""
	out = subprocess.run([readelf, "--dyn-syms", "-W", program],
			     check=True, stdout=subprocess.PIPE,
			     text=True).stdout
	found = set()
	for line in out.splitlines():
		cols = line.split()
		if len(cols) >= 8 and cols[0].endswith(":"):
			found.add(cols[7])
	return found


def cases(sources):
	"""The case names of SOURCES, in order: (symbol, case name)."""
	found = []
	for source in sources:
		with open(source) as f:
			text = f.read()
		found += [(m.group(2), m.group(2) + (":" + m.group(3)
						     if m.group(1) else ""))
			  for m in CASE_RE.finditer(text)]
	return found


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--symmaps", required=True)
	ap.add_argument("--readelf", required=True)
	ap.add_argument("--known", required=True)
	ap.add_argument("groups", nargs="+",
			metavar="KIND=SOURCE[,SOURCE...]=PROGRAM")
	args = ap.parse_args()
	maps = read_symmaps(args.symmaps)
	errors = []
	all_cases = {}
	for group in args.groups:
		kind, sources, program = group.split("=", 2)
		have = imports(args.readelf, program)
		listed = cases(sources.split(","))
		if not listed:
			errors.append("%s: no KINDS_CASE lines" % sources)
		all_cases[kind] = {c for _, c in listed}
		for name in sorted({s for s, _ in listed}):
			bound = [(so, m[name]) for so, m in sorted(maps.items())
				 if name in m]
			if not bound:
				errors.append("%s: %s is in no symmap" %
					      (kind, name))
				continue
			hits = [(so, v, k) for so, (v, k) in bound
				if name + "@" + v in have]
			if not hits:
				errors.append("%s: %s does not import %s" % (
					program, name, " or ".join(
						"%s@%s" % (name, v)
						for _, (v, _) in bound)))
				continue
			so, v, k = hits[0]
			if k.split("=")[0] != kind:
				errors.append(
					"%s: %s@%s (%s) is bound %s, not %s"
					% (kind, name, v, so, k, kind))
		print("%s: %d cases, %d functions checked" %
		      (kind, len(listed), len({s for s, _ in listed})))
	with open(args.known) as f:
		for line in f:
			words = line.split("#", 1)[0].split()
			if not words:
				continue
			if len(words) < 3 or words[1] not in \
			   all_cases.get(words[0], ()):
				errors.append("%s: no such case: %s" %
					      (args.known, line.strip()))
	for e in errors:
		print("FAIL: " + e, file=sys.stderr)
	return 1 if errors else 0


if __name__ == "__main__":
	sys.exit(main())
