# expand/unexpand: tab stops and conversions.
printf 'a\tb\tc\n\tindented\n12345678\tx\n' >in.txt
t expand in.txt
t expand -t 4 in.txt
t expand -t 2,8,12 in.txt
expand in.txt | t unexpand -a
t unexpand --first-only -t 4 <(printf '        eight\n    four  x\n')
