# tests/integration/lib.sh — the environment a case file runs in.
#
# Sourced by run-case (in a clean bash, cwd = an empty scratch directory)
# before the case file.  Provides:
#   run PROG ARGS...   run /usr/bin/PROG (or an absolute PROG) in the current
#                      mode: native, direct ($SHIM PROG) or interp (a
#                      patchelf'ed copy whose PT_INTERP is the shim, started
#                      with argv[0] set to the real path).  Returns its status.
#   t PROG ARGS...     one recorded invocation: prints "$ PROG ARGS", the
#                      program's stdout, then a newline and "[exit N]".  May
#                      be the last element of a pipeline; may take
#                      redirections.
#   tb PROG ARGS...    like t, for binary output: prints the md5 and the size
#                      of stdout instead of the bytes.
#   note TEXT...       prints a line into the transcript (for side checks).
#   mk_tree DIR        a fixed fixture tree (names, sizes, modes, mtimes).
#   fix_times PATH...  sets fixed, distinct mtimes under PATH (sorted order).
#   gen_bytes N SEED   N deterministic pseudo-random bytes on stdout.
#   compressor_case PROG EXT HIGH LOW
#                      the case of a gzip-like compressor: compress (bytes
#                      compared by md5) at the default level, HIGH and LOW,
#                      decompress, round trip in place, -t, a bad input.
#   digest_case PROG   the case of an md5sum-like program: digests of files
#                      and stdin, --tag, and --check with a bad line.
# Helpers other than run/t/tb use the native tools: they build inputs and
# inspect results the same way in every mode.  The native run is the oracle:
# case files never hard-code expected output.

set +e
export -n LXIT_MODE LXIT_SHIM LXIT_WORK
umask 022

LXIT_BIN=$LXIT_WORK/bin

