# cp: files, -r, -a (modes, times, links), -n, -u, -v, -L/-P; listings.
mk_tree tree
mkdir dest
t cp tree/a.txt tree/b.txt dest/
t cp -v tree/docs/fox.md dest/renamed.md
t cp -r tree copy-r
t cp -a tree copy-a
t ls -lR --time-style=+%F copy-a
t ls -1R copy-r
t cp -L tree/link-to-a dest/deref
t cp -P tree/link-to-a dest/nodref
t stat -c '%n %F %a %s' dest/deref dest/nodref dest/b.txt
printf 'new\n' >newer.txt
t cp -n newer.txt dest/a.txt
t cat dest/a.txt
t cp tree/sub dest/
t cp --preserve=timestamps tree/b.txt dest/ts.txt
t stat -c '%n %Y' dest/ts.txt
