# md5sum: digests of files and stdin, --tag, and --check with a bad line.
mk_tree tree
t md5sum tree/a.txt tree/data.bin tree/empty
printf 'stdin data' | t md5sum
t md5sum --tag tree/b.txt
md5sum tree/a.txt tree/docs/fox.md >sums
printf 'changed\n' >>tree/docs/fox.md
t md5sum -c sums
t md5sum --check --quiet sums
