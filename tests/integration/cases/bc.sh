# bc: arbitrary precision, scale, functions (-l), bases, control flow.
t bc <<<'2^100; 10/3; scale=20; 10/3; sqrt(2)'
t bc -l <<<'scale=15; 4*a(1); e(1); l(10); s(1)+c(1)'
t bc <<<'obase=16; 255; 65535; ibase=2; 101010'
t bc <<'X'
define fib(n) { if (n < 2) return n; return fib(n-1) + fib(n-2); }
for (i = 0; i < 15; i++) fib(i)
x = 1; while (x < 1000) x *= 3; x
X
t bc <<<'1/0'
