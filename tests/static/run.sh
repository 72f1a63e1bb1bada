#!/bin/sh
# run.sh SHIM PROG: PROG natively and through SHIM (direct mode), with a
# file to read as argument; stdout and the exit status must be the same.
# Then once more with a prefix: the second argument, a file the programs
# PROG spawns read, is under the prefix only (natively it is named by its
# full path), so they must run through the shim, with its prefix.
set -u
shim=$1 prog=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
printf 'a line to read\n' > "$dir/file"
mkdir "$dir/root"
printf 'only under the prefix\n' > "$dir/root/spawn-marker"
check() {	# NAME NATIVE-STATUS SHIM-STATUS
	if ! cmp -s "$dir/native" "$dir/shim"; then
		echo "static: $prog: $1: output differs (native, then shim):"
		diff "$dir/native" "$dir/shim"
		exit 1
	fi
	if [ "$2" != "$3" ]; then
		echo "static: $prog: $1: exit status $2 natively, $3 through" \
			"the shim"
		exit 1
	fi
	echo "static: $prog: $1: same output, exit status $2"
}
"$prog" "$dir/file" > "$dir/native" 2>&1
n=$?
"$shim" "$prog" "$dir/file" > "$dir/shim" 2>&1
check plain $n $?
"$prog" "$dir/file" "$dir/root/spawn-marker" > "$dir/native" 2>&1
n=$?
"$shim" --prefix "$dir/root" "$prog" "$dir/file" /spawn-marker \
	> "$dir/shim" 2>&1
check prefix $n $?
