# sha1sum: digests of files and stdin, --tag, and --check with a bad line.
mk_tree tree
t sha1sum tree/a.txt tree/data.bin tree/empty
printf 'stdin data' | t sha1sum
t sha1sum --tag tree/b.txt
sha1sum tree/a.txt tree/docs/fox.md >sums
printf 'changed\n' >>tree/docs/fox.md
t sha1sum -c sums
t sha1sum --check --quiet sums
