# jq: filters, -r, -c, --arg, map/select/group_by, reduce, errors.
cat >in.json <<'X'
{"users": [
  {"name": "alice", "age": 30, "city": "paris", "tags": ["a", "b"]},
  {"name": "bob", "age": 25, "city": "london", "tags": []},
  {"name": "carol", "age": 35, "city": "paris", "tags": ["c"]},
  {"name": "dave", "age": 40, "city": "berlin", "tags": null}
], "meta": {"version": 2, "pi": 3.14159}}
X
t jq . in.json
t jq -r '.users[] | "\(.name)\t\(.age)"' in.json
t jq -c '.users | map(select(.age > 28)) | map({name, city})' in.json
t jq -c 'group_by(.city) | map({city: .[0].city, n: length, ages: map(.age)})' <(jq .users in.json)
t jq --arg who bob -c '.users[] | select(.name == $who)' in.json
t jq --argjson min 30 '[.users[] | select(.age >= $min) | .name] | join(",")' in.json
t jq -c 'reduce .users[] as $u ({}; .[$u.city] += 1) | to_entries | sort_by(.key)' in.json
t jq -c '([.users[].tags // [] | length] | add), (.meta | keys), (.meta.pi * 100 | floor), ([1,2,3] | @csv), ("a b" | @uri)' in.json
t jq -n -c '[range(5)] | {sum: add, rev: reverse, sq: map(. * .)} | tostring | fromjson'
printf '{"a":1}\n{"a":2}\n' | t jq -s -c 'map(.a) | add'
printf '{bad json' | t jq .
t jq -e '.missing' in.json
