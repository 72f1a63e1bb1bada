# mawk: field splitting, printf, arrays, regex match, functions, getline.
cat >data.txt <<'X'
alice,30,paris,1200.50
bob,25,london,980
carol,35,paris,2100.75
dave,40,berlin,1500
eve,28,london,1750.25
X
t mawk -F, '{ print $1, $3 }' data.txt
t mawk -F, '{ s[$3] += $4; n[$3]++ } END { for (c in s) printf "%-8s %3d %10.2f\n", c, n[c], s[c] | "sort" }' data.txt
t mawk -F, '$2 > 28 && $3 ~ /^p/ { print NR": "$0 }' data.txt
t mawk 'BEGIN { x = "a:b::c"; n = split(x, p, ":"); for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; print length(x), substr(x, 3, 3), index(x, "::"), toupper(x) }'
t mawk -v OFS='|' -F, '{ $2 = $2 * 2; print }' data.txt
t mawk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { for (i = 1; i <= 10; i++) printf "%d! = %d\n", i, fact(i) }'
t mawk '{ gsub(/[aeiou]/, "_"); print; if (match($0, /[0-9]+/)) print RSTART, RLENGTH }' data.txt
t mawk 'BEGIN { while ((getline line < "data.txt") > 0) c++; print c; printf "%5.3e %o %x %c\n", 1234.5, 8, 255, 65 }'
printf 'a b  c\n\td e\n' | t mawk '{ print NF ":" $NF }'
t mawk 'BEGIN { RS = ""; FS = "\n" } { print NR, $1 }' <(printf 'p1a\np1b\n\n\np2a\n')
