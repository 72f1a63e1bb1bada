# grep: BRE/ERE/fixed, -i -v -c -o -n -w -r -l -A/-B, back-references.
mk_tree tree
cat >words.txt <<'X'
hello world
Hello World
abcabc
the cat sat on the mat
catalog
foo=bar; baz=qux
error: 42 things failed
ERROR 7
noon level racecar
X
t grep hello words.txt
t grep -i hello words.txt
t grep -E 'c(at|og)' -n words.txt
t grep -F 'foo=bar;' words.txt
t grep -v -c a words.txt
t grep -o -E '[0-9]+' words.txt
t grep -w cat words.txt
t grep -E '(abc)\1' words.txt
t grep '\(.\)\(.\)\2\1' words.txt
t grep -n -B1 -A1 catalog words.txt
grep -r -n -i error tree | sort >r.txt
t cat r.txt
grep -r -l -e deep -e fox tree --include="*.md" --include="*.log" | sort | t cat
run grep -r -l -e deep -e fox tree --include="*.md" --include="*.log" | t sort
t grep -rc . tree/docs
t grep -m 2 -e o words.txt
t grep zzz words.txt
t grep x nosuchfile
printf 'a\0b\n' | t grep -a -c b
t grep -P '\d{2}' words.txt
