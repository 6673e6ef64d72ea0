/*
 * terms.c: lexicon lookups over token windows, and the context rules that
 * decide whether an ambiguous spelling names a technology. Knows nothing of
 * postings, sections or reports.
 */
#include <string.h>

#include "jdalign/lexicon.h"
#include "jdalign/terms.h"
#include "jdalign/util.h"

#define EVIDENCE_WINDOW 6

static void
add_hit(struct jd_hits *h, int term, const struct jd_tokens *t, size_t a,
    size_t b, const char *amb)
{
	struct jd_hit *x;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	x = &h->v[h->n++];
	memset(x, 0, sizeof *x);
	x->term = term;
	x->start = t->v[a].start;
	x->end = t->v[b - 1].end;
	x->tok_start = (uint32_t)a;
	x->tok_end = (uint32_t)b;
	x->source = JD_SRC_LEXICON;
	x->key_len = amb != NULL;	/* ambiguity flag until resolved */
	if (h->n > h->amb_cap) {
		h->amb_cap = h->cap;
		h->amb = xreallocarray(h->amb, h->amb_cap, sizeof *h->amb);
	}
	h->amb[h->n - 1] = amb;
}

/* The longest alias starting at token i; returns its token count or 0. */
static size_t
longest_at(const struct jd_lexicon *lex, const struct jd_tokens *t, size_t i,
    struct jd_buf *key, int *term, const char **amb)
{
	size_t max = jd_lexicon_max_tokens(lex), best = 0;

	jd_buf_reset(key);
	for (size_t k = 0; k < max && i + k < t->n; k++) {
		const struct jd_token *tok = &t->v[i + k];
		int id, r;
		const char *a;
		if (tok->kind == JD_TOK_URL)
			break;
		if (k)
			jd_buf_addc(key, ' ');
		jd_buf_add(key, jd_token_fold(t, i + k), tok->fold_len);
		r = jd_lexicon_lookup(lex, key->data, key->len, &id, &a);
		if (r == JD_LEX_NONE)
			break;
		if (r == JD_LEX_TERM) {
			best = k + 1;
			*term = id;
			*amb = a;
		}
	}
	return best;
}

/* Most words capitalized: a heading or a title, where case says nothing. */
static int
title_case(const struct jd_tokens *t)
{
	size_t words = 0, caps = 0;

	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].kind == JD_TOK_WORD && t->v[i].fold_len > 3) {
			words++;
			caps += (t->v[i].flags & JD_TOKF_CAP) != 0;
		}
	return words >= 2 && caps * 10 >= words * 7;
}

/* Written the way the canonical name is, where that casing is telling. */
static int
case_evidence(const struct jd_hits *h, size_t i, const char *text, int titled)
{
	const struct jd_hit *x = &h->v[i];
	const char *spelling = h->amb[i];
	const struct jd_token *first = &h->toks.v[x->tok_start];
	size_t n = x->end - x->start;

	if (titled || (first->flags & JD_TOKF_SENT) || n < 2)
		return 0;
	if (!(first->flags & (JD_TOKF_CAP | JD_TOKF_INNERCAP)))
		return 0;
	return strlen(spelling) == n && memcmp(spelling, text + x->start, n) == 0;
}

/* An unambiguous term nearby: "Go and Python", "R, SQL". */
static int
neighbour_evidence(const struct jd_hits *h, size_t self)
{
	const struct jd_hit *x = &h->v[self];

	for (size_t j = 0; j < h->n; j++) {
		const struct jd_hit *y = &h->v[j];
		if (j == self || y->key_len != 0)
			continue;
		if (y->tok_end <= x->tok_start &&
		    x->tok_start - y->tok_end < EVIDENCE_WINDOW)
			return 1;
		if (y->tok_start >= x->tok_end &&
		    y->tok_start - x->tok_end < EVIDENCE_WINDOW)
			return 1;
	}
	return 0;
}

static void
resolve_ambiguous(const char *text, struct jd_hits *h)
{
	int titled = title_case(&h->toks);
	size_t w = 0;
	unsigned char *keep = xcalloc(h->n + 1, 1);

	for (size_t i = 0; i < h->n; i++)
		keep[i] = h->v[i].key_len == 0 ||
		    case_evidence(h, i, text, titled) ||
		    neighbour_evidence(h, i);
	for (size_t i = 0; i < h->n; i++)
		if (keep[i]) {
			h->v[w] = h->v[i];
			h->v[w].key_len = 0;
			w++;
		}
	h->n = w;
	free(keep);
}

void
jd_terms_find(const struct jd_lexicon *lex, const struct jd_terms_opts *opts,
    const char *text, size_t len, struct jd_hits *h)
{
	struct jd_buf key = JD_BUF_INIT;
	const struct jd_tokens *t = &h->toks;

	(void)opts;
	h->n = 0;
	jd_buf_reset(&h->strs);
	jd_token_scan(&h->toks, text, len);
	for (size_t i = 0; i < t->n;) {
		int term = -1;
		const char *amb = NULL;
		size_t k = longest_at(lex, t, i, &key, &term, &amb);
		if (k == 0) {
			i++;
			continue;
		}
		add_hit(h, term, t, i, i + k, amb);
		i += k;
	}
	resolve_ambiguous(text, h);
	jd_buf_free(&key);
}

const char *
jd_terms_name(const struct jd_lexicon *lex, const struct jd_hits *h, size_t i,
    size_t *len)
{
	const struct jd_hit *x = &h->v[i];

	if (x->term >= 0) {
		const char *name = jd_lexicon_term(lex, x->term)->name;
		*len = strlen(name);
		return name;
	}
	*len = x->key_len;
	return h->strs.data + x->key;
}

void
jd_hits_free(struct jd_hits *h)
{
	free(h->v);
	free(h->amb);
	jd_buf_free(&h->strs);
	jd_tokens_free(&h->toks);
	memset(h, 0, sizeof *h);
}
