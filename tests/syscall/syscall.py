#!/usr/bin/env python3
"""Raw syscalls through the shim where the answer is the shim's own
(tests/syscall/sysprog.c): an openat of an absolute path finds the file
inside the prefix first (natively, and through the shim without a prefix,
the host's), readlink of /proc/self/exe names the guest program in direct
mode, the static program's trapped futex, mmap and getdents64 calls
answer as natively, and SHIM_DEBUG=syscalls writes strace's lines, with
the host path a rewritten path went to. --mode direct runs `shim [--prefix P] PROG`,
--mode interp a copy of PROG whose PT_INTERP is the shim, with
SHIM_PREFIX=P."""
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


def q(s):
    """A string as SHIM_DEBUG=syscalls quotes it: cut at 32 bytes."""
    return '"%s"%s' % (s[:32], "..." if len(s) > 32 else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shim", required=True)
    ap.add_argument("--mode", choices=("direct", "interp"), required=True)
    ap.add_argument("--patchelf", default="patchelf")
    ap.add_argument("--prog", required=True)
    ap.add_argument("--static-prog",
                    help="PROG linked statically: direct mode, trapped")
    a = ap.parse_args()
    r = tempfile.mkdtemp(prefix="shim-sys.")
    try:
        return cases(r, a)
    finally:
        shutil.rmtree(r, ignore_errors=True)


def cases(r, a):
    p = os.path.join(r, "prefix")
    write(r + "/both", "host copy\n")
    write(p + r + "/both", "prefix copy\n")
    write(p + r + "/only", "prefix only\n")
    prog = a.prog
    if a.mode == "interp":
        prog = os.path.join(r, "sysprog")
        shutil.copy(a.prog, prog)
        subprocess.check_call([a.patchelf, "--set-interpreter", a.shim,
                               prog])
    base = dict(os.environ, LC_ALL="C")
    for k in ("SHIM_PREFIX", "SHIM_DEBUG", "LD_PRELOAD", "LD_LIBRARY_PATH"):
        base.pop(k, None)

    def run(args, prefix=None, native=False, debug=False):
        env = dict(base)
        argv = [prog] + args
        if native:
            argv = [a.prog] + args
        elif a.mode == "direct":
            argv = [a.shim] + (["--prefix", prefix] if prefix else []) + \
                [a.prog] + args
        elif prefix:
            env["SHIM_PREFIX"] = prefix
        if debug:
            env["SHIM_DEBUG"] = "syscalls"
        c = subprocess.run(argv, env=env, timeout=30,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return c.returncode, c.stdout.decode(), c.stderr.decode()

    bad = 0

    def check(what, got, want):
        nonlocal bad
        ok = got == want
        bad += not ok
        print("%s %s: %r%s" % ("ok  " if ok else "FAIL", what, got,
                               "" if ok else " (want %r)" % (want,)))

    enoent = "openat %s/only: -1 ENOENT\n" % r
    check("native, a host file", run(["cat", r + "/both"], native=True)[1],
          "host copy\n")
    check("native, a prefix-only file",
          run(["cat", r + "/only"], native=True)[1], enoent)
    check("shim, no prefix, a host file", run(["cat", r + "/both"])[1],
          "host copy\n")
    check("shim, no prefix, a prefix-only file",
          run(["cat", r + "/only"])[1], enoent)
    check("shim, prefix, a file in both",
          run(["cat", r + "/both"], prefix=p)[1], "prefix copy\n")
    check("shim, prefix, a prefix-only file",
          run(["cat", r + "/only"], prefix=p)[1], "prefix only\n")
    check("shim, prefix, a relative path stays the host's",
          subprocess.run([a.shim, "--prefix", p, a.prog, "cat", "both"]
                         if a.mode == "direct" else [prog, "cat", "both"],
                         cwd=r, env=dict(base, SHIM_PREFIX=p),
                         stdout=subprocess.PIPE).stdout.decode(),
          "host copy\n")
    out = run(["exe"], prefix=p)[1]
    check("readlink /proc/self/exe names the program",
          out.splitlines()[:2], ["readlink: sysprog", "readlinkat: sysprog"])

    # SHIM_DEBUG=syscalls: strace's line, with the host path if rewritten.
    st, out, err = run(["cat", r + "/both"], prefix=p, debug=True)
    want = 'openat(AT_FDCWD, %s [-> "%s"], O_RDONLY|O_CLOEXEC) = 3' % (
        q(r + "/both"), p + r + "/both")
    check("debug line of a rewritten openat",
          [line for line in err.splitlines() if line.startswith("openat(")],
          [want])
    check("debug line of read", [line for line in err.splitlines()
                                 if line.startswith("read(")],
          ['read(3, "prefix copy\\n", 256) = 12', "read(3, \"\", 256) = 0"])
    st, out, err = run(["cat", "/nonexistent/shim-sys"], debug=True)
    check("debug line of a failed openat",
          [line for line in err.splitlines() if line.startswith("openat(")],
          ['openat(AT_FDCWD, "/nonexistent/shim-sys", O_RDONLY|O_CLOEXEC)'
           ' = -1 ENOENT (No such file or directory)'])
    st, out, err = run(["unknown"], debug=True)
    lines = err.splitlines()
    check("an enosys call is named once",
          [line for line in lines if "not supported" in line],
          ["ld-linux-shim: syscall 1000 not supported",
           "ld-linux-shim: syscall 400 not supported",
           "ld-linux-shim: syscall -1 not supported",
           "ld-linux-shim: syscall afs_syscall (183) not supported"])
    check("debug lines of an enosys call made twice",
          [line for line in lines if line.startswith("afs_syscall(")],
          ["afs_syscall() = -1 ENOSYS (Function not implemented)"] * 2)
    check("debug line of an unknown number",
          [line for line in lines if line.startswith("syscall_1000(")][0]
          .startswith("syscall_1000(0x1, 0x2, 0x3, "), True)
    if a.static_prog and a.mode == "direct":
        def srun(args, prefix=None, debug=False):
            env = dict(base, SHIM_DEBUG="syscalls") if debug else base
            c = subprocess.run([a.shim] + (["--prefix", prefix] if prefix
                                           else []) + [a.static_prog] + args,
                               env=env, timeout=30, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            return c.returncode, c.stdout.decode(), c.stderr.decode()
        check("static, prefix, a file in both (trapped openat)",
              srun(["cat", r + "/both"], prefix=p)[1], "prefix copy\n")
        check("static, no prefix, a file in both",
              srun(["cat", r + "/both"])[1], "host copy\n")
        check("static, trapped readlink of /proc/self/exe",
              srun(["exe"])[1].splitlines()[:2],
              ["readlink: sysprog-static", "readlinkat: sysprog-static"])
        check("static, an unknown number",
              srun(["unknown"])[1].splitlines()[0],
              "syscall(1000): -1 ENOSYS")
        for case in ["futex", "mmap", "getdents64"]:
            native = subprocess.run([a.static_prog, case], timeout=30,
                                    stdout=subprocess.PIPE).stdout.decode()
            check("static, trapped " + case + " as natively",
                  srun([case])[1], native)
        err = srun(["cat", r + "/both"], prefix=p, debug=True)[2]
        check("static, debug line of a trapped openat",
              [line for line in err.splitlines()
               if line.startswith("openat(") and "/both" in line],
              [want])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
