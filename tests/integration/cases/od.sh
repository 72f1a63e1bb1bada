# od: formats, addresses, skipping, byte counts, widths.
mk_tree tree
t od -c tree/a.txt
t od -A x -t x1z -N 48 tree/data.bin
t od -An -t d2 -j 10 -N 16 tree/data.bin
t od -t o4 -w8 -N 32 tree/data.bin
t od -A d -t f8 -N 16 tree/data.bin
printf 'abc' | t od -b
