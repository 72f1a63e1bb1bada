#!/bin/sh
# patch.sh SHIM PATCHPROG: hot system call sites (patchprog.c) natively
# and through the shim with a prefix: the same output, registers kept
# across every call, the path call rerooted, with sites patched and with
# every call trapped (SHIM_PATCH=0); through the shim both sites are
# rewritten (jmp), and with SHIM_PATCH=0 neither is. The same with four
# threads running the sites while they are rewritten.
set -u
shim=$(realpath -e "$1") && prog=$(realpath -e "$2") || exit 1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
f=/etc/shim-patch-$$
mkdir -p "$dir/prefix/etc" && echo 'only under the prefix' > "$dir/prefix$f"
for mode in "" threads; do
	"$prog" "$dir/prefix$f" $mode > "$dir/native" 2>&1
	n=$?
	# Patched, and trapped on every call (SHIM_PATCH=0: the trap's own
	# ways, the kernel's calls made from the SIGSYS entry itself).
	for patch in 1 0; do
		SHIM_PATCH=$patch "$shim" --prefix "$dir/prefix" "$prog" "$f" \
			$mode > "$dir/shim" 2>&1
		s=$?
		if ! cmp -s "$dir/native" "$dir/shim" || [ "$n" != "$s" ] ||
		    [ "$n" != 0 ]; then
			echo "patch: SHIM_PATCH=$patch $mode: differs" \
				"(status $n natively, $s through the shim):"
			diff "$dir/native" "$dir/shim"
			exit 1
		fi
		cat "$dir/shim"
	done
done
fail=0
check() {
	want=$1
	shift
	got=$("$@" 2>&1 | tail -n 1)
	echo "$got"
	if [ "$got" != "$want" ]; then
		echo "patch: expected: $want"
		fail=1
	fi
}
check "getppid site: mov, openat site: mov, stack site: mov" "$prog" "$dir/prefix$f" site
check "getppid site: jmp, openat site: jmp, stack site: jmp" \
	"$shim" --prefix "$dir/prefix" "$prog" "$f" site
check "getppid site: mov, openat site: mov, stack site: mov" \
	env SHIM_PATCH=0 "$shim" --prefix "$dir/prefix" "$prog" "$f" site
check "getppid site: jmp, openat site: jmp, stack site: jmp" \
	"$shim" --prefix "$dir/prefix" "$prog" "$f" threads-site
exit $fail
