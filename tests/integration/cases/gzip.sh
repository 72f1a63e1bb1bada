# gzip: compress (bytes compared by md5), -9/-1, decompress, round trip, -t.
mk_tree tree
seq 1 20000 >big.txt
fix_times big.txt
tb gzip -c big.txt
tb gzip -9 -c tree/data.bin
tb gzip -1 -c <big.txt
gzip -c big.txt >big.txt.gz
tb gzip -d -c big.txt.gz
run gzip -dc big.txt.gz | t md5sum
cp tree/b.txt b.txt
t gzip -v b.txt
t ls b.txt*
t gzip -d b.txt.gz
t cat b.txt
t gzip -t big.txt.gz
printf 'garbage' >bad.gz
t gzip -d -c bad.gz
