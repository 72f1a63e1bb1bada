# sed: s///g with groups, -n p, -E, addresses, y, multiple -e, -i, w.
cat >in.txt <<'X'
first line
key1=value1
key2 = value two
# a comment
last line here
X
t sed 's/line/LINE/g' in.txt
t sed -E 's/^([a-z0-9]+) *= *(.*)$/\2 <- \1/' in.txt
t sed -n '/^key/p' in.txt
t sed -n '2,4{=;p}' in.txt
t sed -e '1d' -e '$s/here/there/' -e 's/#/##/' in.txt
t sed 'y/abcdef/ABCDEF/' in.txt
t sed '/comment/,$!s/^/> /' in.txt
t sed -n '$=' in.txt
t sed '2i\inserted\
second' in.txt
t sed 's/\(e\)\(.\)/\2\1/2' in.txt
t sed -E ':a;s/^(.{0,19})$/\1./;ta' in.txt
printf 'a\nb\nc\nd\n' | t sed 'N;s/\n/+/'
printf 'x1\nx2\nx3\n' | t sed -n '1~2p'
cp in.txt edit.txt
t sed -i.bak -e 's/value/VAL/g' -e '/comment/d' edit.txt
t cat edit.txt edit.txt.bak
t sed -n 's/key/K/w written.txt' in.txt
t cat written.txt
t sed 's/unterminated' in.txt
