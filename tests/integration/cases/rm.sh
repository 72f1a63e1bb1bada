# rm: files, -r, -f, -d, -v, errors; checked by listing.
mk_tree tree
t rm -v tree/a.txt 'tree/with space.txt'
t rm tree/sub
t rm -d tree/empty-dir
t rm -rv tree/sub
t rm -f tree/missing tree/link-to-deep
t rm tree/nosuch
t ls -A1 tree
t rm -r -f tree
t ls -A
