# sort: numeric, reverse, keys, unique, separators, stable, merge, check.
cat >data.txt <<'X'
banana 3 yellow
apple 10 red
cherry 2 red
apple 1 green
date 25 brown
banana 3 green
Elder 7 black
X
printf '10\n9\n-3\n2.5\n100\n0x10\n1e3\n\n007\n' >nums.txt
printf 'c:3:z\na:1:y\nb:2:x\na:10:w\n' >colon.txt
t sort data.txt
t sort -n nums.txt
t sort -r -n -k 2 data.txt
t sort -k 3,3 -k 1,1r data.txt
t sort -u -k1,1 data.txt
t sort -t : -k 2n colon.txt
t sort -t: -rk3 colon.txt
t sort -f -s -k1,1 data.txt
t sort -g nums.txt
printf '3\n1\n2\n' | t sort - nums.txt -n
t sort -c data.txt
t sort -m <(printf '1\n3\n5\n') <(printf '2\n4\n')
t sort -o sorted.txt -k2,2n data.txt
t cat sorted.txt
