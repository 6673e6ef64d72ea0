/*
 * lookup.h: a table from byte strings to 32-bit values, for tables built
 * once and then read on every word of a text. Each key has a 16-byte slot
 * in an open-addressed array at most half full: its hash, its value, and
 * the key itself when it has up to eight bytes, else its place in one pool
 * of keys. A bit filter comes first. A word not in the table mostly costs
 * no cache miss, a short one in it one line, a long one two, where a
 * chained table costs a bucket's line, an entry's and a key's.
 * Ownership: keys are copied; a table belongs to whoever made it. Any
 * number of threads may read a table that no one is changing.
 */
#ifndef JDALIGN_LOOKUP_H
#define JDALIGN_LOOKUP_H

#include <stddef.h>
#include <stdint.h>

struct jd_lookup;

/* A table with room for about keys keys; it grows past them. */
struct jd_lookup *jd_lookup_new(size_t keys);
void jd_lookup_free(struct jd_lookup *t);
/* Sets the value of key, adding the key if it is not there yet. */
void jd_lookup_put(struct jd_lookup *t, const char *key, size_t len,
    uint32_t val);
/* 1 with *val set when key is in the table, else 0. */
int jd_lookup_get(const struct jd_lookup *t, const char *key, size_t len,
    uint32_t *val);

#endif
