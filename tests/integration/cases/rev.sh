# rev (util-linux): reversing characters of lines from files and stdin.
printf 'hello\nworld!\n\nabc def\n' >in.txt
t rev in.txt
seq 98 103 | t rev
