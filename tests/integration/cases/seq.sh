# seq: ranges, increments, floating point, formats, separators, widths.
t seq 5
t seq 3 3 20
t seq 10 -2.5 0
t seq -w 8 11
t seq -s, -f '%06.2f' 1 0.25 2
t seq 1e3 1e3 5e3
t seq 0.1 0.1 0.5
