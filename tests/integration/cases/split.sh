# split: by lines, bytes, number of chunks, suffix styles, into a dir.
mk_tree tree
mkdir out
t split -l 100 tree/sub/numbers.txt out/lines_
t ls out
t cat out/lines_ab
t split -b 1500 -d -a 3 tree/data.bin out/bytes.
t ls -1 out
cat out/bytes.* | t md5sum
t split -n 3 --additional-suffix=.txt tree/b.txt out/chunk-
t wc -c out/chunk-aa.txt out/chunk-ab.txt out/chunk-ac.txt
seq 10 | t split -l 4 --verbose - out/stdin-
