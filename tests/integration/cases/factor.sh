# factor: small and large numbers, stdin, invalid input.
t factor 1 2 97 360 1001 65536
t factor 18446744073709551615 600851475143
printf '12\n  35  \n' | t factor
t factor abc
