#!/bin/sh
# run.sh SHIM PROG: PROG natively and through SHIM (direct mode), with a
# file to read as argument; stdout and the exit status must be the same.
set -u
shim=$1 prog=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
printf 'a line to read\n' > "$dir/file"
"$prog" "$dir/file" > "$dir/native" 2>&1
n=$?
"$shim" "$prog" "$dir/file" > "$dir/shim" 2>&1
s=$?
if ! cmp -s "$dir/native" "$dir/shim"; then
	echo "static: $prog: output differs (native, then shim):"
	diff "$dir/native" "$dir/shim"
	exit 1
fi
if [ "$n" != "$s" ]; then
	echo "static: $prog: exit status $n natively, $s through the shim"
	exit 1
fi
echo "static: $prog: same output, exit status $n"
