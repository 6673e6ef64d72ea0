/*
 * terms.h: finds the terms in one line of text: lexicon aliases by hashing
 * token windows (O(tokens x longest alias)), with ambiguous spellings ("Go",
 * "R", "Spring", "Rest") kept only when the context shows a technology, and
 * phrases the lexicon lacks (word n-grams bounded by stop words and
 * punctuation). Also holds the background table of document frequencies
 * that judges phrases when there is no corpus.
 * Ownership: a jd_hits owns its array and strings; the lexicon and the
 * background are borrowed.
 */
#ifndef JDALIGN_TERMS_H
#define JDALIGN_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "jdalign/buf.h"
#include "jdalign/token.h"

struct jd_lexicon;
struct jd_background;

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
	void *scratch;		/* private */
	size_t scratch_cap;
	struct jd_buf words, key;	/* private */
};

#define JD_HITS_INIT { NULL, 0, 0, JD_BUF_INIT, JD_TOKENS_INIT, NULL, 0, \
	JD_BUF_INIT, JD_BUF_INIT }

/* What phrase discovery does. */
enum jd_phrases {
	JD_PHRASES_OFF = 0,
	/* every candidate: a corpus (jd_vocab) decides which recur */
	JD_PHRASES_CORPUS = 1,
	/* only candidates that recur in the background table and are specific
	 * there: `jdalign terms`, which has no corpus */
	JD_PHRASES_BACKGROUND = 2
};

struct jd_terms_opts {
	int phrases;			/* enum jd_phrases */
	const struct jd_background *bg;	/* for JD_PHRASES_BACKGROUND */
};

/* Finds the terms of text[0..len) into hits (replacing what it held), in
 * the order they stand; lexicon terms and phrases never overlap. */
void jd_terms_find(const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, const char *text, size_t len,
    struct jd_hits *hits);
/* The canonical name of hit i: the lexicon's, or the phrase's folded key. */
const char *jd_terms_name(const struct jd_lexicon *lex,
    const struct jd_hits *hits, size_t i, size_t *len);
void jd_hits_free(struct jd_hits *hits);

/*
 * Phrase words (corpora/stopwords.txt, corpora/generic-words.txt,
 * corpora/boilerplate.txt): is the folded word a stop word, a generic word
 * that neither starts nor ends a phrase? Is the folded phrase boilerplate?
 */
int jd_terms_stopword(const char *word, size_t len);
int jd_terms_generic(const char *word, size_t len);
int jd_terms_boilerplate(const char *phrase, size_t len);

/* Background document frequencies (corpora/background.tsv), built in. */
struct jd_background *jd_background_builtin(void);
void jd_background_free(struct jd_background *bg);
/* Documents the table was counted over. */
unsigned long jd_background_docs(const struct jd_background *bg);
/* The document frequency of a folded key ("ci / cd" is looked up as
 * "ci/cd", as the table spells it); 0 when unknown or bg is NULL. */
unsigned long jd_background_df(const struct jd_background *bg,
    const char *key, size_t len);
/* ln((N+1)/(df+1)) / ln(N+1) over N documents, in [0, 1]. */
double jd_terms_specificity(unsigned long df, unsigned long docs);

#endif
