# dd: block sizes, counts, skip/seek, conversions (status=none).
mk_tree tree
tb dd if=tree/data.bin bs=100 count=7 status=none
tb dd if=tree/data.bin bs=512 skip=3 status=none
t dd if=tree/b.txt ibs=1 skip=4 count=9 status=none
printf 'lower CASE\n' | t dd conv=ucase status=none
dd if=tree/data.bin of=out.bin bs=1k seek=2 count=1 status=none
t od -An -tx1 -N 4 -j 2048 out.bin
printf 'abcdefgh' | t dd cbs=4 conv=unblock status=none
t dd if=/dev/zero bs=3 count=2 status=none
