# python3.11 (/usr/bin/python3.11, isolated mode): json, re, collections,
# formatting, hashlib, a script with a class, exceptions, exit status.
t /usr/bin/python3.11 -I -c 'import json; d = {"b": [1, 2.5, None], "a": {"x": True}}; print(json.dumps(d, sort_keys=True)); print(json.dumps(json.loads("[1, \"\\u00e9\", {\"k\": false}]"), indent=2))'
t /usr/bin/python3.11 -I -c 'import re; s = "2024-02-29 key=val a=1 b=22"; print(re.findall(r"(\w+)=(\w+)", s)); print(re.sub(r"(\d+)-(\d+)-(\d+)", r"\3/\2/\1", s)); print(bool(re.fullmatch(r"[a-z]+", "abc")))'
t /usr/bin/python3.11 -I -c 'from collections import Counter, OrderedDict, defaultdict, deque, namedtuple; c = Counter("mississippi"); print(sorted(c.items()), c.most_common(2)); P = namedtuple("P", "x y"); print(P(1, 2)); d = deque(range(5)); d.rotate(2); print(list(d)); dd = defaultdict(list); dd["k"].append(1); print(dict(dd))'
t /usr/bin/python3.11 -I -c 's = "left"; print(f"{3.14159:8.3f}|{42:05d}|{255:#x}|{1234567.891:,.2f}|{s:<8}|{s[0]:>4}|{0.5:.1%}|{s!r}"); print("%s %d %.2e" % ("old", 7, 12345.678)); print("{1}-{0}".format("a", "b"))'
t /usr/bin/python3.11 -I -c 'import hashlib, base64, zlib; b = b"hello world" * 100; print(hashlib.sha256(b).hexdigest()); print(hashlib.md5(b).hexdigest(), zlib.crc32(b)); print(base64.b64encode(zlib.compress(b, 9))[:40])'
cat >script.py <<'X'
import sys, math, itertools, functools, datetime, struct, decimal, fractions


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"bad amount {amount}")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


accts = [Account("bob", 10), Account("alice").deposit(5).deposit(7)]
print(sorted(accts, key=lambda a: a.owner), Account.count)
try:
    accts[0].deposit(-1)
except ValueError as e:
    print("error:", e)
print(math.factorial(20), math.gcd(84, 36), round(math.pi, 6), math.sqrt(2))
print(list(itertools.permutations("abc", 2))[:4])
print(functools.reduce(lambda x, y: x * y, range(1, 10)))
print(datetime.datetime(2024, 2, 29, 13, 45).strftime("%A %d %B %Y %H:%M"))
print(datetime.date(2024, 3, 1) - datetime.date(2023, 3, 1))
print(struct.pack("<IhQ", 1, -2, 3).hex())
print(decimal.Decimal("1.10") + decimal.Decimal("2.205"), fractions.Fraction(3, 12))
print(sys.argv[1:], len(sys.argv))
gen = (x * x for x in range(10) if x % 2)
print(sum(gen), [*map(str.upper, ["a", "b"])], {k: v for k, v in zip("ab", (1, 2))})
sys.exit(5)
X
t /usr/bin/python3.11 -I script.py one two
printf 'import sys\nfor line in sys.stdin:\n    print(line.strip()[::-1])\n' >rev.py
printf 'abc\nhello\n' | t /usr/bin/python3.11 -I rev.py
t /usr/bin/python3.11 -I -c 'raise SystemExit("fatal message")'
t /usr/bin/python3.11 -I -c 'import os, sys; print(sys.version_info[:2], sys.prefix, os.sep, os.getcwd() == os.environ["PWD"] if "PWD" in os.environ else "nopwd")'
