# tee: copying stdin to files, appending, several outputs.
printf 'first\n' >log.txt
seq 3 | t tee copy1.txt copy2.txt
printf 'more\n' | t tee -a log.txt
t cat copy1.txt copy2.txt log.txt
printf 'x\n' | t tee nodir/file.txt
