# sha256sum: digests of files and stdin, --tag, and --check with a bad line.
mk_tree tree
t sha256sum tree/a.txt tree/data.bin tree/empty
printf 'stdin data' | t sha256sum
t sha256sum --tag tree/b.txt
sha256sum tree/a.txt tree/docs/fox.md >sums
printf 'changed\n' >>tree/docs/fox.md
t sha256sum -c sums
t sha256sum --check --quiet sums
