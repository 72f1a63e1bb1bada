# env: printing, -i, -u, assignments, running a command with a new env.
t env -u _
t env -i A=1 B=two /usr/bin/printenv
t env -u HOME -u USER FOO=bar /usr/bin/printenv FOO PATH
t env -i X=y /usr/bin/sh -c 'echo $X'
t env -0 -i P=1 Q=2
