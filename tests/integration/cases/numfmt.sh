# numfmt: SI/IEC suffixes, from/to, padding, fields, rounding.
t numfmt --to=si 1000 1500000 999
t numfmt --to=iec-i --suffix=B 1024 1048576 123456789
t numfmt --from=iec 1K 2M 3G
printf 'a 1234567\nb 89\n' | t numfmt --field=2 --to=si --padding=8
t numfmt --round=down --to=si 1999
t numfmt --format='%08.2f' 3.14159
t numfmt --from=si 12x
