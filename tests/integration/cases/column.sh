# column: tables with separators, alignment, JSON output.
printf 'name:age:city\nalice:30:paris\nbob:5:london\n' >in.txt
t column -t -s : in.txt
t column -t -s : -o ' | ' -R 2 in.txt
t column -J -s : -N n,a,c in.txt
seq 12 | t column -c 30
