# xargs: -n, -I, -0, -d, -L, -s, exit statuses of commands.
seq 10 | t xargs -n 3 echo
printf 'a b\nc d\ne\n' | t xargs -I {} echo 'item<{}>'
printf 'x\0y z\0' | t xargs -0 printf '[%s]\n'
printf 'p,q,r' | t xargs -d , -n 1 echo got
printf 'l1 a\nl2 b\nl3 c\n' | t xargs -L 2 echo
seq 30 | t xargs -s 20 echo
printf '1\n2\n' | t xargs sh -c 'exit 3'
printf '' | t xargs -r echo never
printf 'one two\n' | t xargs -t echo
