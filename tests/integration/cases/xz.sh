# xz: compress (bytes compared by md5), -9/-0, decompress, round trip, -t.
mk_tree tree
seq 1 20000 >big.txt
fix_times big.txt
tb xz -c big.txt
tb xz -6 -c tree/data.bin
tb xz -0 -c <big.txt
xz -c big.txt >big.txt.xz
tb xz -d -c big.txt.xz
run xz -dc big.txt.xz | t md5sum
cp tree/b.txt b.txt
t xz -v b.txt
t ls b.txt*
t xz -d b.txt.xz
t cat b.txt
t xz -t big.txt.xz
printf 'garbage' >bad.xz
t xz -d -c bad.xz
