/*
 * terms_int.h: what the files of the terms module share: the private state
 * kept beside each hit, and phrase discovery (terms_phrase.c).
 */
#ifndef JDALIGN_TERMS_INT_H
#define JDALIGN_TERMS_INT_H

#include "jdalign/terms.h"

struct jd_lexicon;

enum { HIT_PENDING, HIT_KEPT, HIT_DROPPED, HIT_BLOCKED };

/* Beside jd_hits.v[i], in jd_hits.scratch. */
struct hit_info {
	int evidence;		/* enum jd_lex_evidence */
	int state;		/* HIT_PENDING, _KEPT, _DROPPED or _BLOCKED */
	const char *spelling;	/* the lexicon's, for an ambiguous alias */
};

/* Appends a hit over tokens [a, b) of h->toks (term -1: a phrase). */
struct jd_hit *terms_add_hit(struct jd_hits *h, int term, size_t a, size_t b);

/* Adds the phrases of h->toks that no kept or blocked lexicon hit covers
 * (state HIT_KEPT, after the lexicon hits). */
void terms_find_phrases(const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, struct jd_hits *h);

#endif
