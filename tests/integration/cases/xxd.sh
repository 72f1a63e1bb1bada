# xxd: hex dumps, plain/bits/include styles, reverse.
mk_tree tree
t xxd -l 64 tree/data.bin
t xxd -p -c 16 -s 100 -l 48 tree/data.bin
t xxd -b -l 8 tree/a.txt
t xxd -i tree/a.txt
xxd tree/data.bin >dump.txt
tb xxd -r dump.txt
t xxd -u -g 4 tree/b.txt
