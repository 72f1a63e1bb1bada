# patch: apply unified and normal diffs, reverse, dry run, rejects.
seq 1 20 >orig.txt
sed -e 's/^5$/five/' -e '/^12$/d' -e '$a\21' orig.txt >mod.txt
diff -u --label a/file.txt --label b/file.txt orig.txt mod.txt >u.diff
diff orig.txt mod.txt >n.diff
cp orig.txt file.txt
t patch -p1 -i u.diff
t cat file.txt
t patch -R -p1 -i u.diff
t cmp file.txt orig.txt
cp orig.txt f2.txt
t patch f2.txt n.diff
t diff f2.txt mod.txt
t patch --dry-run -p1 -i u.diff
printf 'nothing alike\n' >file.txt
t patch -p1 -f --no-backup-if-mismatch -r rej.txt -i u.diff
t cat rej.txt
