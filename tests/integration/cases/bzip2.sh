# bzip2: compress (bytes compared by md5), -9/-1, decompress, round trip, -t.
mk_tree tree
seq 1 20000 >big.txt
fix_times big.txt
tb bzip2 -c big.txt
tb bzip2 -9 -c tree/data.bin
tb bzip2 -1 -c <big.txt
bzip2 -c big.txt >big.txt.bz2
tb bzip2 -d -c big.txt.bz2
run bzip2 -dc big.txt.bz2 | t md5sum
cp tree/b.txt b.txt
t bzip2 -v b.txt
t ls b.txt*
t bzip2 -d b.txt.bz2
t cat b.txt
t bzip2 -t big.txt.bz2
printf 'garbage' >bad.bz2
t bzip2 -d -c bad.bz2
