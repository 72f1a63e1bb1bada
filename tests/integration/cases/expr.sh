# expr: arithmetic, comparisons, string functions, regex matching.
t expr 6 \* 7 + 1
t expr 17 / 5 % 3
t expr length 'hello world'
t expr substr abcdefgh 3 4
t expr index abcdef de
t expr 'version-1.23' : '.*-\([0-9.]*\)'
t expr abc \< abd
t expr 0 \& 1
t expr 5 / 0
