# join: join fields, unpaired lines, output format, separators.
printf '1 alice\n2 bob\n3 carol\n5 eve\n' >names.txt
printf '1 admin\n2 user\n4 guest\n5 user\n' >roles.txt
printf 'x;10;red\ny;20;blue\n' >s1.txt
printf '10;ten\n20;twenty\n' >s2.txt
t join names.txt roles.txt
t join -a 1 -a 2 -e NONE -o 0,1.2,2.2 names.txt roles.txt
t join -v 2 names.txt roles.txt
t join -t ';' -1 2 -2 1 s1.txt s2.txt
t join -i <(printf 'A 1\nb 2\n') <(printf 'a x\nB y\n')
