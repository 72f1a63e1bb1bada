# truncate: sizes, relative sizes, rounding; checked by stat.
mk_tree tree
cp tree/data.bin a.bin
t truncate -s 100 a.bin
t truncate -s +50 a.bin
t truncate -s %64 a.bin
t truncate -c -s 10 new.bin
t truncate -s 1K b.bin
t stat -c '%n %s' a.bin b.bin
t truncate -s bogus a.bin
