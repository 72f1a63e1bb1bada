# csplit: splitting by regex and line numbers, repeats, prefixes.
seq 1 30 >n.txt
printf 'intro\n== A\nbody a\n== B\nbody b\nmore b\n== C\n' >doc.txt
mkdir o
t csplit -f o/n- n.txt 10 20
t csplit -f o/doc- -b '%02d.txt' doc.txt '/^==/' '{*}'
t head -n 2 o/doc-00.txt o/doc-01.txt o/doc-03.txt
t csplit -s -k -f o/z n.txt '/5$/' '{5}'
t ls o
