/*
 * qsort and qsort_r as glibc sorts: equal elements keep their order, and
 * the comparison function sees the same pairs in the same order. For many
 * element sizes and counts, with many ties, prints a digest of the sorted
 * payloads and of the sequence of compared pairs.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t trace;		/* FNV-1a of the compared pairs */
static size_t ncmp;
static size_t elem;

static void mix(uint64_t *h, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		*h ^= (v >> (8 * i)) & 0xff;
		*h *= 0x100000001b3ULL;
	}
}

/* Elements: a 32-bit key (few values: many ties) then a 32-bit payload
 * (the original index), padded to ELEM bytes. */
static int by_key(const void *a, const void *b)
{
	uint32_t ka, kb, pa, pb;

	memcpy(&ka, a, 4);
	memcpy(&kb, b, 4);
	memcpy(&pa, (const char *)a + 4, 4);
	memcpy(&pb, (const char *)b + 4, 4);
	mix(&trace, (uint64_t)pa << 32 | pb);
	ncmp++;
	return (ka > kb) - (ka < kb);
}

static int by_key_r(const void *a, const void *b, void *arg)
{
	(*(size_t *)arg)++;
	return by_key(a, b);
}

/* One-byte elements: the whole element is the key. */
static int by_byte(const void *a, const void *b)
{
	ncmp++;
	mix(&trace, *(const unsigned char *)a << 8 | *(const unsigned char *)b);
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static void run(size_t n, size_t size, unsigned keys, int use_r)
{
	char *a = calloc(n ? n : 1, size);
	uint64_t h = 0xcbf29ce484222325ULL, x = n * 31 + size;
	size_t calls = 0;

	elem = size;
	for (size_t i = 0; i < n; i++) {
		uint32_t key, idx = (uint32_t)i;

		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		key = (uint32_t)(x >> 33) % keys;
		if (size == 1) {
			a[i] = (char)key;
			continue;
		}
		memcpy(a + i * size, &key, 4);
		memcpy(a + i * size + 4, &idx, 4);
	}
	trace = 0xcbf29ce484222325ULL;
	ncmp = 0;
	if (size == 1)
		qsort(a, n, 1, by_byte);
	else if (use_r)
		qsort_r(a, n, size, by_key_r, &calls);
	else
		qsort(a, n, size, by_key);
	for (size_t i = 0; i < n * size; i++)
		mix(&h, (unsigned char)a[i]);
	printf("n=%zu size=%zu keys=%u%s: %016llx cmp=%zu trace=%016llx%s\n",
	    n, size, keys, use_r ? " (qsort_r)" : "", (unsigned long long)h,
	    ncmp, (unsigned long long)trace,
	    use_r && calls != ncmp ? " ARG LOST" : "");
	free(a);
}

int main(void)
{
	static const size_t sizes[] = { 1, 8, 12, 16, 24, 40, 100 };
	static const size_t counts[] = { 0, 1, 2, 3, 5, 7, 16, 17, 31, 100,
		127, 1000, 4099, 60000 };

	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
		for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
			run(counts[c], sizes[s], 3, 0);
			run(counts[c], sizes[s], 1000, 0);
			if (sizes[s] > 1)
				run(counts[c], sizes[s], 5, 1);
		}
	return 0;
}
