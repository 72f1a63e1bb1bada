# ed: scripted editing of a file, addresses, global commands, regexes.
printf 'one\ntwo\nthree\nfour\nfive\n' >f.txt
t ed -s f.txt <<'X'
2,3p
g/o/s//0/g
$a
six
.
w
q
X
t cat f.txt
t ed -s f.txt <<'X'
,n
/f/
?^t?d
,s/\(.\)\(.*\)/\2\1/
,p
Q
X
