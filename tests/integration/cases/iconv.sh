# iconv: conversions between charsets, transliteration, invalid input.
printf 'caf\303\251 na\303\257ve \342\202\254\n' >utf8.txt
tb iconv -f UTF-8 -t UTF-16LE utf8.txt
t iconv -f UTF-8 -t ISO-8859-1//TRANSLIT utf8.txt
iconv -f UTF-8 -t UTF-16 utf8.txt >u16.txt
t iconv -f UTF-16 -t UTF-8 u16.txt
t iconv -f UTF-8 -t ASCII//TRANSLIT utf8.txt
t iconv -c -f UTF-8 -t ASCII utf8.txt
printf 'bad \377 byte\n' | t iconv -f UTF-8 -t UTF-8
t iconv -f NOSUCH -t UTF-8 utf8.txt
