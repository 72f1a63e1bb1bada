# diff: normal, unified, context, -r over trees, -q, exit statuses 0/1/2.
mk_tree tree
printf 'a\nb\nc\nd\ne\n' >old.txt
printf 'a\nB\nc\ne\nf\n' >new.txt
t diff old.txt new.txt
t diff -u --label old --label new old.txt new.txt
t diff -c --label old --label new old.txt new.txt
t diff old.txt old.txt
cp -a tree tree2
printf 'changed\n' >>tree2/docs/fox.md
rm tree2/a.txt tree2/link-to-a
mkdir tree2/extra
t diff -r tree tree2
t diff -rq tree tree2
t diff -i -w <(printf 'Hello  World\n') <(printf 'hello world\n')
t diff --side-by-side -W 40 old.txt new.txt
t diff old.txt nosuch.txt
