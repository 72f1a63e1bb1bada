# basename: suffixes, -a, -s, -z, odd inputs.
t basename /usr/lib/libfoo.so.1
t basename /usr/lib/ .so
t basename include/stdio.h .h
t basename -a /a/b/c d/e/ f
t basename -s .txt x/y.txt z.txt.txt
t basename //
