/*
 * terms_background.c: the background table of document frequencies of
 * word 1- to 3-grams (corpora/background.tsv, built by
 * scripts/build_background.py), and specificity from it. It makes "team"
 * weigh little even in a one-posting run and judges phrases when there is
 * no corpus. Knows nothing of postings or reports.
 */
#include <math.h>
#include <string.h>

#include "jdalign/lookup.h"
#include "jdalign/terms.h"
#include "jdalign/util.h"

struct jd_background {
	struct jd_lookup *table;	/* 1- to 3-gram -> df */
	unsigned long docs;
};

/* Document counts are below the #docs of the table, far from 2^32. */
static void
bg_add(struct jd_background *bg, const char *s, size_t n, const char *num)
{
	unsigned long df = strtoul(num, NULL, 10);

	jd_lookup_put(bg->table, s, n, df > UINT32_MAX ? UINT32_MAX :
	    (uint32_t)df);
}

/* The lines of a table: the room to make for its keys. */
static size_t
count_lines(const char *s, const char *end)
{
	size_t n = 0;

	while (s && s < end && (s = memchr(s, '\n', (size_t)(end - s)))) {
		n++;
		s++;
	}
	return n;
}

struct jd_background *
jd_background_builtin(void)
{
	struct jd_background *bg = xcalloc(1, sizeof *bg);
	size_t len;
	const char *s = jd_util_corpus("background.tsv", &len);
	const char *end = s ? s + len : NULL;

	bg->table = jd_lookup_new(count_lines(s, end));
	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *tab = memchr(s, '\t', (size_t)(e - s));
		if (tab && strncmp(s, "#docs\t", 6) == 0)
			bg->docs = strtoul(tab + 1, NULL, 10);
		else if (tab && *s != '#')
			bg_add(bg, s, (size_t)(tab - s), tab + 1);
		s = e + 1;
	}
	return bg;
}

void
jd_background_free(struct jd_background *bg)
{
	if (bg == NULL)
		return;
	jd_lookup_free(bg->table);
	free(bg);
}

unsigned long
jd_background_docs(const struct jd_background *bg)
{
	return bg ? bg->docs : 0;
}

/*
 * The table's tokens keep "/" inside ("ci/cd") and drop the apostrophe of a
 * possessive ("bachelor s"); ours are "ci / cd" and "bachelor 's".
 */
static void
table_key(struct jd_buf *k, const char *key, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = key[i];
		if (c == ' ' && i + 1 < len && key[i + 1] == '/')
			continue;
		if (c == ' ' && i > 0 && key[i - 1] == '/')
			continue;
		if (c == '\'' && (i == 0 || key[i - 1] == ' '))
			continue;
		jd_buf_addc(k, c);
	}
}

unsigned long
jd_background_df(const struct jd_background *bg, const char *key, size_t len)
{
	struct jd_buf k = JD_BUF_INIT;
	uint32_t df;
	int found;

	if (bg == NULL)
		return 0;
	table_key(&k, key, len);
	found = jd_lookup_get(bg->table, jd_buf_str(&k), k.len, &df);
	jd_buf_free(&k);
	return found ? df : 0;
}

double
jd_terms_specificity(unsigned long df, unsigned long docs)
{
	double n = (double)docs;
	double s;

	if (docs == 0)
		return 1.0;
	s = log((n + 1) / ((double)df + 1)) / log(n + 1);
	return s < 0 ? 0 : s > 1 ? 1 : s;
}
