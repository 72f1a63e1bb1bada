# git: init, config, add, commit with fixed dates, log, diff, status,
# branches, rev-parse (identical hashes given fixed dates and identity).
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_DATE='2024-01-02T03:04:05Z'
export GIT_COMMITTER_DATE='2024-01-02T03:04:05Z' GIT_PAGER=cat PAGER=cat
t git init -q -b main repo
cd repo || exit 1
t git config user.name 'Lx Tester'
t git config user.email lx@example.org
t git config --get user.name
printf 'line 1\nline 2\n' >a.txt
mkdir dir
printf 'nested\n' >dir/b.txt
t git add a.txt dir
t git status --porcelain
t git commit -q -m 'first commit'
printf 'line 1\nline two\nline 3\n' >a.txt
printf 'untracked\n' >new.txt
t git status --porcelain
t git diff
t git diff --stat
export GIT_COMMITTER_DATE='2024-01-03T00:00:00Z' GIT_AUTHOR_DATE='2024-01-03T00:00:00Z'
t git commit -q -a -m 'second commit' -m 'with a body'
t git log --format='%H %an <%ae> %ad %s' --date=iso-strict
t git rev-parse HEAD HEAD~1 HEAD^{tree}
t git show --stat --format='%h %s%n%b' HEAD
t git checkout -q -b feature HEAD~1
t git branch --list
t git cat-file -p HEAD
t git ls-files -s
t git log --oneline --graph --all
t git diff main feature -- a.txt
t git rev-parse --verify nosuchref
