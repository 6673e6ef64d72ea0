/*
 * terms.h: finds the terms in one line of text: lexicon aliases by hashing
 * token windows (O(tokens x longest alias)), with ambiguous spellings ("Go",
 * "R", "Spring", "Rest") kept only when the context shows a technology.
 * Ownership: a jd_hits owns its array and strings; the lexicon is borrowed.
 */
#ifndef JDALIGN_TERMS_H
#define JDALIGN_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "jdalign/buf.h"
#include "jdalign/token.h"

struct jd_lexicon;

enum jd_term_source { JD_SRC_LEXICON, JD_SRC_PHRASE };

struct jd_hit {
	int term;		/* lexicon id, or -1 for a discovered phrase */
	uint32_t start, end;	/* bytes of the surface in the line */
	uint32_t tok_start, tok_end;	/* tokens, end exclusive */
	uint32_t key, key_len;	/* phrase key in jd_hits.strs (phrases) */
	uint8_t source;
};

struct jd_hits {
	struct jd_hit *v;
	size_t n, cap;
	struct jd_buf strs;
	struct jd_tokens toks;	/* the tokens of the last line scanned */
	const char **amb;	/* per hit: the ambiguous spelling, or NULL */
	size_t amb_cap;
};

#define JD_HITS_INIT { NULL, 0, 0, JD_BUF_INIT, JD_TOKENS_INIT, NULL, 0 }

struct jd_terms_opts {
	int phrases;	/* also discover phrases the lexicon lacks */
};

/* Finds the terms of text[0..len) into hits (replacing what it held). */
void jd_terms_find(const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, const char *text, size_t len,
    struct jd_hits *hits);
/* The canonical name of hit i: the lexicon's, or the phrase's folded key. */
const char *jd_terms_name(const struct jd_lexicon *lex,
    const struct jd_hits *hits, size_t i, size_t *len);
void jd_hits_free(struct jd_hits *hits);

#endif
