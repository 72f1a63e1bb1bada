# mkdir: parents, modes, verbose, errors; checked by listing.
t mkdir -v a a/b
t mkdir -p -v x/y/z x/y/w
t mkdir -m 700 private
t mkdir a
t mkdir -p -m 0751 deep/er/est
find . | sort | t xargs stat -c '%n %F %a'
