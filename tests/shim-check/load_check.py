#!/usr/bin/env python3
"""shim-check --load against native glibc: load_check.py SHIM_CHECK SHIM WORK

Every fixture library of WORK/load is also dlopen()ed natively (WORK/dlo,
RTLD_NOW, the system's glibc) with the same timeout; shim-check's result
for it must be the native one: ok, failed (exit status not 0), crashed
(the same signal) or timeout. The messages must name what the native
dlerror() names, the constructor's side effects must be the same, programs
and glibc's own objects must not be loaded, and the summary must count
the per-library results.
"""
import json
import os
import re
import signal
import subprocess
import sys

TIMEOUT = 2


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def native(dlo, lib, env):
    """The native outcome of dlopen(LIB): (result, detail)."""
    try:
        p = subprocess.run([dlo, lib], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=env, timeout=TIMEOUT, text=True)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    if p.returncode < 0:
        return "crashed", signal.Signals(-p.returncode).name
    return ("ok" if p.returncode == 0 else "failed"), p.stderr.strip()


def main():
    sc, shim, w = sys.argv[1:4]
    load, dlo = os.path.join(w, "load"), os.path.join(w, "dlo")
    marks = {k: os.path.join(w, "mark." + k) for k in ("native", "shim")}
    for m in marks.values():
        if os.path.exists(m):
            os.unlink(m)
    env = dict(os.environ, SC_MARK=marks["shim"])
    cmd = [sc, "--load", "--shim", shim, "--timeout", str(TIMEOUT),
           "--json", load]
    print("+", " ".join(cmd))
    run = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env, text=True)
    env = dict(os.environ, SC_MARK=marks["native"])
    libs = sorted(f for f in os.listdir(load) if f.endswith(".so"))
    want = {f: native(dlo, os.path.join(load, f), env) for f in libs}
    out, err = run.communicate(timeout=60)
    print(out + err)
    if run.returncode != 1:
        fail("shim-check --load: exit %d, want 1" % run.returncode)
    d = json.loads(out)
    got = {os.path.basename(o["path"]): o for o in d["objects"]}
    counts = {"ok": 0, "failed": 0, "crashed": 0, "timeout": 0}
    for f, (res, detail) in want.items():
        ld = got[f].get("load")
        print("%-16s native %-8s shim %s" % (f, res, ld))
        if not ld or ld["result"] != res:
            fail("%s: shim-check says %s, native dlopen %s (%s)" %
                 (f, ld, res, detail))
        counts[res] += 1
        if res == "crashed" and ld["signal"] != detail:
            fail("%s: signal %s, native %s" % (f, ld["signal"], detail))
    # What the native dlerror()/stderr names, the shim's message names.
    for f, word in (("libldneed.so", "libldnothere.so"),
                    ("libldundef.so", "sc_nowhere"),
                    ("libldexit.so", "ldexit: refusing to load")):
        if word not in want[f][1]:
            fail("native %s: %r lacks %r" % (f, want[f][1], word))
        if word not in got[f]["load"].get("message", ""):
            fail("%s: message %r lacks %r" % (f, got[f]["load"], word))
    if want["libldcrash.so"] != ("crashed", "SIGSEGV"):
        fail("the crash fixture does not crash natively")
    if "load" in got["ldprog"] or got["ldprog"]["kind"] != "program":
        fail("the program was loaded: %r" % got["ldprog"])
    sums = d["summary"]["load"]
    if {k: sums[k] for k in counts} != counts or \
            sums["libraries"] != len(want):
        fail("summary %r, per library %r" % (sums, counts))
    if "ldgood: stdout" in out + err:
        fail("a constructor's stdout reached shim-check's output")
    text = [open(m).read() if os.path.exists(m) else None
            for m in (marks["native"], marks["shim"])]
    if text[0] != "init\nfini\n" or text[1] != text[0]:
        fail("constructor/destructor marks: native %r, shim %r" %
             tuple(text))
    check_table(sc, shim, load)
    check_by_name(shim, dlo, w)
    check_messages(sc, w)
    print("load ok")


def check_table(sc, shim, load):
    """The table's load column and failure lines."""
    files = [os.path.join(load, f) for f in
             ("libldgood.so", "libldcrash.so", "libldneed.so", "ldprog")]
    p = subprocess.run([sc, "--load", "--shim", shim] + files,
                       stdout=subprocess.PIPE, text=True, timeout=60)
    print(p.stdout)
    lines = p.stdout.splitlines()
    want = [r"^ok +\d+/\d+  ok +\S*/libldgood\.so$",
            r"^ok +\d+/\d+  crashed +\S*/libldcrash\.so$",
            r"^ +load crashed +SIGSEGV",
            r"^partial +\d+/\d+  failed +\S*/libldneed\.so$",
            r"^ +load failed +libldnothere\.so",
            r"^ok +\d+/\d+  - +\S*/ldprog$",
            r"^3 libraries loaded: 1 ok, 1 failed, 1 crashed, 0 timeout "]
    for pat in want:
        if not any(re.search(pat, line) for line in lines):
            fail("table lacks a line matching %r" % pat)
    if p.returncode != 1:
        fail("table run: exit %d, want 1" % p.returncode)


def check_by_name(shim, dlo, w):
    """ld-linux-shim --load NAME searches as dlopen(NAME) does."""
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(w, "lib", "gone"))
    for name in ("libscgone.so", "libscnothere.so"):
        n = subprocess.run([dlo, name], env=env, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
        s = subprocess.run([shim, "--load", name], env=env, text=True,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        print("%s: native exit %d, shim exit %d %s" %
              (name, n.returncode, s.returncode, s.stderr.strip()))
        if s.returncode != n.returncode:
            fail("--load %s: exit %d, native %d" %
                 (name, s.returncode, n.returncode))
        if s.returncode and not s.stderr.startswith(
                "ld-linux-shim: %s: " % name):
            fail("--load %s: message %r" % (name, s.stderr))


def check_messages(sc, w):
    """The message kept: the shim's first error line, else the first line,
    else the exit status (a stand-in shim prints what is asked)."""
    fake = os.path.join(w, "fake-shim")
    lib = os.path.join(w, "load", "libldgood.so")
    cases = (("printf 'noise\\n\\nld-linux-shim: real error\\n"
              "ld-linux-shim: second\\n' >&2; exit 127", "real error"),
             ("printf '\\nfirst\\nsecond' >&2; exit 1", "first"),
             ("exit 5", "exit status 5"))
    for script, want in cases:
        with open(fake, "w") as f:
            f.write("#!/bin/sh\n" + script + "\n")
        os.chmod(fake, 0o755)
        p = subprocess.run([sc, "--load", "--shim", fake, "--json", lib],
                           stdout=subprocess.PIPE, text=True, timeout=30)
        ld = json.loads(p.stdout)["objects"][0]["load"]
        if ld["result"] != "failed" or ld.get("message") != want:
            fail("stand-in shim %r: %r, want message %r" %
                 (script, ld, want))


if __name__ == "__main__":
    main()
