/*
 * terms_background.c: the background table of document frequencies of
 * word 1- to 3-grams (corpora/background.tsv, built by
 * scripts/build_background.py), and specificity from it. It makes "team"
 * weigh little even in a one-posting run and judges phrases when there is
 * no corpus. Knows nothing of postings or reports.
 */
#include <math.h>
#include <string.h>

#include "hashfn.h"
#include <uthash.h>

#include "jdalign/terms.h"
#include "jdalign/util.h"

struct bgentry {
	UT_hash_handle hh;
	unsigned long df;
	char key[];
};

struct jd_background {
	struct bgentry *table;
	unsigned long long filter[JD_FILTER_WORDS];
	unsigned long docs;
};

static void
bg_add(struct jd_background *bg, const char *s, size_t n, const char *num)
{
	struct bgentry *b = xmalloc(sizeof *b + n + 1);

	memset(&b->hh, 0, sizeof b->hh);
	memcpy(b->key, s, n);
	b->key[n] = '\0';
	b->df = strtoul(num, NULL, 10);
	JD_HASH_ADD_FILTERED(bg->table, bg->filter, b->key, n, b);
}

struct jd_background *
jd_background_builtin(void)
{
	struct jd_background *bg = xcalloc(1, sizeof *bg);
	size_t len;
	const char *s = jd_util_corpus("background.tsv", &len);
	const char *end = s ? s + len : NULL;

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
	struct bgentry *b, *tmp;

	if (bg == NULL)
		return;
	HASH_ITER(hh, bg->table, b, tmp) {
		HASH_DEL(bg->table, b);
		free(b);
	}
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
	struct bgentry *b;

	if (bg == NULL)
		return 0;
	table_key(&k, key, len);
	JD_HASH_FIND_FILTERED(bg->table, bg->filter, jd_buf_str(&k), k.len, b);
	jd_buf_free(&k);
	return b ? b->df : 0;
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
