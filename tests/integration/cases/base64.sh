# base64: encode, wrap widths, decode, garbage handling.
mk_tree tree
t base64 tree/data.bin
t base64 -w 20 tree/b.txt
base64 tree/data.bin >enc.txt
tb base64 -d enc.txt
printf 'aGVsbG8gd29ybGQK' | t base64 --decode
printf 'aGVs!!bG8K' | t base64 -d -i
printf 'not base64!' | t base64 -d
