# bash: arrays, [[ ]], ${var//}, printf -v, mapfile, arithmetic, functions,
# subshell statuses, assoc arrays, a script file.
t bash -c 'a=(one two "three four"); a+=(five); echo ${#a[@]} "${a[2]}" "${a[@]:1:2}"; for i in "${!a[@]}"; do printf "%d=%s;" $i "${a[i]}"; done; echo'
t bash -c 's="hello world hello"; echo "${s//hello/bye}" "${s/#hello/HI}" "${s^^}" "${s:6:5}" "${#s}"'
t bash -c 'x=abc123; if [[ $x =~ ^([a-z]+)([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}"; fi; [[ -n $x && $x == a* ]] && echo glob'
t bash -c 'printf -v out "%05.1f|%-4s|" 3.14159 ab; echo "$out"; printf "%(%Y-%m-%d)T\n" 86400'
t bash -c 'mapfile -t lines < <(printf "l1\nl2\nl3\n"); echo ${#lines[@]} ${lines[-1]}; readarray -d , -t parts <<<"a,b,c"; declare -p parts'
t bash -c 'echo $(( 2**10 + 7 % 3 )) $(( (5 > 3) ? 1 : 0 )); let "y = 6 * 7"; echo $y; ((y++)); echo $y $((16#ff)) $((-7 / 2))'
t bash -c 'declare -A m=([b]=2 [a]=1 [c]=3); for k in $(printf "%s\n" "${!m[@]}" | sort); do echo "$k=${m[$k]}"; done'
t bash -c 'fib() { local n=$1; (( n < 2 )) && { echo $n; return; }; echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); }; fib 8'
t bash -c '(exit 5); echo $?; ( set -e; false; echo never ); echo sub=$?; set -o pipefail; false | true; echo pipe=$?'
t bash -c 'shopt -s extglob nullglob
cd "$HOME/.." 2>/dev/null; echo +(x)*.none; v="  trim  "; v="${v##+( )}"; echo "[${v%%+( )}]"'
t bash -c 'exit 3'
cat >script.bash <<'X'
#!/bin/bash
set -u
declare -i total=0
sum() { local -n ref=$1; for v in "${ref[@]}"; do total+=v; done; }
nums=(3 5 8 13)
sum nums
echo "total=$total"
case "${1:-}" in
	--verbose|-v) echo verbose ;;
	*) echo quiet ;;
esac
while IFS=: read -r k v; do echo "$v<-$k"; done <<< $'a:1\nb:2'
trap 'echo "bye $?"' EXIT
exit 4
X
t bash script.bash -v
t bash --norc --noprofile script.bash
