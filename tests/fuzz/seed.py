#!/usr/bin/python3
"""Seed corpus for the ELF fuzzer, made from real libraries of the machine.

  seed.py OUTDIR [FILE...]
      copies into OUTDIR (emptied first) the COUNT smallest shared
      libraries under /usr/lib/x86_64-linux-gnu that are smaller than
      64 KiB, and each FILE given (the test fixtures). Nothing is committed:
      the corpus is made at build time.
"""

import os
import shutil
import sys

LIBDIR = "/usr/lib/x86_64-linux-gnu"
COUNT = 20
MAX_SIZE = 64 * 1024


def is_x86_64_dyn(path):
	with open(path, "rb") as f:
		h = f.read(20)
	return (len(h) == 20 and h[:4] == b"\x7fELF" and h[4] == 2 and
		h[16] == 3 and h[18] == 62)


def small_libraries():
	found = {}
	for name in sorted(os.listdir(LIBDIR)):
		path = os.path.join(LIBDIR, name)
		if ".so" not in name or not os.path.isfile(path):
			continue
		real = os.path.realpath(path)
		size = os.path.getsize(real)
		if size < MAX_SIZE and real not in found and is_x86_64_dyn(real):
			found[real] = size
	return sorted(found, key=lambda p: (found[p], p))[:COUNT]


def main():
	out = sys.argv[1]
	shutil.rmtree(out, ignore_errors=True)
	os.makedirs(out)
	for path in small_libraries() + sys.argv[2:]:
		if os.path.isfile(path) and os.path.getsize(path) < 1 << 20:
			shutil.copy(path, os.path.join(out, os.path.basename(path)))
	return 0


if __name__ == "__main__":
	sys.exit(main())
