# cksum: CRC and other algorithms.
mk_tree tree
t cksum tree/a.txt tree/data.bin
printf 'hello\n' | t cksum
t cksum -a sha512 tree/b.txt
t cksum -a md5 --untagged tree/a.txt
t cksum -a blake2b -l 128 tree/empty
