# md5sum: digests of files and stdin, --tag, and --check with a bad line.
digest_case md5sum
