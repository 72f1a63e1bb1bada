# stat: fixed format fields on fixtures (no inode, device or atime).
mk_tree tree
t stat -c '%n %s %F %a %A %h %Y %y' tree/a.txt tree/b.txt tree/run.sh tree/empty
t stat -c '%n|%F|%N' tree/link-to-a tree/link-to-deep
t stat -L -c '%n %F %s' tree/link-to-a
t stat --printf='%n:%s\n%U/%G\n' tree/data.bin
t stat -c %s nosuchfile
t stat -f -c '%T %n' tree
