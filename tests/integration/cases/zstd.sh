# zstd: compress at fixed levels (bytes compared by md5), decompress, test.
mk_tree tree
seq 1 20000 >big.txt
fix_times big.txt
tb zstd -q -c -3 big.txt
tb zstd -q -c -19 tree/data.bin
zstd -q -c big.txt >big.zst
tb zstd -q -d -c big.zst
t zstd -q -t big.zst
printf 'garbage' >bad.zst
t zstd -q -d -c bad.zst
