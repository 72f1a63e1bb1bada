# tac: reversing lines of files and stdin, custom separators.
mk_tree tree
t tac tree/a.txt tree/b.txt
seq 5 | t tac
printf 'a,b,c,' | t tac -s ,
printf 'x1y2z3' | t tac -r -s '[0-9]'
t tac -b -s , <(printf ',p,q,r')
