# fold: widths, breaking at spaces, byte mode.
text='The quick brown fox jumps over the lazy dog and keeps running far away'
printf '%s\n' "$text" | t fold -w 20
printf '%s\n' "$text" | t fold -s -w 15
printf '%s\ttab\n' "$text" | t fold -b -w 30
printf 'short\n' | t fold
