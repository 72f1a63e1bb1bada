# tar: create (deterministic), list, extract, compare; compressed archives.
mk_tree tree
opts='--sort=name --owner=0 --group=0 --numeric-owner --mtime=@1600000000 --format=gnu'
tb tar $opts -cf - tree
run tar $opts -cf t.tar tree
t tar -tf t.tar
t tar -tvf t.tar
mkdir x
t tar -xf t.tar -C x
t diff -r tree x/tree
t tar -xOf t.tar tree/docs/fox.md
run tar $opts -czf t.tgz -C tree docs sub
t tar -tzf t.tgz
run tar --sort=name --exclude="*.txt" -cf - -C tree . | t tar -tf -
t tar -tf nosuch.tar
