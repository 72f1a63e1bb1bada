# dirname: plain, multiple, trailing slashes, -z.
t dirname /usr/bin/env
t dirname file
t dirname a/b/ /x//y// ///
t dirname -z a/b c
