/*
 * qsort and qsort_r as glibc 2.36 sorts: a top-down merge sort (the first
 * half is n / 2 elements) through a buffer, so that equal elements keep
 * their order and the comparison function is called on the same pairs in
 * the same order as under glibc. Programs depend on both without knowing:
 * the host's qsort (a smoothsort) orders ties differently. As glibc, a
 * buffer that would take more than a quarter of the physical memory, or
 * that cannot be allocated, makes the sort fall back to an unstable one
 * in place (the host's).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*cmp_r_fn)(const void *, const void *, void *);
typedef int (*cmp_fn)(const void *, const void *);

struct msort {
	size_t size;
	cmp_r_fn cmp;
	void *arg;
	char *tmp;
};

/* One element from SRC to DST; the usual sizes as one move. */
static inline void copy_elem(char *dst, const char *src, size_t size)
{
	switch (size) {
	case 4:
		memcpy(dst, src, 4);
		break;
	case 8:
		memcpy(dst, src, 8);
		break;
	case 16:
		memcpy(dst, src, 16);
		break;
	default:
		memcpy(dst, src, size);
	}
}

static void msort(const struct msort *m, char *b, size_t n)
{
	size_t n1 = n / 2, n2 = n - n1, s = m->size;
	char *b1 = b, *b2 = b + n1 * s, *t = m->tmp;

	if (n <= 1)
		return;
	msort(m, b1, n1);
	msort(m, b2, n2);
	while (n1 > 0 && n2 > 0) {
		if (m->cmp(b1, b2, m->arg) <= 0) {
			copy_elem(t, b1, s);
			b1 += s;
			n1--;
		} else {
			copy_elem(t, b2, s);
			b2 += s;
			n2--;
		}
		t += s;
	}
	/* What is left of the first half goes after the merged part; what is
	 * left of the second is in place already. */
	if (n1 > 0)
		memcpy(t, b1, n1 * s);
	memcpy(b, m->tmp, (n - n2) * s);
}

/* A buffer of BYTES is too large when it passes a quarter of the
 * physical memory (glibc's rule). */
static int too_large(size_t bytes)
{
	static long quarter_pages, page;

	if (!page) {
		long pages = sysconf(_SC_PHYS_PAGES);

		quarter_pages = pages > 0 ? pages / 4 : 0;
		page = sysconf(_SC_PAGESIZE);
		if (page <= 0)
			page = 4096;
	}
	return quarter_pages && bytes / (size_t)page > (size_t)quarter_pages;
}

void lx_qsort_r(void *base, size_t n, size_t size, cmp_r_fn cmp, void *arg)
{
	struct msort m = { size, cmp, arg, NULL };
	char stack[1024];
	size_t bytes;

	if (n <= 1 || size == 0)
		return;
	if (__builtin_mul_overflow(n, size, &bytes) || too_large(bytes)) {
		qsort_r(base, n, size, cmp, arg);
		return;
	}
	m.tmp = bytes < sizeof stack ? stack : malloc(bytes);
	if (!m.tmp) {
		qsort_r(base, n, size, cmp, arg);
		return;
	}
	msort(&m, base, n);
	if (m.tmp != stack)
		free(m.tmp);
}

/* qsort's two-argument comparison, called through qsort_r's. */
static int call_cmp(const void *a, const void *b, void *fn)
{
	return ((cmp_fn)fn)(a, b);
}

void lx_qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
	lx_qsort_r(base, n, size, call_cmp, (void *)cmp);
}
