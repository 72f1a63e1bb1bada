#!/usr/bin/env python3
"""tests/trace: SHIM_TRACE on a real Debian program (/usr/bin/cat).

    trace_test.py --shim SHIM --mode direct|interp --patchelf PATCHELF
                  [--prog DLSYM_PROBE] --workdir DIR CASE

CASE is one of:
  cat       cat FILE and cat MISSING with SHIM_TRACE=open*,read,write,close
            and SHIM_TRACE_FILE: stdout, stderr and exit status identical to
            the native run; the trace shows open("FILE", 0) = FD, reads on
            that FD whose byte counts add up to the file size (then 0), a
            write(1, ..., N) = N of the same total, close(FD) = 0, and
            open("MISSING", 0) = -1 ENOENT (No such file or directory).
  all       SHIM_TRACE=* (everything traceable): the program behaves
            exactly as natively and the trace is not empty.
  nomatch   a pattern matching nothing: identical behaviour, empty trace.
  dlsym     --prog PROG (dlsym_probe.c, built against glibc) calls strtol
            through dlsym(RTLD_DEFAULT, "strtol"); SHIM_TRACE=strtol must
            show exactly that call, decoded.

Direct mode runs `SHIM PROG ARGS`; interp mode runs a copy of PROG whose
PT_INTERP is SHIM (patchelf --set-interpreter). Exit 0 on success, 1
with a diagnostic on failure.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

CAT = '/usr/bin/cat'


def fail(msg):
    print('FAIL: ' + msg, file=sys.stderr)
    sys.exit(1)


def run(argv, env, cwd):
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=20)
    return p.returncode, p.stdout, p.stderr


def guest_argv(prog, args, opts):
    if opts.mode == 'direct':
        return [opts.shim, prog] + args
    copy = os.path.join(opts.workdir, 'bin', os.path.basename(prog))
    if not os.path.exists(copy):
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        shutil.copy(prog, copy)
        subprocess.run([opts.patchelf, '--set-interpreter', opts.shim,
                        copy], check=True)
    return [copy] + args


def compare(args, opts, pattern, trace, prog=CAT):
    """Run PROG ARGS natively and traced; outputs must be identical."""
    env = dict(os.environ, LC_ALL='C')
    env.pop('SHIM_TRACE', None)
    env.pop('SHIM_TRACE_FILE', None)
    native = run([prog] + args, env, opts.workdir)
    env['SHIM_TRACE'] = pattern
    env['SHIM_TRACE_FILE'] = trace
    shim = run(guest_argv(prog, args, opts), env, opts.workdir)
    # Messages start with argv[0]: the program's path, or the copy's.
    name = os.fsencode(os.path.basename(prog))
    err = re.sub(rb'(?m)^\S*/' + re.escape(name) + rb': ', name + b': ',
                 shim[2])
    nerr = re.sub(rb'(?m)^\S*/' + re.escape(name) + rb': ', name + b': ',
                  native[2])
    if (native[0], native[1], nerr) != (shim[0], shim[1], err):
        fail('%s %s: native %r differs from shim %r' %
             (prog, ' '.join(args), (native[0], native[1][:200], nerr),
              (shim[0], shim[1][:200], err)))
    return native


def trace_lines(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return []
    for ln in lines:
        if not re.match(r'\[shim-trace \d+\] ', ln):
            fail('malformed trace line: %r' % ln)
    return [re.sub(r'^\[shim-trace \d+\] ', '', ln) for ln in lines]


def case_cat(opts):
    data = b''.join(b'line %d of the traced file\n' % i
                    for i in range(300))
    # Relative names (cat runs in WORKDIR): strings show 32 characters.
    path = 'input "q".txt'
    with open(os.path.join(opts.workdir, path), 'wb') as f:
        f.write(data)
    trace = os.path.join(opts.workdir, 'cat.trace')
    pattern = 'open*,read,write,close'
    compare([path], opts, pattern, trace)
    lines = trace_lines(trace)
    q = re.escape(path.replace('"', '\\"'))
    fds = [m.group(2) for m in
           (re.fullmatch(r'open(64)?\("%s", 0\) = (\d+)' % q, ln)
            for ln in lines) if m]
    if len(fds) != 1:
        fail('no single open of %s in trace:\n%s' % (path, '\n'.join(lines)))
    fd = fds[0]
    reads = [int(m.group(1)) for m in
             (re.fullmatch(r'read\(%s, 0x[0-9a-f]+, \d+\) = (-?\d+)' % fd,
                           ln) for ln in lines) if m]
    writes = [(int(m.group(1)), int(m.group(2))) for m in
              (re.fullmatch(r'write\(1, 0x[0-9a-f]+, (\d+)\) = (-?\d+)',
                            ln) for ln in lines) if m]
    if not reads or reads[-1] != 0 or sum(reads) != len(data):
        fail('reads on fd %s: %r, file size %d' % (fd, reads, len(data)))
    if any(a != b for a, b in writes) or \
            sum(a for a, _ in writes) != len(data):
        fail('writes to fd 1: %r, file size %d' % (writes, len(data)))
    if 'close(%s) = 0' % fd not in lines:
        fail('no close(%s) = 0 in trace:\n%s' % (fd, '\n'.join(lines)))

    missing = 'no-such-file'
    trace2 = os.path.join(opts.workdir, 'missing.trace')
    native = compare([missing], opts, pattern, trace2)
    if native[0] != 1 or b'No such file or directory' not in native[2]:
        fail('native cat of a missing file: %r' % (native,))
    want = re.compile(r'open(64)?\("%s", 0\) = -1 ENOENT '
                      r'\(No such file or directory\)' % re.escape(missing))
    if not any(want.fullmatch(ln) for ln in trace_lines(trace2)):
        fail('ENOENT not decoded:\n%s' % '\n'.join(trace_lines(trace2)))


def case_all(opts):
    path = os.path.join(opts.workdir, 'all.txt')
    with open(path, 'wb') as f:
        f.write(b'hello\n' * 1000)
    trace = os.path.join(opts.workdir, 'all.trace')
    compare(['-n', path], opts, '*', trace)
    lines = trace_lines(trace)
    if not any(ln.startswith('write(1, ') for ln in lines):
        fail('SHIM_TRACE=* traced no write:\n%s' % '\n'.join(lines[:50]))


def case_nomatch(opts):
    path = os.path.join(opts.workdir, 'nomatch.txt')
    with open(path, 'wb') as f:
        f.write(b'untraced\n')
    trace = os.path.join(opts.workdir, 'nomatch.trace')
    compare([path], opts, 'no_such_function_*', trace)
    lines = trace_lines(trace)
    if lines:
        fail('a non-matching pattern traced: %r' % lines[:5])


def case_dlsym(opts):
    trace = os.path.join(opts.workdir, 'dlsym.trace')
    native = compare(['4711'], opts, 'strtol', trace, opts.prog)
    if native[1] != b'4711\n':
        fail('native dlsym-probe printed %r' % native[1])
    lines = trace_lines(trace)
    if lines != ['strtol("4711", NULL, 10) = 4711']:
        fail('dlsym did not return the traced strtol: %r' % lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shim', required=True)
    ap.add_argument('--mode', choices=('direct', 'interp'), required=True)
    ap.add_argument('--patchelf', default='patchelf')
    ap.add_argument('--workdir', required=True)
    ap.add_argument('--prog', help='the dlsym case\'s program')
    ap.add_argument('case', choices=('cat', 'all', 'nomatch', 'dlsym'))
    opts = ap.parse_args()
    opts.shim = os.path.abspath(opts.shim)
    shutil.rmtree(opts.workdir, ignore_errors=True)
    os.makedirs(opts.workdir)
    globals()['case_' + opts.case](opts)
    print('ok: %s %s' % (opts.case, opts.mode))


if __name__ == '__main__':
    main()
