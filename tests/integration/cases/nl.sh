# nl: numbering styles, formats, widths, sections, regex bodies.
printf 'one\n\ntwo\nthree\n\\:\\:\\:\nhead\n\\:\\:\nbody\n' >in.txt
t nl in.txt
t nl -b a -n rz -w 3 -s ': ' in.txt
t nl -b pt -v 10 -i 5 in.txt
t nl -ba -nln -bp'^t' in.txt
seq 3 | t nl
