# perl: regexes, sprintf, sort, hashes, -n/-p/-i/-l/-a, POSIX, List::Util.
printf 'alice 30 paris\nbob 25 london\ncarol 35 paris\n' >people.txt
t perl -e 'my $s = "2024-02-29T13:45:07"; if ($s =~ /^(\d{4})-(\d\d)-(\d\d)T(\d+):(\d+)/) { print "$3/$2/$1 $4h$5\n" } (my $t = $s) =~ s/(\d+)/<$1>/g; print "$t\n"'
t perl -e 'printf("%-6s|%5.2f|%03d|%x|%e|%s\n", "ab", 3.14159, 7, 255, 12345.678, join(",", map { $_ * 2 } 1..5))'
t perl -e 'my %h = (pear => 3, apple => 10, fig => 1); for my $k (sort { $h{$b} <=> $h{$a} } keys %h) { print "$k=$h{$k}\n" } print scalar(keys %h), "\n"'
t perl -e 'my @a = sort { $a <=> $b } (10, 9, 100, 1); print "@a\n"; print join(" ", reverse sort qw(b c a)), "\n"; print ucfirst(lc("HELLO")), length("abc"), "\n"'
t perl -ne 'print if /paris/' people.txt
t perl -lane 'print "$F[1] $F[0]"' people.txt
t perl -pe 's/(\w+) (\d+)/$2:\U$1/' people.txt
cp people.txt edit.txt
t perl -i.bak -pe 's/london/LONDON/; $_ = "" if /carol/' edit.txt
t cat edit.txt edit.txt.bak
cat >script.pl <<'X'
use strict;
use warnings;
use POSIX qw(floor ceil fmod strftime INT_MAX);
use List::Util qw(sum max min first reduce shuffle);
my @n = (4, 8, 15, 16, 23, 42);
printf "sum=%d max=%d min=%d\n", sum(@n), max(@n), min(@n);
print "first>10: ", (first { $_ > 10 } @n), "\n";
print "product: ", (reduce { $a * $b } @n), "\n";
print floor(-2.5), " ", ceil(2.1), " ", fmod(10, 3), "\n";
print strftime("%Y-%m-%d %H:%M:%S", gmtime(1700000000)), "\n";
print INT_MAX > 0 ? "intmax ok\n" : "bad\n";
my %count;
$count{$_}++ for split //, "mississippi";
print join(",", map { "$_$count{$_}" } sort keys %count), "\n";
my $str = sprintf("%s", join "", map { chr(65 + $_ % 26) } 0..30);
print "$str\n";
local $@;
eval { die "boom\n" };
print "caught: $@";
exit 3;
X
t perl script.pl
t perl -e 'die "fatal\n"'
t perl -MData::Dumper -e '$Data::Dumper::Sortkeys = 1; $Data::Dumper::Indent = 1; print Dumper({ a => [1, 2], b => { c => undef } })'
