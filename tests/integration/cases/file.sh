# file (libmagic): types of fixtures, mime types, brief mode.
mk_tree tree
gzip -9 -n -c tree/b.txt >tree.gz
printf '%%PDF-1.4\n%%\n' >doc.pdf
printf '{"a": 1}\n' >x.json
printf '<?xml version="1.0"?>\n<r/>\n' >x.xml
t file tree/a.txt tree/data.bin tree/empty tree/run.sh tree/sub tree/link-to-a
t file -b tree.gz doc.pdf x.json x.xml
t file -i tree/a.txt tree.gz tree/run.sh
t file -L tree/link-to-deep
t file --mime-type -b /usr/bin/file
printf 'from stdin\n' | t file -
