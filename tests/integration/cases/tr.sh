# tr: translate, ranges and classes, delete, squeeze, complement.
text='Hello,   World!  Foo--bar 123'
printf '%s\n' "$text" | t tr a-z A-Z
printf '%s\n' "$text" | t tr -d '[:digit:][:punct:]'
printf '%s\n' "$text" | t tr -s ' -'
printf '%s\n' "$text" | t tr -cs '[:alnum:]' '\n'
printf 'abcabc\n' | t tr abc 'x[y*]'
