# date: fixed dates only (-d, @epoch, -u, formats, relative items).
t date -d '2024-02-29 13:45:07' '+%Y-%m-%d %H:%M:%S %a %b %j %U %u'
t date -u -d @1700000000
t date -d '2023-12-31 +1 day' +%F
t date -d '2024-01-31 12:00 UTC +1 month' -u '+%s %A %e %p %I'
t date -R -d '1999-12-31 23:59:59'
t date --iso-8601=seconds -d '2020-06-15T08:30:00Z'
TZ=America/New_York t date -d '2021-07-04 12:00 UTC' '+%H:%M %Z %z'
t date -d 'not a date'
