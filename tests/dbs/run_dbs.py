#!/usr/bin/python3
"""Runs dbtest's database cases natively and through the shim; compares.

The files a case reads (/etc/netgroup, /etc/aliases, /etc/ttys,
/etc/hosts.equiv, ~root/.rhosts, /var/run/utmp, /var/log/wtmp) come from
tests/dbs/data, copied into a fresh prefix P per run. The shim run sees
them through its reroot (--prefix P). The native glibc run (the oracle)
sees the same files at the real paths inside a private mount namespace
(unshare -m): read-only overlays put P/etc over /etc and P/root over
/root, and P/var/run and P/var/log are bind-mounted on /run and /var/log;
an nsswitch.conf that names the "files" source for every database is laid
on top, since the machine's says "netgroup: nis". The machine's own files
are never written. Stdout and exit status must be equal; for utmp-default
the written utmp/wtmp files are compared too (pids and times masked). The
ttys case passes the prefix as SHIM_PREFIX instead of --prefix, and with
--patchelf runs a copy of dbtest whose interpreter is the shim.
Then real Debian programs read a test utmp file named on their command
line (who FILE, users FILE, last -f FILE), natively and through the shim.
Exit 77 (skip) when no mount namespace can be made.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

NS_SETUP = r'''set -e
P=$1; NSS=$2; shift 2
mount -t overlay overlay -o lowerdir=$NSS:$P/etc:/etc /etc
mount -t overlay overlay -o lowerdir=$P/root:/root /root
mount --bind $P/var/log /var/log
mount --bind $P/var/run /run
exec "$@"
'''

GROUPS = ('all users wild dash loop1 broken cont deep spaces missingsub '
	  'order a1 indented trail nosuch').split() + ['']

CASES = [
	('b64', ['b64'], None),
	('netgroup', ['netgroup'] + GROUPS, None),
	('aliases', ['aliases', 'root', 'STAFF', 'multi', 'empty', 'spaced ',
		     'spaced', 'leading', 'dup', 'inc', 'incmissing', 'commas',
		     'nosuch', 'last'], None),
	('ttys', ['ttys', 'console', 'ttyd0', 'tty3', 'ttyp1', 'ttylong',
		  'tty99', 'tty10'], None),
	('ruserok-user', ['ruserok', '0', 'root'], None),
	('ruserok-super', ['ruserok', '1', 'root'], None),
	('ruserok-nobody', ['ruserok', '0', 'nobody'], None),
	('ruserok-groupwritable', ['ruserok', '1', 'root'],
	 lambda p: os.chmod(os.path.join(p, 'root/.rhosts'), 0o620)),
	('ruserok-symlink', ['ruserok', '1', 'root'],
	 lambda p: os.symlink('.rhosts.real', os.path.join(p, 'root/.rhosts'))
	 if not os.rename(os.path.join(p, 'root/.rhosts'),
			  os.path.join(p, 'root/.rhosts.real')) else None),
	('ruserok-noequiv', ['ruserok', '0', 'root'],
	 lambda p: os.remove(os.path.join(p, 'etc/hosts.equiv'))),
	('utmp-default', ['utmp-default'], None),
]

# Real programs over a utmp file made by dbtest (FILE is replaced).
PROGRAMS = [['who', 'FILE'], ['who', '-a', 'FILE'], ['who', '-b', '-r', 'FILE'],
	    ['who', '-u', 'FILE'], ['users', 'FILE'], ['last', '-f', 'FILE'],
	    ['last', '-x', '-w', '-f', 'FILE']]

failures = []


def run(argv, cwd, timeout=20, env=None):
	"""ARGV's (status, stdout, stderr), with no terminal on stdin (login()
	looks for one) and a fixed locale and time zone."""
	full = dict(os.environ, LC_ALL='C', TZ='UTC')
	full.pop('SHIM_PREFIX', None)
	full.update(env or {})
	try:
		p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL,
				   stdout=subprocess.PIPE,
				   stderr=subprocess.PIPE, timeout=timeout,
				   env=full)
	except subprocess.TimeoutExpired:
		return (None, b'', b'timeout')
	return (p.returncode, p.stdout, p.stderr)


def make_prefix(args, root):
	"""A fresh prefix with the test files, modes fixed (a checkout's
	umask must not make them group-writable)."""
	if os.path.exists(root):
		shutil.rmtree(root)
	shutil.copytree(os.path.join(args.data, 'etc'), root + '/etc')
	shutil.copytree(os.path.join(args.data, 'root'), root + '/root')
	for d in ('etc', 'root'):
		for f in os.listdir(os.path.join(root, d)):
			os.chmod(os.path.join(root, d, f), 0o644)
	os.chmod(root + '/root/.rhosts', 0o600)
	os.makedirs(root + '/var/run')
	os.makedirs(root + '/var/log')
	for f, extra in (('var/run/utmp', '0'), ('var/log/wtmp', '20')):
		st = run([args.prog, 'utmp-make', os.path.join(root, f), extra],
			 root)
		if st[0] != 0:
			sys.exit('utmp-make failed: %r' % (st,))


def masked_dump(args, path):
	st = run([args.prog, 'utmp-dump', path], '/')
	out = st[1].decode(errors='replace')
	out = re.sub(r'pid=\d+', 'pid=N', out)
	return re.sub(r'tv=-?\d+\.\d+', 'tv=T', out)


def compare(name, nat, shim):
	if nat[0] == shim[0] and nat[1] == shim[1]:
		return True
	failures.append(name)
	print('FAIL: %s: native status %s, shim status %s' %
	      (name, nat[0], shim[0]), file=sys.stderr)
	for label, res in (('native', nat), ('shim', shim)):
		print('--- %s stdout:\n%s--- %s stderr:\n%s' %
		      (label, res[1].decode(errors='replace'), label,
		       res[2].decode(errors='replace')), file=sys.stderr)
	return False


def interp_copy(args, base):
	"""The command that runs a copy of dbtest whose PT_INTERP is the
	shim (without --patchelf, the shim running dbtest directly)."""
	if not args.patchelf:
		return [args.shim, args.prog]
	copy = os.path.join(base, 'dbtest-interp')
	shutil.copy(args.prog, copy)
	st = run([args.patchelf, '--set-interpreter', args.shim, copy], base)
	if st[0] != 0:
		sys.exit('patchelf failed: %r' % (st,))
	return [copy]


def one_case(args, name, argv, setup):
	base = os.path.join(args.workdir, name)
	nat_p, shim_p = base + '/native', base + '/shim'
	for p in (nat_p, shim_p):
		make_prefix(args, p)
		if setup:
			setup(p)
	nat = run(['unshare', '-m', 'sh', '-c', NS_SETUP, 'sh', nat_p,
		   os.path.join(args.data, 'nss'), args.prog] + argv, base)
	if name == 'ttys':
		shim = run(interp_copy(args, base) + argv, base,
			   env={'SHIM_PREFIX': shim_p})
	else:
		shim = run([args.shim, '--prefix', shim_p, args.prog] + argv,
			   base)
	ok = compare(name, nat, shim)
	if name == 'utmp-default' and ok:
		for f in ('var/run/utmp', 'var/log/wtmp'):
			a = masked_dump(args, os.path.join(nat_p, f))
			b = masked_dump(args, os.path.join(shim_p, f))
			compare(name + ' ' + f, (0, a.encode(), b''),
				(0, b.encode(), b''))
	if ok:
		print('ok: %s (%d lines)' % (name, nat[1].count(b'\n')))


def programs(args):
	"""who/users/last over the same utmp file, native and shim."""
	base = os.path.join(args.workdir, 'programs')
	os.makedirs(base, exist_ok=True)
	utmp = os.path.join(base, 'utmp')
	if run([args.prog, 'utmp-make', utmp, '0'], base)[0] != 0:
		sys.exit('utmp-make failed')
	for argv in PROGRAMS:
		path = shutil.which(argv[0])
		if not path:
			print('note: %s is not installed' % argv[0])
			continue
		argv = [path] + [utmp if a == 'FILE' else a for a in argv[1:]]
		name = ' '.join(argv)
		nat = run(argv, base)
		if compare(name, nat, run([args.shim] + argv, base)):
			print('ok: %s (%d lines)' % (name, nat[1].count(b'\n')))


def utmp_file(args):
	"""The utmp API over files named by utmpname (no namespace needed):
	the same calls natively and through the shim, then the files."""
	base = os.path.join(args.workdir, 'utmp-file')
	res = {}
	for who in ('native', 'shim'):
		d = os.path.join(base, who)
		if os.path.exists(d):
			shutil.rmtree(d)
		os.makedirs(d)
		for f, extra in (('utmp', '100'), ('wtmp', '50')):
			run([args.prog, 'utmp-make', os.path.join(d, f), extra],
			    d)
		argv = [args.prog, 'utmp', d + '/utmp', d + '/wtmp']
		st = run(([args.shim] if who == 'shim' else []) + argv, d)
		files = b''.join(run([args.prog, 'utmp-dump', d + '/' + f],
				     d)[1] for f in ('utmp', 'wtmp'))
		res[who] = (st[0], st[1] + files, st[2])
	if compare('utmp-file', res['native'], res['shim']):
		print('ok: utmp-file (%d lines)' %
		      res['native'][1].count(b'\n'))


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument('--shim', required=True)
	ap.add_argument('--prog', required=True)
	ap.add_argument('--data', required=True)
	ap.add_argument('--workdir', required=True)
	ap.add_argument('--case', action='append')
	ap.add_argument('--patchelf')
	ap.add_argument('--only', choices=('files', 'utmp-file', 'programs'),
			help='files: the cases that need a mount namespace')
	args = ap.parse_args()
	args.shim = os.path.abspath(args.shim)
	args.prog = os.path.abspath(args.prog)
	args.data = os.path.abspath(args.data)
	args.workdir = os.path.abspath(args.workdir)
	os.makedirs(args.workdir, exist_ok=True)
	if args.only == 'utmp-file':
		utmp_file(args)
		return 1 if failures else 0
	if args.only == 'programs':
		programs(args)
		return 1 if failures else 0
	probe = run(['unshare', '-m', 'sh', '-c',
		     'mount --bind / /mnt && echo ok'], '/')
	if probe[1].strip() != b'ok':
		print('SKIP: no private mount namespace (unshare -m): %s' %
		      probe[2].decode(errors='replace'), file=sys.stderr)
		return 77
	for name, argv, setup in CASES:
		if not args.case or name in args.case:
			one_case(args, name, argv, setup)
	if not args.only and not args.case:
		utmp_file(args)
		programs(args)
	return 1 if failures else 0


if __name__ == '__main__':
	sys.exit(main())
