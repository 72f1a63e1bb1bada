# pr: pagination with fixed headers, columns, merging, numbering.
seq 1 40 >n.txt
printf 'a\nb\nc\n' >l.txt
t pr -h TITLE -D %F -l 20 n.txt
t pr -T -3 -w 40 n.txt
t pr -T -m -n l.txt n.txt
t pr -T -d -o 4 l.txt
