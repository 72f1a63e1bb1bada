# paste: parallel and serial merging, delimiter lists, stdin.
printf '1\n2\n3\n' >n.txt
printf 'a\nb\n' >l.txt
t paste n.txt l.txt
t paste -d ':,' n.txt l.txt n.txt
t paste -s n.txt l.txt
t paste -s -d '+' n.txt
seq 6 | t paste - - -
