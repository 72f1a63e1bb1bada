#!/bin/sh
# shim-check's tests: run.sh STEP SHIM_CHECK WORKDIR SRCDIR CC SHIM
# "fixtures" builds the fixture libraries with the system compiler; every
# other step checks one output of shim-check on them. "load" compares
# shim-check --load with native dlopen (dlo.c); "browser" renders the HTML
# report in headless Chromium and checks it against the JSON of the run.
set -u
step=$1 sc=$2 w=$3 src=$4 cc=$5 shim=$6
fail() { echo "FAIL: $*"; exit 1; }
# Escape a literal for grep -E.
re() { printf '%s' "$1" | sed 's/[].[^$*+?(){}|\\]/\\&/g'; }
json_ok() { python3 -c 'import json,sys; json.load(sys.stdin)'; }
# Run shim-check, keep stdout in $w/out.$step, expect exit status $1.
run() {
	want=$1; shift
	"$sc" "$@" > "$w/out.$step" 2> "$w/err.$step"; rc=$?
	cat "$w/out.$step" "$w/err.$step"
	[ "$rc" = "$want" ] || fail "shim-check $*: exit $rc, want $want"
}
has() { grep -qE -- "$1" "$w/out.$step" || fail "no line matching '$1'"; }

case $step in
fixtures)
	rm -rf "$w" && mkdir -p "$w/fake" "$w/lib/gone" "$w/lib/nsl" \
		"$w/load/gone" "$w/prefix/usr/lib/x86_64-linux-gnu" || exit 1
	# An unsupported libc.so.6 symbol@version, taken from the symmaps.
	list=$("$sc" --help | sed -n 's/^Default symmap list: //p')
	u=$(awk '$1 == "libc.so.6" && $3 == "unsupported" &&
		$2 ~ /^[A-Za-z_][A-Za-z0-9_]*@GLIBC_[0-9.]+$/ {
			print $2; exit }' "$list") && [ -n "$u" ] ||
		fail "no unsupported libc.so.6 symbol in $list"
	echo "$u" > "$w/unsup.txt"
	un=${u%@*} uv=${u#*@}
	{
		if [ "$uv" = GLIBC_2.2.5 ]; then
			echo "GLIBC_2.2.5 { global: strlen; $un; local: *; };"
			echo "GLIBC_9.99 { global: sc_future; } GLIBC_2.2.5;"
		else
			echo "GLIBC_2.2.5 { global: strlen; local: *; };"
			echo "$uv { global: $un; } GLIBC_2.2.5;"
			echo "GLIBC_9.99 { global: sc_future; } $uv;"
		fi
		echo "GLIBC_PRIVATE { global: __sc_private; } GLIBC_9.99;"
	} > "$w/fake/libc.map"
	set -e
	$cc -shared -fPIC -O0 -nostdlib -fno-builtin -DSC_UNSUP="$un" \
		-Wl,-soname,libc.so.6 -Wl,--version-script="$w/fake/libc.map" \
		-o "$w/fake/libc.so.6" "$src/fakelibc.c"
	$cc -shared -fPIC -Wl,-soname,libscgone.so -o "$w/lib/gone/libscgone.so" \
		"$src/gone.c"
	cp "$w/lib/gone/libscgone.so" "$w/prefix/usr/lib/x86_64-linux-gnu/"
	$cc -shared -fPIC -o "$w/lib/libscgood.so" "$src/good.c"
	$cc -shared -fPIC -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/gone' \
		-o "$w/lib/libscrun.so" "$src/run.c" "$w/lib/gone/libscgone.so"
	$cc -shared -fPIC -nostdlib -fno-builtin -DSC_UNSUP="$un" \
		-Wl,--no-as-needed -o "$w/lib/libscbad.so" "$src/bad.c" \
		"$w/fake/libc.so.6" "$w/lib/gone/libscgone.so"
	mkdir "$w/lib/gconv" && cp "$w/lib/libscbad.so" "$w/lib/gconv/X.so"
	$cc -shared -fPIC -nostdlib -o "$w/lib/libscpriv.so" "$src/priv.c" \
		"$w/fake/libc.so.6"
	$cc -shared -fPIC -Wl,-soname,libnsl.so.1 -o "$w/lib/nsl/libnsl.so.1" \
		"$src/gone.c"
	echo 'not an ELF file' > "$w/lib/README"
	# A private library directory: libscpa.so needs its sibling
	# libscpb.so without any RPATH (the loading program names the dir).
	mkdir -p "$w/private"
	$cc -shared -fPIC -Wl,-soname,libscgone.so -o "$w/private/libscgone.so" \
		"$src/gone.c"
	$cc -shared -fPIC -o "$w/private/libscpa.so" "$src/run.c" \
		"$w/private/libscgone.so"
	# --load: one library of each outcome, a program, the native oracle.
	l=$w/load
	$cc -shared -fPIC -o "$l/libldgood.so" "$src/ldgood.c"
	$cc -shared -fPIC -o "$l/libldcrash.so" "$src/ldcrash.c"
	$cc -shared -fPIC -o "$l/libldexit.so" "$src/ldexit.c"
	$cc -shared -fPIC -o "$l/libldhang.so" "$src/ldhang.c"
	$cc -shared -fPIC -o "$l/libldundef.so" "$src/ldundef.c"
	$cc -shared -fPIC -Wl,-soname,libldnothere.so \
		-o "$l/gone/libldnothere.so" "$src/gone.c"
	$cc -shared -fPIC -Wl,--no-as-needed -o "$l/libldneed.so" \
		"$src/ldneed.c" "$l/gone/libldnothere.so"
	rm -r "$l/gone"
	$cc -fPIE -pie -o "$l/ldprog" "$src/ldprog.c"
	$cc -o "$w/dlo" "$src/dlo.c"
	;;
table)
	run 1 "$w/lib" "$w/fake/libc.so.6"
	has '^ok +[0-9]+/[0-9]+  .*/lib/libscgood\.so$'
	has '^ok +[0-9]+/[0-9]+  .*/lib/libscrun\.so$'
	has '^partial +1/3  .*/lib/libscbad\.so$'
	has '^ +missing symbol +sc_future@GLIBC_9\.99$'
	has "^ +unsupported symbol +$(re "$(cat "$w/unsup.txt")")\$"
	has '^ +missing library +libscgone\.so$'
	has '^glibc .*/fake/libc\.so\.6$'
	has '^glibc .*/lib/gconv/X\.so$'
	has '^glibc .*/lib/libscpriv\.so$'
	has '^glibc .*/lib/nsl/libnsl\.so\.1$'
	has '^ok .*/lib/gone/libscgone\.so$'
	grep -q README "$w/out.$step" && fail "non-ELF file listed"
	has '^4 objects: 3 ok, 1 partial \(4 glibc skipped\)$'
	;;
json)
	run 1 --json "$w/lib"
	json_ok < "$w/out.$step" || fail "invalid JSON"
	python3 - "$w/out.$step" "$(cat "$w/unsup.txt")" <<'PY' ||
