# ls: listings of a fixture tree with fixed names, sizes, modes and mtimes.
mk_tree tree
t ls tree
t ls -1 -a tree
t ls -la --time-style=+%F tree/sub tree/docs
t ls -R tree
t ls -S -1 --group-directories-first tree
t ls -l --time-style=+%F_%T -t -r tree
t ls -1F tree nonexistent
t ls -d -l --time-style=long-iso tree/link-to-a tree/link-to-deep
