/*
 * test_lookup.c: a lookup table finds every key it was given, with its
 * latest value, and no other byte string: keys short enough to sit in
 * their slot and longer ones alike, past the room it was made with.
 */
#include "testutil.h"
#include "jdalign/lookup.h"

TestSuite(lookup, .fini = jd_test_fini);

struct lcase {
	const char *key;
	size_t len;
	uint32_t val;
};

/* Keys on both sides of the eight bytes kept in a slot, one empty, two
 * with a NUL inside, and prefixes of one another. */
static const struct lcase keys[] = {
	{ "", 0, 1 },
	{ "a", 1, 2 },
	{ "go", 2, 3 },
	{ "go\0x", 4, 4 },
	{ "software", 8, 5 },
	{ "software ", 9, 6 },
	{ "software engineering", 20, 7 },
	{ "machine learning\0ops", 20, 8 },
	{ "machine", 7, 0 },
	{ "machine learning", 16, UINT32_MAX },
};

/* Byte strings near the keys that are not keys. */
static const struct lcase absent[] = {
	{ "b", 1, 0 },
	{ "g", 1, 0 },
	{ "go\0", 3, 0 },
	{ "go\0y", 4, 0 },
	{ "softwar", 7, 0 },
	{ "Software", 8, 0 },
	{ "software engineer", 17, 0 },
	{ "software engineerinG", 20, 0 },
	{ "machine learning\0op", 19, 0 },
	{ "machine learnin", 15, 0 },
};

#define N(a) (sizeof a / sizeof a[0])

static void
expect_all(const struct jd_lookup *t)
{
	uint32_t v;

	for (size_t i = 0; i < N(keys); i++) {
		v = 12345;
		cr_expect_eq(jd_lookup_get(t, keys[i].key, keys[i].len, &v), 1,
		    "key %zu", i);
		cr_expect_eq(v, keys[i].val, "key %zu", i);
	}
	for (size_t i = 0; i < N(absent); i++)
		cr_expect_eq(jd_lookup_get(t, absent[i].key, absent[i].len,
		    &v), 0, "absent %zu", i);
}

Test(lookup, finds_exactly_its_keys)
{
	struct jd_lookup *t = jd_lookup_new(N(keys));
	uint32_t v;

	for (size_t i = 0; i < N(keys); i++)
		jd_lookup_put(t, keys[i].key, keys[i].len, keys[i].val);
	expect_all(t);
	/* a second put changes the value, not the keys */
	jd_lookup_put(t, "go", 2, 99);
	cr_expect_eq(jd_lookup_get(t, "go", 2, &v), 1);
	cr_expect_eq(v, 99);
	jd_lookup_put(t, "go", 2, 3);
	expect_all(t);
	jd_lookup_free(t);
	jd_lookup_free(NULL);
}

Test(lookup, grows_past_its_room)
{
	struct jd_lookup *t = jd_lookup_new(0);
	char key[32];
	uint32_t v;

	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "%s%u", i % 2 ? "w" :
		    "a longer word ", i);
		jd_lookup_put(t, key, (size_t)n, i);
	}
	for (size_t i = 0; i < N(keys); i++)
		jd_lookup_put(t, keys[i].key, keys[i].len, keys[i].val);
	expect_all(t);
	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "%s%u", i % 2 ? "w" :
		    "a longer word ", i);
		cr_assert_eq(jd_lookup_get(t, key, (size_t)n, &v), 1, "%s",
		    key);
		cr_expect_eq(v, i);
	}
	cr_expect_eq(jd_lookup_get(t, "w5001", 5, &v), 0);
	jd_lookup_free(t);
}
