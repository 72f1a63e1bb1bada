# cut: fields with delimiters, byte/char ranges, complement, -s.
printf 'a:b:c:d\n1:2:3:4\nno delimiter here\nx::z:\n' >in.txt
t cut -d: -f2 in.txt
t cut -f 1,3- -d : in.txt
t cut -s -d: -f4 in.txt
t cut -c 2-5 in.txt
t cut -b -3,6 in.txt
t cut --complement -d: -f2 --output-delimiter=' | ' in.txt
