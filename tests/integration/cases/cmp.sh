# cmp (diffutils): identical, first difference, -l, -s, byte limits.
mk_tree tree
cp tree/data.bin copy.bin
printf 'X' | dd of=copy.bin bs=1 seek=100 conv=notrunc status=none
printf 'Y' | dd of=copy.bin bs=1 seek=4000 conv=notrunc status=none
t cmp tree/data.bin tree/data.bin
t cmp tree/data.bin copy.bin
t cmp -l tree/data.bin copy.bin
t cmp -s tree/a.txt tree/b.txt
t cmp -n 100 tree/data.bin copy.bin
t cmp -i 10:10 -b tree/a.txt tree/b.txt
t cmp tree/a.txt nosuch
