/*
 * vocab.c: per-posting term tables and the corpus table, both in uthash,
 * plus the background table of document frequencies that makes "team" weigh
 * little even in a one-posting run. Knows nothing of HTML or CSV.
 */
#include <math.h>
#include <string.h>

#include "hashfn.h"
#include <uthash.h>

#include "jdalign/lexicon.h"
#include "jdalign/util.h"
#include "jdalign/vocab.h"

#define MAX_VARIANTS 8

static const struct {
	const char *name;
	double weight;
} section_weights[] = {
	{ "required", 1.0 }, { "responsibilities", 0.8 }, { "other", 0.6 },
	{ "preferred", 0.5 }, { "about", 0.3 }, { "benefits", 0.0 },
	{ "legal", 0.0 },
};

double
jd_vocab_section_weight(const char *section)
{
	for (size_t i = 0; i < sizeof section_weights /
	    sizeof section_weights[0]; i++)
		if (strcmp(section_weights[i].name, section) == 0)
			return section_weights[i].weight;
	return 0.6;
}

static double
round3(double x)
{
	return floor(x * 1000.0 + 0.5) / 1000.0;
}

/* ------------------------------------------------------------ documents */

/* An index entry holds its term's name (the key) and first spelling. */
struct dindex {
	UT_hash_handle hh;
	size_t term;
	char key[];
};

/*
 * A document's strings and index entries live in chunks that go with it:
 * a posting makes a few hundred, each small, and frees them all at once.
 * A line's copy is the example of every term in it.
 */
#define CHUNK 8192

struct chunk {
	struct chunk *next;
	size_t used, cap;
	_Alignas(16) char data[];
};

static void *
doc_alloc(struct jd_doc *doc, size_t n)
{
	struct chunk *c = doc->strings;

	n = (n + 15) & ~(size_t)15;
	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > CHUNK / 4 ? n : CHUNK;
		struct chunk *k = xmalloc(sizeof *k + cap);
		k->used = 0;
		k->cap = cap;
		if (c && cap == n) {	/* a large one: the head stays */
			k->next = c->next;
			c->next = k;
			k->used = n;
			return k->data;
		}
		k->next = c;
		doc->strings = c = k;
	}
	c->used += n;
	return c->data + c->used - n;
}

