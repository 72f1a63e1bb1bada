# mv: renames, moving into dirs, -n, -v, -T, backups; listings.
mk_tree tree
t mv -v tree/a.txt tree/alpha.txt
t mv tree/b.txt tree/docs/README tree/sub/
t mv -n tree/run.sh tree/sub/numbers.txt
t mv -b --suffix=.orig tree/docs/fox.md tree/sub/b.txt
t mv tree/empty-dir tree/moved-dir
t mv -T tree/docs tree/sub/deep
t mv tree/nosuch tree/x
t ls -R1 tree
t cat tree/sub/b.txt tree/sub/b.txt.orig
