# xz: compress (bytes compared by md5), -6/-0, decompress, round trip, -t.
compressor_case xz xz -6 -0
