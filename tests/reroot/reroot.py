#!/usr/bin/env python3
"""Reroot containment, end to end: Debian's cat and ls run through the shim
with a prefix. ".." at the prefix root stays in the prefix, symlinks that
climb too far stay in it, and an absolute symlink of the prefix resolves
inside the prefix first, then on the host (the union lookup applied to its
target). --mode direct runs `shim --prefix P PROG`, --mode interp a copy
of PROG whose PT_INTERP is the shim, with SHIM_PREFIX=P."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shim", required=True)
    ap.add_argument("--mode", choices=("direct", "interp"), required=True)
    ap.add_argument("--patchelf", default="patchelf")
    a = ap.parse_args()
    r = tempfile.mkdtemp(prefix="shim-reroot.")
    try:
        return cases(r, a)
    finally:
        shutil.rmtree(r, ignore_errors=True)


def runner(r, a, prefix):
    progs = {}
    for name in ("cat", "ls"):
        if a.mode == "direct":
            progs[name] = [a.shim, "--prefix", prefix, "/usr/bin/" + name]
        else:
            copy = os.path.join(r, name)
            shutil.copy("/usr/bin/" + name, copy)
            subprocess.check_call([a.patchelf, "--set-interpreter",
                                   a.shim, copy])
            progs[name] = [copy]
    env = dict(os.environ, LC_ALL="C")
    if a.mode == "interp":
        env["SHIM_PREFIX"] = prefix
    else:
        env.pop("SHIM_PREFIX", None)

    def run(name, *args):
        p = subprocess.run(progs[name] + list(args), env=env, timeout=30,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return p.stdout.decode() if p.returncode == 0 else \
            "exit %d: %s" % (p.returncode, p.stderr.decode().strip())
    return run


def cases(r, a):
    p = os.path.join(r, "prefix")
    write(p + "/data/marker", "inside\n")
    write(p + r + "/both", "prefix copy\n")
    write(r + "/both", "host copy\n")
    write(r + "/hostonly", "host only\n")
    os.symlink("../../../../../../../../data", p + "/data/up")
    os.symlink("/data/marker", p + "/abs")
    os.symlink(r + "/both", p + "/bothlink")
    os.symlink(r + "/hostonly", p + "/hostlink")
    os.symlink("/data", p + "/datalink")
    run = runner(r, a, p)
    depth = "/.." * (p.count("/") + 2)
    want = [
        ("'..' at the prefix root", ("cat", depth + "/data/marker"),
         "inside\n"),
        ("'..' above the root inside a path",
         ("cat", "/data/.." + depth + "/data/marker"), "inside\n"),
        ("a relative symlink that climbs too far", ("cat", "/data/up/marker"),
         "inside\n"),
        ("an absolute symlink, target in the prefix", ("cat", "/abs"),
         "inside\n"),
        ("an absolute symlink, target in both", ("cat", "/bothlink"),
         "prefix copy\n"),
        ("an absolute symlink, target on the host only", ("cat", "/hostlink"),
         "host only\n"),
        ("a directory through '..' and an absolute symlink",
         ("ls", depth + "/datalink/"), "marker\nup\n"),
    ]
    bad = 0
    for what, argv, expect in want:
        got = run(*argv)
        ok = got == expect
        bad += not ok
        print("%s %s: %s %s -> %r" % ("ok  " if ok else "FAIL", what,
                                       argv[0], argv[1], got))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