static char *
doc_strndup(struct jd_doc *doc, const char *s, size_t n)
{
	char *p = doc_alloc(doc, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

struct jd_doc *
jd_vocab_doc_new(void)
{
	return xcalloc(1, sizeof(struct jd_doc));
}

long
jd_vocab_doc_find(const struct jd_doc *doc, const char *name)
{
	struct dindex *x, *idx = doc->index;

	HASH_FIND(hh, idx, name, strlen(name), x);
	return x ? (long)x->term : -1;
}

static size_t
doc_term(struct jd_doc *doc, const struct jd_lexicon *lex, int lex_id,
    const char *name, size_t nlen, const char *surface, size_t slen,
    const char *section, double w, char *line)
{
	struct dindex *x, *idx = doc->index;
	struct jd_dterm *t;
	unsigned hashv;

	HASH_VALUE(name, nlen, hashv);
	HASH_FIND_BYHASHVALUE(hh, idx, name, nlen, hashv, x);
	if (x == NULL) {
		if (doc->nterms == doc->cap) {
			doc->cap = doc->cap ? doc->cap * 2 : 32;
			doc->terms = xreallocarray(doc->terms, doc->cap,
			    sizeof *doc->terms);
		}
		x = doc_alloc(doc, sizeof *x + nlen + 1 + slen + 1);
		memset(x, 0, sizeof *x);
		memcpy(x->key, name, nlen);
		x->key[nlen] = '\0';
		memcpy(x->key + nlen + 1, surface, slen);
		x->key[nlen + 1 + slen] = '\0';
		t = &doc->terms[doc->nterms];
		memset(t, 0, sizeof *t);
		t->name = x->key;
		t->lex_id = lex_id;
		const struct jd_lexterm *lt = jd_lexicon_term(lex, lex_id);
		t->kind = lt ? lt->kind : "phrase";
		t->category = lt ? lt->category : "";
		t->surface = x->key + nlen + 1;
		t->section = section;
		t->section_weight = w;
		t->example = line;
		t->example_line = doc->nseen;
		x->term = doc->nterms++;
		HASH_ADD_KEYPTR_BYHASHVALUE(hh, idx, x->key, nlen, hashv, x);
		doc->index = idx;
	} else {
		t = &doc->terms[x->term];
		if (w > t->section_weight) {
			t->section_weight = w;
			t->section = section;
		}
		/* the line it already has: no comparison (a long line
		 * holding many terms would cost its length each time) */
		if (t->example_line != doc->nseen &&
		    strcmp(line, t->example) < 0) {
			t->example = line;
			t->example_line = doc->nseen;
		}
	}
	t->count++;
	return x->term;
}

void
jd_vocab_doc_line(struct jd_doc *doc, const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, struct jd_hits *h, const char *text,
    size_t len, const char *section, int keep_line)
{
	struct jd_dline *dl = NULL;
	double w = jd_vocab_section_weight(section);

	if (w <= 0.0)
		return;
	doc->nseen++;
	if (strcmp(section, "required") == 0)
		doc->required = 1;
	jd_terms_find(lex, opts, text, len, h);
	if (keep_line) {
		if (doc->nlines == doc->lcap) {
			doc->lcap = doc->lcap ? doc->lcap * 2 : 32;
			doc->lines = xreallocarray(doc->lines, doc->lcap,
			    sizeof *doc->lines);
		}
		dl = &doc->lines[doc->nlines++];
		memset(dl, 0, sizeof *dl);
		dl->text = doc_strndup(doc, text, len);
		dl->section = section;
		dl->terms = xcalloc(h->n + 1, sizeof *dl->terms);
		dl->surfaces = xcalloc(h->n + 1, sizeof *dl->surfaces);
	}
	char *line = h->n ? doc_strndup(doc, text, len) : NULL;
	for (size_t i = 0; i < h->n; i++) {
		size_t nlen;
		const char *name = jd_terms_name(lex, h, i, &nlen);
		const char *surf = text + h->v[i].start;
		size_t slen = h->v[i].end - h->v[i].start;
		size_t t = doc_term(doc, lex, h->v[i].term, name, nlen, surf,
		    slen, section, w, line);
		if (dl == NULL)
			continue;
		size_t k;
		for (k = 0; k < dl->nterms && dl->terms[k] != t; k++)
			;
		if (k == dl->nterms) {
			dl->terms[dl->nterms] = t;
			dl->surfaces[dl->nterms++] = doc_strndup(doc, surf,
			    slen);
		}
	}
}

void
jd_vocab_doc_free(struct jd_doc *doc)
{
	struct dindex *idx;

	if (doc == NULL)
		return;
	idx = doc->index;
	HASH_CLEAR(hh, idx);	/* the entries are in the chunks */
	for (struct chunk *c = doc->strings, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	for (size_t i = 0; i < doc->nlines; i++) {
		free(doc->lines[i].surfaces);
		free(doc->lines[i].terms);
	}
	free(doc->lines);
	free(doc->terms);
	free(doc);
}

/* ------------------------------------------------------------ corpus */

/*
 * A phrase is market vocabulary when it recurs across postings, or stands
 * in a required section of its one posting, and is specific enough that
 * it is not what every posting says. Recurring means in two postings, in
 * as many different contexts as postings up to three: a company's text
 * pasted into each of its postings is one context (two when someone edited
 * a copy), required section or not.
 */
#define PHRASE_MIN_POSTINGS 2
#define PHRASE_MIN_CONTEXTS 2
#define PHRASE_MIN_SPECIFICITY 0.3
/* Distinct lines remembered per phrase (only the count up to it matters). */
#define MAX_CONTEXTS 4

struct centry {
	UT_hash_handle hh;
	const char *kind, *category;
	int lexical;
	unsigned long postings, required;
	unsigned long bgdf;
	char *variants[MAX_VARIANTS];
	int nvariants;
	char *example;
	char *joined;
	double spec;
	uint64_t contexts[MAX_CONTEXTS];	/* phrases: line hashes */
	int ncontexts;
	/* one of variants, whose context in example is counted, or NULL */
	const char *counted;
	char name[];	/* the key */
};

struct jd_vocab {
	struct centry *table;
	int all_contexts;	/* jd_vocab_keep_contexts */
	const struct jd_background *bg;
	unsigned long docs;
	struct centry **sorted;
	size_t nsorted;
	int weighed;
};

static int
phrase_kept(const struct centry *c, double spec)
{
	if (spec < PHRASE_MIN_SPECIFICITY)
		return 0;
	unsigned long need = c->postings < PHRASE_MIN_CONTEXTS + 1 ?
	    c->postings : PHRASE_MIN_CONTEXTS + 1;

	if (c->postings < PHRASE_MIN_POSTINGS)
		return c->required > 0;
	return (unsigned long)c->ncontexts >= need;
}

/* Bytes each side of a phrase that make its context. */
#define CONTEXT_REACH 32

static int
sentence_end(const char *s, size_t i, size_t n)
{
	return (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ';') &&
	    (i + 1 == n || s[i + 1] == ' ');
}

/* What stands around the phrase in its example line, within its sentence:
 * a company's text pasted into each of its postings gives one context even
 * when the sentences around it were edited. */
static uint64_t
context_hash(const char *line, const char *surface)
{
	const char *p = jd_util_casestr(line, surface);
	size_t n = strlen(line), a, b, lo, hi;

	if (p == NULL)
		return jd_util_fnv(JD_FNV_INIT, line, n);
	a = (size_t)(p - line);
	b = a + strlen(surface);
	lo = a > CONTEXT_REACH ? a - CONTEXT_REACH : 0;
	hi = b + CONTEXT_REACH < n ? b + CONTEXT_REACH : n;
	while (a > lo && !sentence_end(line, a - 1, n))
		a--;
	while (b < hi && !sentence_end(line, b, n))
		b++;
	return jd_util_fnv(JD_FNV_INIT, line + a, b - a);
}

/* Keeps the MAX_CONTEXTS smallest distinct hashes, smallest first:
 * which ones does not depend on the order postings come in, so tables
 * made by any threads in any order, or merged, hold the same. */
static void
add_context(struct centry *c, uint64_t h)
{
	int i = 0, n = c->ncontexts;

	while (i < n && c->contexts[i] < h)
		i++;
	if (i == MAX_CONTEXTS || (i < n && c->contexts[i] == h))
		return;
	if (n == MAX_CONTEXTS)
		n--;
	memmove(&c->contexts[i + 1], &c->contexts[i],
	    (size_t)(n - i) * sizeof *c->contexts);
	c->contexts[i] = h;
	c->ncontexts = n + 1;
}

void
jd_vocab_keep_contexts(struct jd_vocab *v)
{
	v->all_contexts = 1;
}

struct jd_vocab *
jd_vocab_new_like(const struct jd_vocab *v)
{
	struct jd_vocab *n = jd_vocab_new(v->bg);

	n->all_contexts = v->all_contexts;
	return n;
}

struct jd_vocab *
jd_vocab_new(const struct jd_background *bg)
{
	struct jd_vocab *v = xcalloc(1, sizeof *v);

	v->bg = bg;
	return v;
}

static void
centry_free(struct centry *c)
{
	for (int i = 0; i < c->nvariants; i++)
		free(c->variants[i]);
	free(c->example);
	free(c->joined);
	free(c);
}

void
jd_vocab_free(struct jd_vocab *v)
{
	struct centry *c, *tmp;

	if (v == NULL)
		return;
	HASH_ITER(hh, v->table, c, tmp) {
		HASH_DEL(v->table, c);
		centry_free(c);
	}
	free(v->sorted);
	free(v);
}

/* Keeps the variants sorted, unique, and the smallest MAX_VARIANTS;
 * returns the variant equal to s, or NULL when s is not among them. */
static const char *
add_variant(struct centry *c, const char *s)
{
	int i, k;

	for (i = 0; i < c->nvariants; i++) {
		int cmp = strcmp(s, c->variants[i]);
		if (cmp == 0)
			return c->variants[i];
		if (cmp < 0)
			break;
	}
	if (i == MAX_VARIANTS)
		return NULL;
	if (c->nvariants == MAX_VARIANTS) {
		if (c->counted == c->variants[--c->nvariants])
			c->counted = NULL;
		free(c->variants[c->nvariants]);
	}
	for (k = c->nvariants; k > i; k--)
		c->variants[k] = c->variants[k - 1];
	c->variants[i] = xstrdup(s);
	c->nvariants++;
	return c->variants[i];
}

/* A new entry for name[0..n), whose hash is hashv. */
static struct centry *
centry_new(struct jd_vocab *v, const char *name, size_t n, unsigned hashv,
    const char *kind, const char *category, int lexical, const char *example)
{
	struct centry *c = xcalloc(1, sizeof *c + n + 1);

	memcpy(c->name, name, n);
	c->kind = kind;
	c->category = category;
	c->lexical = lexical;
	c->example = xstrdup(example);
	HASH_ADD_KEYPTR_BYHASHVALUE(hh, v->table, c->name, n, hashv, c);
	return c;
}

static struct centry *
centry_get(struct jd_vocab *v, const char *name, const char *kind,
    const char *category, int lexical, const char *example)
{
	struct centry *c;
	size_t n = strlen(name);
	unsigned hashv;

	HASH_VALUE(name, n, hashv);
	HASH_FIND_BYHASHVALUE(hh, v->table, name, n, hashv, c);
	if (c)
		return c;
	return centry_new(v, name, n, hashv, kind, category, lexical,
	    example);
}

/* Keeps the smallest example; returns how example compares to the one
 * kept before. */
static int
set_example(struct centry *c, const char *example)
{
	int cmp = strcmp(example, c->example);

	if (cmp < 0) {
		free(c->example);
		c->example = xstrdup(example);
		c->counted = NULL;
	}
	return cmp;
}

/*
 * Counts the context of surface in example, unless it is one already
 * counted: postings that paste the same text give the same smallest line
 * and spelling again and again, and finding the spelling in the line is
 * what costs. cmp says how example compared to the entry's example before
 * (0 also for a new entry); variant is surface's copy among the variants
 * (or NULL). Spellings equal but for ASCII case stand at the same place in
 * a line (context_hash finds them so).
 */
static void
count_context(struct centry *c, const char *example, const char *surface,
    const char *variant, int cmp)
{
	if (cmp == 0 && c->counted && (c->counted == variant ||
	    jd_util_strcasecmp(c->counted, surface) == 0))
		return;
	add_context(c, context_hash(example, surface));
	if (cmp <= 0)
		c->counted = variant;
}

/* Adds a document's term, whose name is x's key: the document's index and
 * the corpus table hash names alike, so the hash is not computed again. */
static void
add_term(struct jd_vocab *v, const struct jd_dterm *t,
    const struct dindex *x)
{
	struct centry *c;
	int cmp = 0;

	HASH_FIND_BYHASHVALUE(hh, v->table, t->name, x->hh.keylen,
	    x->hh.hashv, c);
	if (c)
		cmp = set_example(c, t->example);
	else
		c = centry_new(v, t->name, x->hh.keylen, x->hh.hashv, t->kind,
		    t->category, t->lex_id >= 0, t->example);
	c->postings++;
	if (strcmp(t->section, "required") == 0)
		c->required++;
	const char *variant = add_variant(c, t->surface);
	/* past MAX_CONTEXTS the count no longer changes (only which ones
	 * are kept, which a partial table shows) */
	if (!c->lexical && (c->ncontexts < MAX_CONTEXTS || v->all_contexts))
		count_context(c, t->example, t->surface, variant, cmp);
}

void
jd_vocab_add(struct jd_vocab *v, const struct jd_doc *doc)
{
	const struct dindex *x, *tmp, *idx = doc->index;

	v->docs++;
	/* in the order of doc->terms, which the index was built in */
	HASH_ITER(hh, idx, x, tmp)
		add_term(v, &doc->terms[x->term], x);
	v->weighed = 0;
}

void
jd_vocab_merge(struct jd_vocab *v, const struct jd_vocab *o)
{
	struct centry *c, *tmp;

	v->docs += o->docs;
	HASH_ITER(hh, o->table, c, tmp) {
		struct centry *m = centry_get(v, c->name, c->kind, c->category,
		    c->lexical, c->example);
		m->postings += c->postings;
		m->required += c->required;
		for (int i = 0; i < c->nvariants; i++)
			add_variant(m, c->variants[i]);
		set_example(m, c->example);
		for (int i = 0; i < c->ncontexts; i++)
			add_context(m, c->contexts[i]);
	}
	v->weighed = 0;
}

void
jd_vocab_merge_free(struct jd_vocab *v, struct jd_vocab *o)
{
	if (v->table == NULL) {	/* what a merge would copy, in order */
		v->table = o->table;
		o->table = NULL;
		v->docs += o->docs;
		v->weighed = 0;
	} else {
		jd_vocab_merge(v, o);
	}
	jd_vocab_free(o);
}

/*
 * specificity = ln((N+1)/(df+1)) / ln(N+1) over background and corpus;
 * lexicon terms are never filler: 0.5 + half of it. A discovered phrase
 * the corpus does not keep (see phrase_kept) has none.
 */
static double
specificity(const struct jd_vocab *v, const struct centry *c,
    const char *key)
{
	unsigned long bgdocs = jd_background_docs(v->bg);
	unsigned long bgdf = jd_background_df(v->bg, key, strlen(key));
	double s = jd_terms_specificity(bgdf + c->postings, bgdocs + v->docs);

	if (c->lexical)
		return round3(0.5 + 0.5 * s);
	if (!phrase_kept(c, s))
		return 0.0;
	return round3(s);
}

static void
weigh_all(struct jd_vocab *v, const struct jd_lexicon *lex)
{
	struct centry *c, *tmp;

	(void)lex;
	HASH_ITER(hh, v->table, c, tmp) {
		struct jd_buf key = JD_BUF_INIT;
		jd_token_fold_text(&key, c->name, strlen(c->name));
		c->spec = specificity(v, c, jd_buf_str(&key));
		jd_buf_free(&key);
	}
	v->weighed = 1;
}

double
jd_vocab_specificity(const struct jd_vocab *v, const char *name)
{
	struct centry *c;

	if (!v->weighed)
		weigh_all((struct jd_vocab *)v, NULL);
	HASH_FIND(hh, v->table, name, strlen(name), c);
	return c ? c->spec : 0.0;
}

/* Drops the terms of doc that keep[] does not, and remaps its lines. */
static void
doc_prune(struct jd_doc *doc, const unsigned char *keep)
{
	size_t *to = xcalloc(doc->nterms + 1, sizeof *to), w = 0;
	struct dindex *x, *tmp, *idx = doc->index;

	for (size_t i = 0; i < doc->nterms; i++) {
		to[i] = keep[i] ? w : (size_t)-1;
		if (keep[i])	/* the strings of the others go with the doc */
			doc->terms[w++] = doc->terms[i];
	}
	doc->nterms = w;
	HASH_ITER(hh, idx, x, tmp) {
		if (to[x->term] == (size_t)-1)
			HASH_DEL(idx, x);
		else
			x->term = to[x->term];
	}
	doc->index = idx;
	for (size_t l = 0; l < doc->nlines; l++) {
		struct jd_dline *dl = &doc->lines[l];
		size_t k = 0;
		for (size_t j = 0; j < dl->nterms; j++) {
			if (to[dl->terms[j]] == (size_t)-1)
				continue;
			dl->terms[k] = to[dl->terms[j]];
			dl->surfaces[k++] = dl->surfaces[j];
		}
		dl->nterms = k;
	}
	free(to);
}

void
jd_vocab_weigh(const struct jd_vocab *v, struct jd_doc *doc)
{
	unsigned char *keep = xcalloc(doc->nterms + 1, 1);
	int drop = 0;

	for (size_t i = 0; i < doc->nterms; i++) {
		struct jd_dterm *t = &doc->terms[i];
		t->specificity = jd_vocab_specificity(v, t->name);
		t->weight = round3(t->section_weight * t->specificity);
		keep[i] = t->lex_id >= 0 || t->specificity > 0.0;
		drop |= !keep[i];
	}
	if (drop)
		doc_prune(doc, keep);
	free(keep);
}

static int
by_rank(const void *a, const void *b)
{
	const struct centry *x = *(struct centry *const *)a;
	const struct centry *y = *(struct centry *const *)b;

	if (x->postings != y->postings)
		return x->postings > y->postings ? -1 : 1;
	if (x->spec != y->spec)
		return x->spec > y->spec ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* A row of the table: every lexicon term, and the phrases it keeps. */
static int
listed_row(const struct centry *c)
{
	return c->lexical || c->spec > 0.0;
}

static size_t
sort_rows(struct jd_vocab *v, int all)
{
	struct centry *c, *tmp;
	size_t i = 0;

	if (!v->weighed)
		weigh_all(v, NULL);
	free(v->sorted);
	v->sorted = xcalloc(HASH_COUNT(v->table) + 1, sizeof *v->sorted);
	HASH_ITER(hh, v->table, c, tmp) {
		if (!all && !listed_row(c))
			continue;
		struct jd_buf j = JD_BUF_INIT;
		for (int k = 0; k < c->nvariants; k++) {
			if (k)
				jd_buf_adds(&j, "; ");
			jd_buf_adds(&j, c->variants[k]);
		}
		free(c->joined);
		c->joined = jd_buf_take(&j);
		v->sorted[i++] = c;
	}
	v->nsorted = i;
	qsort(v->sorted, v->nsorted, sizeof *v->sorted, by_rank);
	return v->nsorted;
}

size_t
jd_vocab_sort(struct jd_vocab *v)
{
	return sort_rows(v, 0);
}

size_t
jd_vocab_sort_all(struct jd_vocab *v)
{
	return sort_rows(v, 1);
}

void
jd_vocab_row(const struct jd_vocab *v, size_t i, struct jd_vterm *row)
{
	const struct centry *c = v->sorted[i];

	row->name = c->name;
	row->kind = c->kind;
	row->category = c->category;
	row->postings = c->postings;
	row->required_postings = c->required;
	row->specificity = c->spec;
	row->variants = c->joined;
	row->example = c->example;
	row->lexical = c->lexical;
	row->variant_list = c->variants;
	row->nvariants = (size_t)c->nvariants;
	row->contexts = c->contexts;
	row->ncontexts = (size_t)c->ncontexts;
}

unsigned long
jd_vocab_postings(const struct jd_vocab *v)
{
	return v->docs;
}

void
jd_vocab_add_row(struct jd_vocab *v, const struct jd_vterm *row)
{
	struct centry *c = centry_get(v, row->name, row->kind, row->category,
	    row->lexical, row->example);

	c->postings += row->postings;
	c->required += row->required_postings;
	for (size_t i = 0; i < row->nvariants; i++)
		add_variant(c, row->variant_list[i]);
	for (size_t i = 0; i < row->ncontexts; i++)
		add_context(c, row->contexts[i]);
	set_example(c, row->example);
	v->weighed = 0;
}

void
jd_vocab_add_postings(struct jd_vocab *v, unsigned long postings)
{
	v->docs += postings;
	v->weighed = 0;
}
