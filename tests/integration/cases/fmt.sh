# fmt: paragraph filling, widths, uniform spacing, split only.
printf 'The quick brown fox jumps over the lazy dog. It was a very long sentence indeed,\nwith a second line.\n\n  Indented paragraph with   extra   spaces here.\n' >p.txt
t fmt p.txt
t fmt -w 30 p.txt
t fmt -u -w 40 p.txt
t fmt -s -w 20 p.txt
