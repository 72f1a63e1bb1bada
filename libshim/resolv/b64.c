/*
 * libresolv's base64 helpers __b64_ntop and __b64_pton (tmux uses them),
 * which musl lacks, with the resolver's rules: the encoder needs room for
 * the terminating NUL; the decoder skips white space, wants whole groups
 * of four (with '=' padding and zero spare bits), and returns the
 * number of bytes or -1. With TARGET NULL it only counts.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int lx___b64_ntop(const unsigned char *src, size_t n, char *dst,
	size_t size)
{
	size_t out = 0;

	for (; n > 0; n -= n < 3 ? n : 3, src += 3) {
		uint32_t v = (uint32_t)src[0] << 16;

		if (out + 4 > size)
			return -1;
		if (n > 1)
			v |= (uint32_t)src[1] << 8;
		if (n > 2)
			v |= src[2];
		dst[out++] = alphabet[v >> 18];
		dst[out++] = alphabet[(v >> 12) & 63];
		dst[out++] = n > 1 ? alphabet[(v >> 6) & 63] : '=';
		dst[out++] = n > 2 ? alphabet[v & 63] : '=';
	}
	if (out >= size)
		return -1;
	dst[out] = 0;
	return (int)out;
}

/* The rest of SRC after padding is only white space. */
static int only_space(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/*
 * After the first '=' at S (STATE sextets into the group): one more '='
 * is needed after two sextets, then only white space; the spare bits
 * decoded so far must be zero.
 */
static int padding_ok(const char *s, int state, const unsigned char *dst,
	size_t at)
{
	if (state < 2)
		return 0;
	if (state == 2) {
		while (*s && isspace((unsigned char)*s))
			s++;
		if (*s++ != '=')
			return 0;
	}
	if (!only_space(s))
		return 0;
	return !dst || dst[at] == 0;
}

int lx___b64_pton(const char *src, unsigned char *dst, size_t size)
{
	size_t at = 0;
	int state = 0;
	const char *pos;
	int c;

	while ((c = (unsigned char)*src++)) {
		if (isspace(c))
			continue;
		if (c == '=')
			return padding_ok(src, state, dst, at) ? (int)at : -1;
		if (!(pos = strchr(alphabet, c)))
			return -1;
		unsigned v = pos - alphabet;
		if (dst && at + (state == 1 || state == 2) >= size)
			return -1;
		switch (state) {
		case 0:
			if (dst)
				dst[at] = v << 2;
			break;
		case 1:
			if (dst) {
				dst[at] |= v >> 4;
				dst[at + 1] = (v & 15) << 4;
			}
			at++;
			break;
		case 2:
			if (dst) {
				dst[at] |= v >> 2;
				dst[at + 1] = (v & 3) << 6;
			}
			at++;
			break;
		case 3:
			if (dst)
				dst[at] |= v;
			at++;
			break;
		}
		state = (state + 1) & 3;
	}
	return state == 0 ? (int)at : -1;
}
