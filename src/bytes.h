/*
 * bytes.h: text eight bytes at a time, read the same on any machine: what
 * the scans over whole pages (the guard, the strip, normalizing) load
 * their words with. Knows nothing of what the bytes say.
 */
#ifndef JDALIGN_BYTES_H
#define JDALIGN_BYTES_H

#include <stdint.h>
#include <string.h>

/* Eight bytes of s, the first in the lowest bits on any machine. */
static inline uint64_t
jd_load8(const void *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
/* Text eight bytes at a time: a mask holds one bit per byte, the top one
 * of its byte. */
#define JD_ONES 0x0101010101010101ULL
#define JD_HIGHS 0x8080808080808080ULL

/* The bytes of w equal to c, as a mask of their high bits. */
static inline uint64_t
jd_bytes_equal(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (JD_ONES * c);

	return ~(((x & ~JD_HIGHS) + ~JD_HIGHS) | x) & JD_HIGHS;
}

/* The bytes of w below c (at most 0x80), as a mask of their high bits. */
static inline uint64_t
jd_bytes_below(uint64_t w, unsigned char c)
{
	return ~(((w & ~JD_HIGHS) + JD_ONES * (0x80u - c)) | w) & JD_HIGHS;
}

/* How many bytes a mask marks (a multiply: the machine need not count
 * bits). */
static inline size_t
jd_bytes_marked(uint64_t m)
{
	return (size_t)(((m >> 7) * JD_ONES) >> 56);
}

#endif
	return w;
}

/* Text eight bytes at a time: a mask holds one bit per byte, the top one
 * of its byte. */
#define JD_ONES 0x0101010101010101ULL
#define JD_HIGHS 0x8080808080808080ULL

/* The bytes of w equal to c, as a mask of their high bits. */
static inline uint64_t
jd_bytes_equal(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (JD_ONES * c);

	return ~(((x & ~JD_HIGHS) + ~JD_HIGHS) | x) & JD_HIGHS;
}

/* The bytes of w below c (at most 0x80), as a mask of their high bits. */
static inline uint64_t
jd_bytes_below(uint64_t w, unsigned char c)
{
	return ~(((w & ~JD_HIGHS) + JD_ONES * (0x80u - c)) | w) & JD_HIGHS;
}

/* How many bytes a mask marks (a multiply: the machine need not count
 * bits). */
static inline size_t
jd_bytes_marked(uint64_t m)
{
	return (size_t)(((m >> 7) * JD_ONES) >> 56);
}

#endif
