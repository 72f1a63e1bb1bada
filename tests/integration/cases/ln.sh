# ln: hard and symbolic links, -f, -r, -n, -T, -v; listings.
mk_tree tree
t ln tree/a.txt hard.txt
t ln -s tree/b.txt soft.txt
t ln -sv ../tree/docs tree/sub/docs-link
t ln -sr tree/docs/fox.md tree/sub/deep/fox
t ln -sfn tree/sub soft.txt
t ln tree/a.txt hard.txt
t stat -c '%n %h %F %N' hard.txt soft.txt tree/sub/docs-link tree/sub/deep/fox
t cat tree/sub/deep/fox
t ln -s -T tree newdir-link
t readlink newdir-link
