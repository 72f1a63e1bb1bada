# utf8: programs in the C.UTF-8 locale (a container's usual LANG): regex
# classes, case mapping, character counts and collation on non-ASCII text.
export LC_ALL=C.UTF-8
cat >t.txt <<'X'
Ünïcödé line one
zebra ÄÖÜ äöü
straße ß «quoted»
日本語のテキスト
plain ascii
X
t sed 's/./X/' t.txt
t sed -n 's/[[:upper:]]/U/gp' t.txt
t sed 's/\w\+/W/g' t.txt
t sed 's/\b./[&]/g' t.txt
t sed -E 's/[^[:alpha:] ]/#/g' t.txt
t sed 's/[äöü]/V/Ig' t.txt
t sed 's/é*/_/g' t.txt
t grep -c '^.\{11\}$' t.txt
t grep -o '[[:alpha:]]\+' t.txt
t sort t.txt
t sort -f t.txt
t uniq -i t.txt
t tr '[:lower:]' '[:upper:]' <t.txt
t wc -m t.txt
t wc -L t.txt
t cut -c1-4 t.txt
t fold -w6 t.txt
t rev t.txt
t ls
t python3 -c 'import locale,sys; print(locale.setlocale(locale.LC_ALL, ""), sys.stdout.encoding, "ß".upper(), len("日本"))'
t perl -CS -Mutf8 -le 'print uc("straße"), length("日本")'
t printf '%s|%5s|\n' é é
