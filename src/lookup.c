/*
 * lookup.c: read-mostly tables of byte strings (see lookup.h): linear
 * probing over a power-of-two array of slots, keys in one growing pool.
 * Knows nothing of what the keys or values mean.
 */
#include <stdio.h>
#include <string.h>

#include "hashfn.h"

#include "jdalign/lookup.h"
#include "jdalign/util.h"

/*
 * A key of up to eight bytes sits in its slot, so finding it reads one
 * line; a longer one (one word looked up in ten) sits in the pool.
 */
#define LOOKUP_INLINE 8
#define LOOKUP_IN_POOL 15u	/* the length code of a key in the pool */

struct slot {
	uint32_t tag;		/* 0: empty; see tag_of */
	uint32_t val;
	union {
		uint64_t in;	/* see packed */
		struct {
			uint32_t off, len;
		} pool;
	} key;
};

struct jd_lookup {
	struct slot *slots;
	size_t mask;		/* slots - 1 */
	size_t n;
	char *pool;
	size_t used, cap;
	unsigned long long filter[JD_FILTER_WORDS];	/* of key hashes */
};

/*
 * A key's hash with its low four bits replaced by a length code: one more
 * than an inline key's length, or LOOKUP_IN_POOL. Never 0; equal tags of
 * inline keys mean equal lengths. The slot is chosen by the bits above.
 */
static uint32_t
tag_of(uint32_t hash, size_t len)
{
	uint32_t code = len <= LOOKUP_INLINE ? (uint32_t)len + 1 :
	    LOOKUP_IN_POOL;

	return (hash & ~LOOKUP_IN_POOL) | code;
}

/* The bytes of a key of up to eight as one number, the first byte lowest,
 * read in overlapping pieces and never past key[len - 1]: two keys of one
 * length are equal when these are. */
static inline uint64_t
packed(const char *key, size_t len)
{
	const unsigned char *s = (const unsigned char *)key;

	if (len >= 4)
		return jd_hash_load4(s) |
		    jd_hash_load4(s + len - 4) << (8 * (len - 4));
	if (len == 0)
		return 0;
	return s[0] | (uint64_t)s[len / 2] << (8 * (len / 2)) |
	    (uint64_t)s[len - 1] << (8 * (len - 1));
}

/* The hash of a key: a short one's from its packed bytes with one
 * multiplication. */
static inline uint32_t
hash_of(const char *key, size_t len, uint64_t in)
{
	if (len > LOOKUP_INLINE)
		return jd_hash_bytes(key, len);
	uint64_t h = (in ^ (JD_HASH_SEED + len)) * 0x9e3779b97f4a7c15ULL;
	return (uint32_t)(h >> 32);
}

struct jd_lookup *
jd_lookup_new(size_t keys)
{
	struct jd_lookup *t = xcalloc(1, sizeof *t);
	size_t n = 16;

	while (n < 2 * keys)
		n *= 2;
	t->slots = xcalloc(n, sizeof *t->slots);
	t->mask = n - 1;
	return t;
}

void
jd_lookup_free(struct jd_lookup *t)
{
	if (t == NULL)
		return;
	free(t->slots);
	free(t->pool);
	free(t);
}

/* Whether slot s, of the same tag (so of the same length, for a short
 * key), holds key (in: its packed bytes, when it is short). */
static inline int
same_key(const struct jd_lookup *t, const struct slot *s, const char *key,
    size_t len, uint64_t in)
{
	if (len <= LOOKUP_INLINE)
		return s->key.in == in;
	return s->key.pool.len == len &&
	    memcmp(t->pool + s->key.pool.off, key, len) == 0;
}

/* The slot holding the key of tag, or the empty one where it would go. */
static inline struct slot *
find_slot(const struct jd_lookup *t, const char *key, size_t len,
    uint64_t in, uint32_t tag)
{
	for (size_t i = (tag >> 4) & t->mask;; i = (i + 1) & t->mask) {
		struct slot *s = &t->slots[i];
		if (s->tag == 0 ||
		    (s->tag == tag && same_key(t, s, key, len, in)))
			return s;
	}
}

/* Doubles the slots; a slot keeps its tag, so no key is read again. */
static void
grow(struct jd_lookup *t)
{
	struct slot *old = t->slots;
	size_t n = t->mask + 1;

	t->slots = xcalloc(2 * n, sizeof *t->slots);
	t->mask = 2 * n - 1;
	for (size_t i = 0; i < n; i++) {
		if (old[i].tag == 0)
			continue;
		size_t j = (old[i].tag >> 4) & t->mask;
		while (t->slots[j].tag != 0)
			j = (j + 1) & t->mask;
		t->slots[j] = old[i];
	}
	free(old);
}

/* Copies key into the pool; returns its offset. */
static uint32_t
pool_add(struct jd_lookup *t, const char *key, size_t len)
{
	size_t off = t->used;

	if (len > UINT32_MAX - off) {
		fprintf(stderr, "jdalign: lookup table keys exceed 4 GiB\n");
		abort();
	}
	if (off + len > t->cap) {
		t->cap = t->cap ? t->cap : 4096;
		while (t->cap < off + len)
			t->cap *= 2;
		t->pool = xrealloc(t->pool, t->cap);
	}
	memcpy(t->pool + off, key, len);
	t->used = off + len;
	return (uint32_t)off;
}

static void
key_set(struct jd_lookup *t, struct slot *s, const char *key, size_t len,
    uint64_t in)
{
	if (len <= LOOKUP_INLINE) {
		s->key.in = in;
		return;
	}
	s->key.pool.off = pool_add(t, key, len);
	s->key.pool.len = (uint32_t)len;
}

void
jd_lookup_put(struct jd_lookup *t, const char *key, size_t len, uint32_t val)
{
	uint64_t in = len <= LOOKUP_INLINE ? packed(key, len) : 0;
	uint32_t hash = hash_of(key, len, in);
	uint32_t tag = tag_of(hash, len);
	struct slot *s = find_slot(t, key, len, in, tag);

	if (s->tag == 0) {
		if (2 * (t->n + 1) > t->mask + 1) {
			grow(t);
			s = find_slot(t, key, len, in, tag);
		}
		key_set(t, s, key, len, in);
		s->tag = tag;
		t->n++;
		jd_filter_set(t->filter, hash);
	}
	s->val = val;
}

int
jd_lookup_get(const struct jd_lookup *t, const char *key, size_t len,
    uint32_t *val)
{
	uint64_t in = len <= LOOKUP_INLINE ? packed(key, len) : 0;
	uint32_t hash = hash_of(key, len, in);
	const struct slot *s;

	if (!jd_filter_has(t->filter, hash))
		return 0;
	s = find_slot(t, key, len, in, tag_of(hash, len));
	if (s->tag == 0)
		return 0;
	*val = s->val;
	return 1;
}
