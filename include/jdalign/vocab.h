/*
 * vocab.h: reduces a posting's lines to its table of terms (jd_doc), and
 * adds documents up into the corpus table (jd_vocab) that gives each term
 * its postings, required postings, spellings, example line and specificity.
 * A term's weight in a posting is section_weight x specificity.
 * Ownership: a jd_doc and a jd_vocab own all their strings; the lexicon and
 * the background table they are given are borrowed.
 */
#ifndef JDALIGN_VOCAB_H
#define JDALIGN_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "jdalign/terms.h"

struct jd_lexicon;
struct jd_background;
struct jd_vocab;

/* One term of one document. */
struct jd_dterm {
	char *name;		/* canonical */
	const char *kind;	/* lexicon kind, or "phrase" */
	const char *category;
	int lex_id;		/* -1 for a phrase */
	char *surface;		/* the first spelling in this document */
	const char *section;	/* the highest-weighted section it stands in */
	double section_weight;
	unsigned count;
	double specificity;	/* set by jd_vocab_weigh */
	double weight;
	char *example;		/* the smallest line it stands in */
	unsigned long example_line;	/* which of the doc's lines that is */
};

/* One line of a document and the terms in it. */
struct jd_dline {
	char *text;
	const char *section;
	size_t *terms;		/* indexes into jd_doc.terms, in order */
	char **surfaces;	/* each as written in this line */
	size_t nterms;
};

struct jd_doc {
	struct jd_dterm *terms;
	size_t nterms, cap;
	struct jd_dline *lines;	/* kept only when asked */
	size_t nlines, lcap;
	int required;		/* has a required section */
	unsigned long nseen;	/* lines given to jd_vocab_doc_line */
	void *index;		/* private */
	void *strings;		/* private */
};

/* Section kinds by name ("required", "benefits" …) and their weights. */
double jd_vocab_section_weight(const char *section);

struct jd_doc *jd_vocab_doc_new(void);
/*
 * Finds the terms of one line standing in a section ("required", …) and
 * adds them; keep_line keeps the line with its terms for alignment.
 * Benefits and legal lines add nothing.
 */
void jd_vocab_doc_line(struct jd_doc *doc, const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, struct jd_hits *scratch,
    const char *text, size_t len, const char *section, int keep_line);
/* The index of a term in doc by canonical name, or -1. */
long jd_vocab_doc_find(const struct jd_doc *doc, const char *name);
void jd_vocab_doc_free(struct jd_doc *doc);

struct jd_vocab *jd_vocab_new(const struct jd_background *bg);
/* A new empty table made as v was (background, contexts kept). */
struct jd_vocab *jd_vocab_new_like(const struct jd_vocab *v);
/* Makes v keep exactly the contexts a partial table shows (the smallest
 * of each phrase), not only their count, which is all a vocabulary needs
 * and cheaper to keep. */
void jd_vocab_keep_contexts(struct jd_vocab *v);
void jd_vocab_free(struct jd_vocab *v);
/* Adds one posting's terms to the corpus table. */
void jd_vocab_add(struct jd_vocab *v, const struct jd_doc *doc);
/* Combines another corpus table into v (for shards and threads). */
void jd_vocab_merge(struct jd_vocab *v, const struct jd_vocab *other);
/* The same, and frees other; into an empty v its entries move rather than
 * being copied. */
void jd_vocab_merge_free(struct jd_vocab *v, struct jd_vocab *other);
/* Sets specificity and weight of every term of doc from the corpus, and
 * drops the discovered phrases the corpus does not keep (a phrase is kept
 * when it recurs in the corpus or the background, or stands in a required
 * section, and is specific enough). */
void jd_vocab_weigh(const struct jd_vocab *v, struct jd_doc *doc);

/* A row of the corpus table. */
struct jd_vterm {
	const char *name, *kind, *category;
	unsigned long postings, required_postings;
	double specificity;
	const char *variants;	/* "; "-joined spellings */
	const char *example;
	int lexical;		/* a lexicon term, not a discovered phrase */
	char *const *variant_list;	/* the spellings one by one */
	size_t nvariants;
	const uint64_t *contexts;	/* phrases: hashes of the contexts seen */
	size_t ncontexts;
};

/* Sorts the table (postings, then specificity, then name) and returns the
 * number of rows: every lexicon term, and the phrases it keeps; jd_vocab_row
 * reads row i in that order. */
size_t jd_vocab_sort(struct jd_vocab *v);
/* The same, listing every row, phrases not (yet) kept too: what a partial
 * table must carry so that merging decides as one run would. */
size_t jd_vocab_sort_all(struct jd_vocab *v);
void jd_vocab_row(const struct jd_vocab *v, size_t i, struct jd_vterm *row);
unsigned long jd_vocab_postings(const struct jd_vocab *v);
/* The specificity of a term by name (0 when unknown). */
double jd_vocab_specificity(const struct jd_vocab *v, const char *name);

/*
 * Adds a row of another corpus table (read from a partial table): counts
 * add up, spellings and the example stay the smallest, so the order rows
 * arrive in never matters. kind and category are borrowed and must outlive
 * v (the lexicon's strings, or static ones).
 */
void jd_vocab_add_row(struct jd_vocab *v, const struct jd_vterm *row);
/* Counts postings added through rows (a partial table's header). */
void jd_vocab_add_postings(struct jd_vocab *v, unsigned long postings);

#endif
