#!/bin/sh
# tests/kinds/run.sh MODE SHIM PATCHELF PROG [ARGS...]: runs a kinds test
# program natively (MODE native), through the shim (direct: SHIM PROG) or
# as a fresh copy whose PT_INTERP is the shim (interp). The exit status is
# the program's.
set -eu
mode=$1 shim=$2 patchelf=$3 prog=$4
shift 4
unset LD_LIBRARY_PATH LD_PRELOAD SHIM_PREFIX POSIXLY_CORRECT
export LC_ALL=C
case $mode in
native)
	exec "$prog" "$@" ;;
direct)
	exec "$shim" "$prog" "$@" ;;
interp)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/kinds-interp.XXXXXX")
	trap 'rm -rf "$dir"' EXIT
	copy=$dir/$(basename "$prog")
	cp "$prog" "$copy"
	"$patchelf" --set-interpreter "$shim" "$copy"
	status=0
	"$copy" "$@" || status=$?
	exit "$status" ;;
*)
	echo "run.sh: unknown mode $mode" >&2
	exit 2 ;;
esac