# The interp-mode copy of PATH, in $LXIT_COPY: made once per test,
# atomically (a pipeline may run the same program twice at once).
lxit_copy() {
	local path=$1 tmp
	LXIT_COPY=$LXIT_BIN/${path##*/}
	[ -x "$LXIT_COPY" ] && return 0
	mkdir -p "$LXIT_BIN"
	tmp=$LXIT_COPY.tmp.$BASHPID
	if ! patchelf --set-interpreter "$LXIT_SHIM" --output "$tmp" \
	    "$path" >&2; then
		echo "lxit: patchelf failed on $path" >&2
		echo "patchelf $path" >>"$LXIT_WORK/broken"
		return 1
	fi
	mv -f "$tmp" "$LXIT_COPY"
}

run() {
	local name=$1 path
	shift
	case $name in
	/*) path=$name ;;
	*) path=/usr/bin/$name ;;
	esac
	if [ ! -x "$path" ]; then
		echo "lxit: $path: not installed" >&2
		echo "$path" >>"$LXIT_WORK/missing"
		return 127
	fi
	echo "$path" >>"$LXIT_WORK/$LXIT_MODE.runs"
	case $LXIT_MODE in
	native)
		"$path" "$@"
		;;
	direct)
		"$LXIT_SHIM" "$path" "$@"
		;;
	interp)
		lxit_copy "$path" || return 126
		(exec -a "$path" "$LXIT_COPY" "$@")
		;;
	esac
}

# The header line of an invocation, in $LXIT_H: the command, newlines
# shown as " | ", cut to 160 columns.  Builtins only: forks are slow.
lxit_header() {
	LXIT_H="$*"
	LXIT_H=${LXIT_H//$'\n'/ | }
	LXIT_H=${LXIT_H//$'\t'/ }
	[ ${#LXIT_H} -gt 160 ] && LXIT_H="${LXIT_H:0:157}..."
	LXIT_H="\$ $LXIT_H"
}

# After the output: a blank line (so "[exit N]" stands on its own line even
# when the output lacks a final newline), the status, and the bookkeeping
# that run-case checks (status list, "some output was printed").
lxit_record() {
	local st=$1 out=$2
	[ -s "$out" ] && : >"$LXIT_WORK/$LXIT_MODE.nonempty"
	printf '\n[exit %d]\n' "$st"
	printf '%s\t%s\n' "$LXIT_H" "$st" >>"$LXIT_WORK/$LXIT_MODE.status"
}

t() {
	local out=$LXIT_WORK/out.$BASHPID st
	lxit_header "$@"
	printf '%s\n' "$LXIT_H"
	run "$@" >"$out"
	st=$?
	cat "$out"
	lxit_record "$st" "$out"
}

tb() {
	local out=$LXIT_WORK/out.$BASHPID st sum
	lxit_header "$@"
	printf '%s\n' "$LXIT_H"
	run "$@" >"$out"
	st=$?
	read -r sum _ < <(md5sum "$out")
	printf 'md5 %s size %s' "$sum" "$(stat -c %s "$out")"
	lxit_record "$st" "$out"
}

note() {
	printf '# %s\n' "$*"
}

gen_bytes() {
	mawk -v n="$1" -v s="$2" 'BEGIN {
		for (i = 0; i < n; i++) {
			s = (s * 1103515245 + 12345) % 2147483648
			printf "%c", int(s / 65536) % 256
		}
	}'
}

fix_times() {
	local i=0 f
	find "$@" -print | LC_ALL=C sort | while IFS= read -r f; do
		touch -h -d "@$((1680000000 + i * 86400 + i * 37))" "$f"
		i=$((i + 1))
	done
}

mk_tree() {
	local d=$1
	mkdir -p "$d/sub/deep" "$d/empty-dir" "$d/docs"
	printf 'alpha\nbeta\ngamma\n' >"$d/a.txt"
	printf 'one two three\nfour five six\nseven eight nine ten\n' \
	    >"$d/b.txt"
	: >"$d/empty"
	gen_bytes 5000 7 >"$d/data.bin"
	seq 1 300 >"$d/sub/numbers.txt"
	printf 'deep file\nERROR: disk full\nwarning: low memory\n' \
	    >"$d/sub/deep/log.log"
	printf 'The quick brown fox\njumps over the lazy dog\n' \
	    >"$d/docs/fox.md"
	printf 'readme for docs\nsee fox.md\n' >"$d/docs/README"
	printf 'spaced\n' >"$d/with space.txt"
	printf '#!/bin/sh\necho hello\n' >"$d/run.sh"
	chmod 755 "$d/run.sh"
	chmod 600 "$d/b.txt"
	ln -s a.txt "$d/link-to-a"
	ln -s sub/deep "$d/link-to-deep"
	fix_times "$d"
}

compressor_case() {
	local prog=$1 ext=$2 high=$3 low=$4
	mk_tree tree
	seq 1 20000 >big.txt
	fix_times big.txt
	tb "$prog" -c big.txt
	tb "$prog" "$high" -c tree/data.bin
	tb "$prog" "$low" -c <big.txt
	"$prog" -c big.txt >"big.txt.$ext"
	tb "$prog" -d -c "big.txt.$ext"
	run "$prog" -dc "big.txt.$ext" | t md5sum
	cp tree/b.txt b.txt
	t "$prog" -v b.txt
	t ls b.txt*
	t "$prog" -d "b.txt.$ext"
	t cat b.txt
	t "$prog" -t "big.txt.$ext"
	printf 'garbage' >"bad.$ext"
	t "$prog" -d -c "bad.$ext"
}

digest_case() {
	local prog=$1
	mk_tree tree
	t "$prog" tree/a.txt tree/data.bin tree/empty
	printf 'stdin data' | t "$prog"
	t "$prog" --tag tree/b.txt
	"$prog" tree/a.txt tree/docs/fox.md >sums
	printf 'changed\n' >>tree/docs/fox.md
	t "$prog" -c sums
	t "$prog" --check --quiet sums
}
