# dash: -c scripts with loops, arithmetic, case, functions, here-docs, traps.
t dash -c 'i=0; while [ $i -lt 5 ]; do printf "%s " $((i * i)); i=$((i + 1)); done; echo'
t dash -c 'for w in apple 12 -x "" z.txt; do case $w in [0-9]*) echo num;; -*) echo opt;; *.txt) echo file;; "") echo empty;; *) echo word:$w;; esac; done'
t dash -c 'f() { local x=$1; shift; echo "$x:$#:$*"; return 3; }; f a b c; echo rc=$?'
t dash -c 'cat <<EOT
home is set: ${HOME:+yes}
arith $(( (7 + 3) * 2 % 7 )) ${#PATH}
EOT
cat <<"Q"
$not_expanded
Q'
t dash -c 'set -- x y z; IFS=:; echo "$*"; unset IFS; v=a.b.c; echo ${v%.*} ${v#*.} ${v%%.*} ${v##*.}'
t dash -c 'trap "echo trapped" EXIT; (exit 7); echo sub=$?; false || echo or; true && echo and'
t dash -c 'read a b <<EOT
1 2 3
EOT
echo "$a|$b"; x=$(echo nested $(echo deep)); echo $x; exit 42'
printf 'echo from stdin; echo $((1<<10))\n' | t dash -s
cat >script.sh <<'X'
#!/bin/sh
count=0
for f in "$@"; do count=$((count + 1)); echo "arg $count: $f"; done
printf '%s\n' "$0" | sed 's,.*/,,'
exit $count
X
t dash script.sh one "two words" three
t dash -c 'eval "x=\$((3+4))"; echo $x; echo ${undefined?is unset}'
