# find: -name, -type, -size, -regex, -print0 | xargs -0, -exec, -printf.
# Traversal order follows readdir, so listings are sorted natively.
mk_tree tree
run find tree -name '*.txt' | t sort
run find tree -type d | t sort
run find tree -type l -o -type f -empty | t sort
run find tree -size +1k | t sort
run find tree -regex '.*/[a-d][^/]*\.\(txt\|bin\)' | t sort
run find tree -iname 'READ*' -print0 | xargs -0 cat | t cat
run find tree/docs -type f -exec wc -l {} + | t sort
run find tree -maxdepth 1 -perm -u=x -type f -exec echo found {} \; | t sort
run find tree -mindepth 2 -printf '%d %y %s %f\n' | t sort
run find tree -path '*/sub/*' -prune -o -name '*.log' -print | t sort
run find -L tree -name log.log | t sort
t find tree -name nosuch
t find nosuchdir
