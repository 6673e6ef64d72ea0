/*
 * hashfn.h: the hash function every uthash table of jdalign uses: a seeded
 * multiply-and-fold over eight bytes at a time, faster than uthash's
 * default and than a byte-at-a-time hash on the short words looked up on
 * every token, and harder to collide on purpose. Include before uthash.h.
 */
#ifndef JDALIGN_HASHFN_H
#define JDALIGN_HASHFN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JD_HASH_SEED 0x9e3779b97f4a7c15ULL

static inline uint64_t
jd_hash_load8(const unsigned char *s)
{
	uint64_t v;

	memcpy(&v, s, sizeof v);
	return v;
}

static inline uint64_t
jd_hash_load4(const unsigned char *s)
{
	uint32_t v;

	memcpy(&v, s, sizeof v);
	return v;
}

static inline uint64_t
jd_hash_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 31);
}

/* Never reads past s[n - 1]: the tail of fewer than eight bytes is read as
 * two overlapping four-byte words, or as its first, middle and last byte. */
static inline unsigned
jd_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = JD_HASH_SEED ^ ((uint64_t)n * 0x94d049bb133111ebULL);

	for (; n >= 8; s += 8, n -= 8)
		h = jd_hash_mix(h, jd_hash_load8(s));
	if (n >= 4)
		h = jd_hash_mix(h, jd_hash_load4(s) << 32 |
		    jd_hash_load4(s + n - 4));
	else if (n > 0)
		h = jd_hash_mix(h, (uint64_t)s[0] << 16 |
		    (uint64_t)s[n / 2] << 8 | s[n - 1]);
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 29;
	return (unsigned)(h ^ (h >> 32));
}

#define HASH_FUNCTION(keyptr, keylen, hashv) \
	((hashv) = jd_hash_bytes((keyptr), (size_t)(keylen)))

/*
 * Two bits per key hash, set for every key of a table that is built once
 * and then only read: most words looked up in such a table are not in it,
 * and two bits in 16 KiB that stay in the cache say so (wrongly for about
 * one word in forty) before a bucket's chain is walked, a cache miss an
 * entry. Both bits lie in one word, so a lookup reads one line of it.
 */
#define JD_FILTER_WORD_BITS 11
#define JD_FILTER_WORDS (1u << JD_FILTER_WORD_BITS)

/* The top bits of a 32-bit hash pick the word, the bottom twelve its bits. */
static inline unsigned
jd_filter_word(unsigned hashv)
{
	return hashv >> (32 - JD_FILTER_WORD_BITS);
}

static inline unsigned long long
jd_filter_mask(unsigned hashv)
{
	return 1ULL << (hashv & 63) | 1ULL << ((hashv >> 6) & 63);
}

static inline void
jd_filter_set(unsigned long long *f, unsigned hashv)
{
	f[jd_filter_word(hashv)] |= jd_filter_mask(hashv);
}

static inline int
jd_filter_has(const unsigned long long *f, unsigned hashv)
{
	unsigned long long m = jd_filter_mask(hashv);

	return (f[jd_filter_word(hashv)] & m) == m;
}

/* HASH_FIND behind a table's filter (out NULL when the filter says no),
 * and HASH_ADD_KEYPTR that sets the key's bits; the handle is hh. */
#define JD_HASH_FIND_FILTERED(head, filter, keyptr, keylen, out) do {	\
	unsigned jd_hv_;						\
	HASH_VALUE(keyptr, keylen, jd_hv_);				\
	(out) = NULL;							\
	if (jd_filter_has(filter, jd_hv_))				\
		HASH_FIND_BYHASHVALUE(hh, head, keyptr, keylen, jd_hv_, out); \
} while (0)

#define JD_HASH_ADD_FILTERED(head, filter, keyptr, keylen, add) do {	\
	unsigned jd_hv_;						\
	HASH_VALUE(keyptr, keylen, jd_hv_);				\
	HASH_ADD_KEYPTR_BYHASHVALUE(hh, head, keyptr, keylen, jd_hv_, add); \
	jd_filter_set(filter, jd_hv_);					\
} while (0)

/* Two buckets an entry for a table looked up on every word, once it is
 * built (uthash lets chains grow to ten): a word that passes the filter
 * is found at the head of its bucket, not a few cache misses down a
 * chain. */
#define JD_HASH_SPREAD(head) do {					\
	int jd_oom_ = 0;						\
	while ((head) != NULL && (head)->hh.tbl->num_buckets <		\
	    2 * (head)->hh.tbl->num_items)				\
		HASH_EXPAND_BUCKETS(hh, (head)->hh.tbl, jd_oom_);	\
	(void)jd_oom_;							\
} while (0)

#define uthash_fatal(msg) do {						\
	fprintf(stderr, "jdalign: out of memory (%s)\n", msg);		\
	abort();							\
} while (0)

#endif