import json, sys
d = json.load(open(sys.argv[1]))
o = {x["path"].rsplit("/", 1)[1]: x for x in d["objects"]}
assert d["summary"] == {"objects": 4, "ok": 3, "partial": 1, "glibc": 3,
	"not_elf": 0}, d["summary"]
b = o["libscbad.so"]
assert b["status"] == "partial" and b["kind"] == "library"
assert b["imports"] == {"total": 3, "provided": 1}, b["imports"]
assert b["missing"] == ["sc_future@GLIBC_9.99"], b["missing"]
assert b["unsupported"] == [sys.argv[2]], b["unsupported"]
assert "load" not in b, b
n = {x["name"]: x["where"] for x in b["needed"]}
assert n == {"libc.so.6": "built-in", "libscgone.so": "missing"}, n
g = o["libscgood.so"]
assert g["status"] == "ok" and g["imports"]["total"] >= 2
assert g["imports"]["total"] == g["imports"]["provided"]
r = {x["name"]: x for x in o["libscrun.so"]["needed"]}
assert r["libscgone.so"]["where"] == "host", r
assert r["libscgone.so"]["path"].endswith("/lib/gone/libscgone.so"), r
assert o["X.so"]["status"] == "glibc"
assert o["X.so"]["glibc_reason"] == "gconv module", o["X.so"]
p = o["libscpriv.so"]
assert p["status"] == "glibc", p
assert p["glibc_reason"] == "imports GLIBC_PRIVATE", p
assert o["libnsl.so.1"]["status"] == "glibc", o["libnsl.so.1"]
assert o["libnsl.so.1"]["glibc_reason"] == "glibc soname"
print("json ok")
PY
		fail "wrong JSON content"
	;;
