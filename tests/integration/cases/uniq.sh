# uniq: counts, duplicates only, unique only, case folding, field skipping.
printf 'a\na\nb\nB\nb\nc\n1 x\n2 x\n2 y\n' >in.txt
t uniq in.txt
t uniq -c in.txt
t uniq -d -i in.txt
t uniq -u in.txt
t uniq -f 1 -c in.txt
sort in.txt | t uniq -D
