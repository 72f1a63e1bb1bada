# realpath: symlinks, relative output, missing components.
mk_tree tree
t realpath tree/link-to-deep/../numbers.txt
t realpath -s tree/link-to-a
t realpath --relative-to=tree/sub tree/docs/fox.md
t realpath -m tree/missing/../x
t realpath -e tree/missing
t realpath --relative-base=tree tree/sub /usr
