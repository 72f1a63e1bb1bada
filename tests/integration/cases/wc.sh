# wc: counts on files and stdin, selected counters, totals.
mk_tree tree
t wc tree/a.txt tree/b.txt tree/data.bin
t wc -l tree/sub/numbers.txt
t wc -w -c tree/b.txt
t wc -L tree/docs/fox.md
printf 'a b\nc' | t wc -lwcm
t wc tree/a.txt nothing
printf 'tree/a.txt\0tree/b.txt\0' | t wc --files0-from=- -l