beside)
	# Found beside the library: ok, and the JSON says how it was found;
	# a program does not get that lookup.
	run 0 --json "$w/private"
	python3 - "$w/out.$step" <<'PY' ||
import json, sys
d = json.load(open(sys.argv[1]))
o = {x["path"].rsplit("/", 1)[1]: x for x in d["objects"]}
n = {x["name"]: x for x in o["libscpa.so"]["needed"]}
assert o["libscpa.so"]["status"] == "ok", o["libscpa.so"]
assert n["libscgone.so"]["where"] == "host", n
assert n["libscgone.so"].get("beside") is True, n
assert n["libscgone.so"]["path"].endswith("/private/libscgone.so"), n
assert "beside" not in n["libc.so.6"], n
print("beside ok")
PY
		fail "wrong JSON content"
	;;
html)
	rm -f "$w/report.html"
	run 1 --html "$w/report.html" "$w/lib"
	f=$w/report.html
	[ -s "$f" ] || fail "no HTML written"
	for p in '<table id="objs">' 'libscbad.so</td>' 'libscgood.so</td>' \
	    'sc_future@GLIBC_9.99' '<span id="sum-partial"[^>]*>1 partial' \
	    '<script>' 'style="width:33.3%"'; do
		grep -q -- "$p" "$f" || fail "HTML lacks $p"
	done
	[ "$(grep -c '<tbody>' "$f")" = 7 ] || fail "want 7 object rows"
	grep -qE 'https?://|src=' "$f" && fail "HTML refers to the network"
	echo "html ok: $f"
	;;
exit)
	run 0 "$w/lib/libscgood.so"
	run 1 "$w/lib/libscbad.so"
	run 2 "$w/nonexistent"
	grep -q "nonexistent: No such file" "$w/err.$step" || fail "message"
	run 2 --bogus "$w/lib"
	run 2
	run 2 --symmaps "$w/none.txt" "$w/lib/libscgood.so"
	grep -q "none.txt" "$w/err.$step" || fail "message names the file"
	run 0 "$w/lib/README"
	has '^not-elf .*README$'
	;;
prefix)
	run 1 --json --prefix "$w/prefix" "$w/lib/libscbad.so"
	json_ok < "$w/out.$step" || fail "invalid JSON"
	grep -q '"name": "libscgone.so", "where": "prefix"' "$w/out.$step" ||
		fail "libscgone.so not found in the prefix"
	;;
system)
	run 0 /usr/bin/ls /usr/bin/sort
	has '^ok .*/usr/bin/ls$'
	has '^ok .*/usr/bin/sort$'
	has '^2 objects: 2 ok, 0 partial'
	# Debian's glibc programs that import GLIBC_PRIVATE are glibc's own.
	for p in /usr/bin/gencat /usr/bin/getent /usr/bin/iconv; do
		[ -f "$p" ] || continue
		readelf -V "$p" | grep -q GLIBC_PRIVATE || continue
		run 0 "$p"
		has "^glibc .*$(re "$p")\$"
	done
	;;
load)
	exec python3 "$src/load_check.py" "$sc" "$shim" "$w"
	;;
browser)
	exec python3 "$src/browser_check.py" "$sc" "$shim" "$w"
	;;
*)
	fail "unknown step $step"
	;;
esac
exit 0
