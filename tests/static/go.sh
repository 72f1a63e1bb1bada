#!/bin/sh
# go.sh SHIM GOTEST: the static Go program (go/main.go) natively and
# through the shim in direct use, beside a file it finds through
# os.Executable; the directory it lists exists only under the prefix
# given to the shim, and natively is given by its host path.
set -u
shim=$(realpath -e "$1") && prog=$(realpath -e "$2") || exit 1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
cp "$prog" "$dir/gotest" && printf 'beside the program\n' > "$dir/beside.txt"
d=/etc/shim-go-dir-$$
mkdir -p "$dir/prefix$d" && : > "$dir/prefix$d/one" && : > "$dir/prefix$d/two"
"$dir/gotest" "$dir/prefix$d" > "$dir/native" 2>&1
n=$?
"$shim" --prefix "$dir/prefix" "$dir/gotest" "$d" > "$dir/shim" 2>&1
s=$?
if ! cmp -s "$dir/native" "$dir/shim" || [ "$n" != "$s" ]; then
	echo "go: differs (status $n natively, $s through the shim):"
	diff "$dir/native" "$dir/shim"
	exit 1
fi
cat "$dir/shim"
echo "go: same output, exit status $n"
