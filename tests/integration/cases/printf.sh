# printf (coreutils binary): conversions, widths, escapes, reuse.
t printf '%s-%d-%5.2f|%-6s|%x %o %e\n' word 42 3.14159 left 255 8 12345.678
t printf '%b\n' 'tab\there' 'oct\101'
t printf '%q\n' "it's a \$test"
t printf '%d %d\n' 1 2 3 4 5
t printf '%c%c\n' hello world
t printf '%d\n' notanumber
t printf '%*d|%-*d|\n' 6 42 4 7
