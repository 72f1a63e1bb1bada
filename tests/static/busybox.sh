#!/bin/sh
# busybox.sh SHIM BUSYBOX: Debian's busybox-static (a static program, all
# of whose system calls the shim traps) runs 30 applets natively and
# through the shim in direct use, on inputs made here; each applet's
# stdout and exit status must be the same both ways. Then, with a
# prefix, files that exist only under it are found.
set -u
shim=$(realpath -e "$1") && bb=$(realpath -e "$2") || exit 1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
mkdir -p tree/a/b tree/c
printf 'pear\napple\nfig\napple\nbanana\n' > words
printf '3 x\n1 y\n2 z\n10 w\n' > nums
printf 'hello\n' > tree/a/b/f1
printf 'world\n' > tree/c/f2
ln -s ../c/f2 tree/a/link
printf 'one\ntwo\n' > diff1
printf 'one\n2\n' > diff2

# One invocation per line: the applet and its arguments, run by the shell.
cat > cases <<'CASES'
cat words
sort words
sort -n nums
sort -u words
uniq -c words
wc words
head -n 2 words
tail -n 2 words
cut -d' ' -f2 nums
tr a-z A-Z < words
sed -n 's/p/P/gp' words
grep -c apple words
awk '{ s += $1 } END { print s }' nums
md5sum words nums
sha256sum words
find tree -type f
ls -R tree
readlink tree/a/link
stat -c '%s %n' words nums
expr 3 + 4
seq 1 5
printf '%s-%d\n' a 1 b 2
basename /a/b/c.txt .txt
dirname /a/b/c.txt
date -u -d @86400 +%Y-%m-%d
diff diff1 diff2
od -c words
sh -c 'x=0; for i in 1 2 3; do x=$((x + i)); done; echo $x'
sh -c 'cat words | sort | head -n 1'
env -i A=1 env
CASES

fail=0
n=0
while IFS= read -r line; do
	n=$((n + 1))
	eval "\"$bb\" $line" > native.out 2>&1
	ns=$?
	eval "\"$shim\" \"$bb\" $line" > shim.out 2>&1
	ss=$?
	if ! cmp -s native.out shim.out || [ "$ns" != "$ss" ]; then
		echo "busybox $line: differs (status $ns natively, $ss through the shim)"
		diff native.out shim.out | head -n 10
		fail=1
	fi
done < cases
[ "$fail" = 0 ] && echo "busybox: $n applet runs the same natively and through the shim"

# With a prefix, the raw system calls see it: a file and a directory that
# exist only under the prefix (the reroot, FreeBSD's /compat/linux).
mark=/etc/shim-static-marker-$$
mkdir -p "prefix$mark.d"
printf 'from the prefix\n' > "prefix$mark"
printf 'in a directory of the prefix\n' > "prefix$mark.d/f"
got=$("$shim" --prefix "$dir/prefix" "$bb" cat "$mark" 2>&1)
if [ "$got" != "from the prefix" ]; then
	echo "busybox cat $mark with --prefix: got '$got'"
	fail=1
fi
got=$("$shim" --prefix "$dir/prefix" "$bb" ls "$mark.d" 2>&1)
if [ "$got" != "f" ]; then
	echo "busybox ls $mark.d with --prefix: got '$got'"
	fail=1
fi
got=$(SHIM_PREFIX="$dir/prefix" "$shim" "$bb" sh -c "cat $mark.d/f" 2>&1)
if [ "$got" != "in a directory of the prefix" ]; then
	echo "busybox sh -c 'cat $mark.d/f' with SHIM_PREFIX: got '$got'"
	fail=1
fi
[ -e "$mark" ] && { echo "$mark exists on the host: test is void"; fail=1; }
[ "$fail" = 0 ] && echo "busybox: the prefix is seen through raw system calls"
exit $fail
