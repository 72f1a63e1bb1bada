#!/usr/bin/env python3
"""Secure mode, tried as a local attacker would: set-user-ID and
set-group-ID copies of real programs whose PT_INTERP is the shim, started
by an unprivileged user (setpriv) who controls the environment.

Each hostile setting is first shown to work on a copy that is not
set-user-ID (the control), so that the secure case can fail. Runs as
root; exits 77 (skipped) otherwise.
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(argv, env, user=True):
    """ARGV as nobody (USER) or root, with exactly ENV; (rc, out, err)."""
    cmd = (NOBODY if user else []) + ["env", "-i"] + \
        ["%s=%s" % kv for kv in env.items()] + argv
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def copy(src, dst, mode, interp=None, patchelf=None):
    shutil.copy(src, dst)
    if interp:
        subprocess.check_call([patchelf, "--set-interpreter", interp, dst])
    os.chown(dst, 0, 0)
    os.chmod(dst, mode)
    return dst


def hostile_libselinux(d, marker, prog):
    """A libselinux.so.1 of the attacker's that defines what PROG imports
    from the real one, so that the loader would run its constructor."""
    out = subprocess.check_output(["readelf", "--dyn-syms", "-W", prog]).decode()
    names = sorted({w.split("@")[0] for line in out.splitlines()
                    for w in line.split() if "@LIBSELINUX_1.0" in w})
    src = os.path.join(d, "hostile_selinux.c")
    with open(src, "w") as f:
        with open(os.path.join(os.path.dirname(__file__), "hostile.c")) as h:
            f.write(h.read())
        for n in names:
            f.write("int %s(void) { return 0; }\n" % n)
    vs = os.path.join(d, "selinux.map")
    with open(vs, "w") as f:
        f.write("LIBSELINUX_1.0 { global: *; };\n")
    libdir = os.path.join(d, "hostile", "lib", "x86_64-linux-gnu")
    os.makedirs(libdir)
    subprocess.check_call(["gcc", "-shared", "-fPIC", "-o",
                           os.path.join(libdir, "libselinux.so.1"),
                           '-DMARKER="%s"' % marker, src,
                           "-Wl,-soname,libselinux.so.1",
                           "-Wl,--version-script," + vs])
    return os.path.join(d, "hostile"), libdir


def origin_program(d, marker, shim, patchelf):
    """A program whose DT_RUNPATH is $ORIGIN/lib, hard-linked (copied)
    with its library into a directory the attacker could write."""
    lib = os.path.join(d, "lib")
    os.makedirs(lib)
    here = os.path.dirname(__file__)
    subprocess.check_call(["gcc", "-shared", "-fPIC", "-o",
                           os.path.join(lib, "libsecdep.so"),
                           '-DMARKER="%s"' % marker,
                           os.path.join(here, "hostile.c")])
    main = os.path.join(d, "origin.c")
    with open(main, "w") as f:
        f.write("int main(void) { return 0; }\n")
    prog = os.path.join(d, "origin")
    subprocess.check_call(["gcc", "-o", prog, main, "-L" + lib,
                           "-Wl,--no-as-needed", "-lsecdep",
                           "-Wl,-rpath,$ORIGIN/lib",
                           "-Wl,--enable-new-dtags"])
    subprocess.check_call([patchelf, "--set-interpreter", shim, prog])
    return prog


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shim", required=True)
    ap.add_argument("--probe", required=True)
    ap.add_argument("--patchelf", default="patchelf")
    a = ap.parse_args()
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        print("skipped: needs root and setpriv")
        return 77
    d = tempfile.mkdtemp(prefix="shim-secure.", dir="/tmp")
    try:
        return scenario(d, a)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def scenario(d, a):
    os.chmod(d, 0o755)
    drop = os.path.join(d, "drop")	# the attacker's scratch directory
    os.makedirs(drop)
    os.chmod(drop, 0o777)
    marker = os.path.join(drop, "hostile-ran")
    shim = copy(a.shim, os.path.join(d, "ld-linux-shim"), 0o755)
    pe = a.patchelf
    base = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C"}

    # 1. SHIM_PREFIX and LD_LIBRARY_PATH holding the attacker's library.
    hostile, libdir = hostile_libselinux(d, marker, "/usr/bin/id")
    id_plain = copy("/usr/bin/id", os.path.join(d, "id-plain"), 0o755, shim, pe)
    id_suid = copy("/usr/bin/id", os.path.join(d, "id-suid"), 0o4755, shim, pe)
    id_native = copy("/usr/bin/id", os.path.join(d, "id-native"), 0o4755)
    native = run([id_native], base)
    check(native[0] == 0 and "euid=0" in native[1],
          "native set-user-ID id runs with euid 0: %r" % native[1].strip())
    for var, val in (("SHIM_PREFIX", hostile), ("LD_LIBRARY_PATH", libdir)):
        env = dict(base, **{var: val})
        if os.path.exists(marker):
            os.unlink(marker)
        run([id_plain], env)
        check(os.path.exists(marker),
              "control: %s loads the hostile library without set-user-ID"
              % var)
        if os.path.exists(marker):
            os.unlink(marker)
        r = run([id_suid], env)
        check(not os.path.exists(marker),
              "set-user-ID id under %s does not load the hostile library"
              % var)
        check(r[0] == native[0] and r[1] == native[1],
              "set-user-ID id under %s prints what it prints natively: %r"
              % (var, r[1].strip() or r[2].strip()))

    # 2. SHIM_TRACE_FILE in a directory the caller cannot write.
    sealed = os.path.join(d, "sealed")
    os.makedirs(sealed)
    os.chmod(sealed, 0o755)
    trace = os.path.join(sealed, "trace")
    tenv = dict(base, SHIM_TRACE="*", SHIM_TRACE_FILE=trace,
                SHIM_DEBUG="all")
    run([id_plain], tenv, user=False)
    check(os.path.exists(trace) and os.path.getsize(trace) > 0,
          "control: SHIM_TRACE_FILE is written for root's own run")
    os.unlink(trace)
    r = run([id_suid], tenv)
    check(not os.path.exists(trace),
          "set-user-ID id under SHIM_TRACE_FILE writes no trace file")
    check(r[1] == native[1] and "ld-linux-shim" not in r[2],
          "set-user-ID id under SHIM_TRACE/SHIM_DEBUG prints nothing of "
          "the shim: %r" % r[2].strip()[:200])

    # 3. What a secure guest sees, against glibc's own secure mode.
    penv = dict(base, TZ="UTC", LD_LIBRARY_PATH=libdir, LD_PRELOAD="",
                LOCPATH=drop, NLSPATH=drop, TMPDIR=drop, TZDIR=drop,
                GCONV_PATH=drop, HOSTALIASES=drop, RES_OPTIONS="debug",
                MALLOC_TRACE=marker, MALLOC_CHECK_="3", SHIM_PREFIX=hostile)
    for mode, what in ((0o4755, "set-user-ID"), (0o2755, "set-group-ID")):
        pn = copy(a.probe, os.path.join(d, "probe-native"), mode)
        ps = copy(a.probe, os.path.join(d, "probe-shim"), mode, shim, pe)
        rn, rs = run([pn], penv), run([ps], penv)
        check("AT_SECURE 1\n" in rn[1],
              "native %s probe is secure under glibc" % what)
        check(rs[0] == 0 and rs[1] == rn[1],
              "%s probe through the shim sees what glibc shows it:\n%s"
              % (what, rs[1] + rs[2]))
        for line in ("AT_SECURE 1", "__libc_enable_secure 1",
                     "secure_getenv(HOME) (null)",
                     "LD_LIBRARY_PATH (unset)"):
            check(line + "\n" in rs[1], "%s probe: %s" % (what, line))
    pp = copy(a.probe, os.path.join(d, "probe-plain"), 0o755, shim, pe)
    r = run([pp], penv)
    check("AT_SECURE 0\n" in r[1] and "LD_LIBRARY_PATH %s\n" % libdir in r[1],
          "control: the probe without set-user-ID is not secure")

    # 4. $ORIGIN of a set-user-ID program in a directory root does not own
    # alone (/tmp can be written by anyone).
    prog = origin_program(os.path.join(d, "o"), marker, shim, pe)
    os.chmod(os.path.dirname(prog), 0o777)
    if os.path.exists(marker):
        os.unlink(marker)
    r = run([prog], base)
    check(r[0] == 0 and os.path.exists(marker),
          "control: $ORIGIN/lib is searched without set-user-ID")
    os.unlink(marker)
    os.chmod(prog, 0o4755)
    r = run([prog], base)
    check(r[0] == 127 and not os.path.exists(marker),
          "set-user-ID program does not search an untrusted $ORIGIN: %r"
          % r[2].strip())

    # 5. A set-user-ID shim run directly runs nothing its caller names.
    suid_shim = copy(a.shim, os.path.join(d, "shim-suid"), 0o4755)
    for argv in (["--prefix", hostile, "/usr/bin/id"], ["/usr/bin/id"],
                 ["--load", os.path.join(libdir, "libselinux.so.1")]):
        r = run([suid_shim] + argv, base)
        check(r[0] == 127 and "secure mode" in r[2] and not r[1] and
              not os.path.exists(marker),
              "a set-user-ID shim refuses %s: %r" % (" ".join(argv),
                                                     r[2].strip()))

    # 6. A secure guest that starts another program: the child runs
    # through the shim, still secure, and as it runs natively.
    env_native = copy("/usr/bin/env", os.path.join(d, "env-native"), 0o4755)
    env_suid = copy("/usr/bin/env", os.path.join(d, "env-suid"), 0o4755,
                    shim, pe)
    rn = run([env_native, "/usr/bin/id"], base)
    rs = run([env_suid, "/usr/bin/id"], dict(base, SHIM_PREFIX=hostile))
    check(rs[0] == rn[0] == 0 and rs[1] == rn[1] and
          not os.path.exists(marker),
          "a set-user-ID guest runs id as it runs natively: %r"
          % (rs[1].strip() or rs[2].strip()))

    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
