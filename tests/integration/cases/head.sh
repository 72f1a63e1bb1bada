# head: line and byte counts, negative counts, several files, stdin.
mk_tree tree
t head tree/sub/numbers.txt
t head -n 3 tree/a.txt tree/b.txt
t head -n -295 tree/sub/numbers.txt
t head -c 20 tree/b.txt
seq 1000 | t head -q -n 2 - tree/a.txt
tb head -c 100 tree/data.bin
