# openssl: digests, HMAC, base64, symmetric encrypt/decrypt with fixed key/IV.
mk_tree tree
t openssl dgst -sha256 tree/a.txt
t openssl dgst -sha512 -hmac secret tree/b.txt
t openssl base64 -in tree/b.txt
key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
iv=0f0e0d0c0b0a09080706050403020100
tb openssl enc -aes-256-cbc -K $key -iv $iv -in tree/data.bin
openssl enc -aes-256-cbc -K $key -iv $iv -in tree/data.bin -out enc.bin
tb openssl enc -d -aes-256-cbc -K $key -iv $iv -in enc.bin
t openssl dgst -nosuchdigest tree/a.txt
