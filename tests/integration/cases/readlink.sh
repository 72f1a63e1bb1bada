# readlink: raw targets and canonicalisation modes.
mk_tree tree
ln -s ../a.txt tree/sub/up
ln -s loop1 tree/loop2
ln -s loop2 tree/loop1
t readlink tree/link-to-a tree/sub/up
t readlink -f tree/sub/up
t readlink -e tree/link-to-deep
t readlink -m tree/nothing/here
t readlink -f tree/loop1
t readlink -n tree/link-to-deep
