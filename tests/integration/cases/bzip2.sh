# bzip2: compress (bytes compared by md5), -9/-1, decompress, round trip, -t.
compressor_case bzip2 bz2 -9 -1
