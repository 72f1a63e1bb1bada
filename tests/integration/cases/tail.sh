# tail: last lines/bytes, +N, several files with headers, stdin.
mk_tree tree
t tail tree/sub/numbers.txt
t tail -n 2 tree/a.txt tree/b.txt
t tail -n +297 tree/sub/numbers.txt
t tail -c 15 tree/b.txt
seq 50 | t tail -n 3
t tail -v -n1 tree/docs/README
