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
#endif
	return w;
}

#endif
