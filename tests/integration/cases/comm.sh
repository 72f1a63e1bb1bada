# comm: column suppression, unsorted input check, custom delimiter.
printf 'apple\nbanana\ncherry\ndate\n' >a.txt
printf 'banana\ncarrot\ndate\negg\n' >b.txt
t comm a.txt b.txt
t comm -12 a.txt b.txt
t comm -3 --output-delimiter=' | ' a.txt b.txt
t comm -23 a.txt -  <b.txt
printf 'z\na\n' >u.txt
t comm --check-order u.txt a.txt
