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

#define uthash_fatal(msg) do {						\
	fprintf(stderr, "jdalign: out of memory (%s)\n", msg);		\
	abort();							\
} while (0)

#endif
