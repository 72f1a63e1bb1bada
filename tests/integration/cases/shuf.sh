# shuf: permutations driven by a fixed random source, ranges, counts.
mk_tree tree
t shuf --random-source=tree/data.bin -i 1-20
seq 10 | t shuf --random-source=tree/data.bin -n 4
t shuf --random-source=tree/data.bin -e a b c d e
t shuf --random-source=tree/data.bin -r -n 6 -i 1-3
