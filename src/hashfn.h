/*
 * hashfn.h: the hash function every uthash table of jdalign uses: a seeded
 * FNV-1a, faster than uthash's default here and harder to collide on purpose.
 * Include before uthash.h.
 */
#ifndef JDALIGN_HASHFN_H
#define JDALIGN_HASHFN_H

#include <stdio.h>
#include <stdlib.h>

#define JD_HASH_SEED 0x9e3779b97f4a7c15ULL

#define HASH_FUNCTION(keyptr, keylen, hashv) do {			\
	unsigned long long jd_h_ = 0xcbf29ce484222325ULL ^ JD_HASH_SEED; \
	const unsigned char *jd_k_ = (const unsigned char *)(keyptr);	\
	for (size_t jd_i_ = 0; jd_i_ < (size_t)(keylen); jd_i_++) {	\
		jd_h_ ^= jd_k_[jd_i_];					\
		jd_h_ *= 0x100000001b3ULL;				\
	}								\
	(hashv) = (unsigned)(jd_h_ ^ (jd_h_ >> 32));			\
} while (0)

/*
 * A bit per key hash (its high half), set for every key of a table that is
 * built once and then only read: most words looked up in such a table are
 * not in it, and one bit in 8 KiB that stays in the cache says so before a
 * bucket's chain is walked (a cache miss an entry).
 */
#define JD_FILTER_WORDS 1024

static inline void
jd_filter_set(unsigned long long *f, unsigned hashv)
{
	unsigned b = hashv >> 16;

	f[b / 64] |= 1ULL << (b % 64);
}

static inline int
jd_filter_has(const unsigned long long *f, unsigned hashv)
{
	unsigned b = hashv >> 16;

	return (int)((f[b / 64] >> (b % 64)) & 1);
}

#define uthash_fatal(msg) do {						\
	fprintf(stderr, "jdalign: out of memory (%s)\n", msg);		\
	abort();							\
} while (0)

#endif
