# gzip: compress (bytes compared by md5), -9/-1, decompress, round trip, -t.
compressor_case gzip gz -9 -1
