# cat: files, stdin, '-' in the middle, numbering, squeezing, -A.
mk_tree tree
printf 'x\n\n\n\ty\tz \nlast' >odd.txt
t cat tree/a.txt tree/b.txt
printf 'from stdin\n' | t cat tree/a.txt - tree/docs/fox.md
t cat -n tree/b.txt odd.txt
t cat -s -b -E odd.txt
t cat -A odd.txt
t cat tree/a.txt missing.txt
