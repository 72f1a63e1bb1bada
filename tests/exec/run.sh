#!/bin/sh
# A guest's children keep running through the shim: a program it executes
# (execve, execvp via bash, posix_spawn via system()/popen()) and a script
# whose interpreter is a Linux program. Each child reports whether the shim
# is mapped in it; native children (host programs) would say "native".
set -u
SHIM=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
probe='if grep -q ld-linux-shim /proc/$$/maps; then echo shim; else echo native; fi'
printf '#!/bin/sh\n%s\n' "$probe" > "$work/script"
chmod +x "$work/script"
fail=0
check() {	# NAME EXPECTED COMMAND...
	name=$1 want=$2
	shift 2
	got=$("$@" 2>&1)
	if [ "$got" = "$want" ]; then
		echo "ok: $name"
	else
		echo "FAIL: $name: got '$got', want '$want'"
		fail=1
	fi
}
check "bash -c runs through the shim" shim "$SHIM" /bin/bash -c "$probe"
check "bash's child (execve)" shim "$SHIM" /bin/bash -c "/bin/sh -c '$probe'"
check "PATH search (execvp)" shim "$SHIM" /bin/bash -c "sh -c '$probe'"
check "script with #! interpreter" shim "$SHIM" /bin/bash -c "$work/script"
check "system() via perl" shim "$SHIM" /usr/bin/perl -e "system('$work/script')"
check "popen() via python" shim "$SHIM" /usr/bin/python3 -c \
	"import os; print(os.popen('$work/script').read(), end='')"
check "natively, nothing changes" native /bin/bash -c "$probe"
exit $fail
