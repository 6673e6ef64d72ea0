/*
 * lint_int.h: what lint.c and lint_words.c share: a bullet split into
 * folded words (each with the forms it may be an inflection of), and
 * phrase lists from corpora/lint-*.txt matched against those words.
 */
#ifndef JDALIGN_LINT_INT_H
#define JDALIGN_LINT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "jdalign/buf.h"

#define LW_MAXCAND 7
#define LW_GAP 3		/* words a "..." in a phrase may stand for */

enum {
	LW_HYPHEN = 1,		/* joined to the previous word by a hyphen */
	LW_DIGIT = 2,		/* has a digit */
	LW_MONEY = 4,		/* starts with a currency sign */
	LW_UPPER = 8,		/* written with a capital first letter */
	LW_TECH = 16,		/* (part of) a technology the lexicon knows */
	LW_TECH_IN = 32,	/* inside one begun by an earlier word */
	LW_TECH_END = 64	/* the last word of one */
};

struct lword {
	uint32_t start, end;	/* bytes in the text, end exclusive */
	uint32_t cand[LW_MAXCAND];	/* folded forms in lwords.strs */
	uint8_t ncand;		/* cand[0] is the word itself */
	uint8_t flags;
};

struct lwords {
	const char *text;
	struct lword *v;
	size_t n, cap;
	struct jd_buf strs;
};

/* One phrase of a list: words, where "..." may stand between them. */
struct lentry {
	char **w;
	size_t n;
	uint32_t gaps;		/* bit k: a gap may follow word k */
	int exclude;		/* a "!" line: cancels what it covers */
};

struct llist {
	struct lentry *v;
	size_t n, cap;
};

/* Irregular verb forms: form -> base ("led" -> "lead"). */
struct lirreg {
	char **form, **base;
	size_t n, cap;
};

/* The word "w" of ws (folded). */
#define LW_STR(ws, i) ((ws)->strs.data + (ws)->v[i].cand[0])

/* Splits text into words; irr gives irregular forms (may be NULL). */
void lwords_split(struct lwords *ws, const char *text,
    const struct lirreg *irr);
void lwords_free(struct lwords *ws);
/* Does word i have form s (itself or an inflection of s)? */
int lwords_is(const struct lwords *ws, size_t i, const char *s);
/* Is word i an adverb in -ly? */
int lwords_adverb(const struct lwords *ws, size_t i);

/* Loads a list from an embedded corpus; verbs: also read irregular forms. */
void llist_load(struct llist *l, const char *corpus, struct lirreg *irr);
void llist_free(struct llist *l);
void lirreg_free(struct lirreg *irr);

/* If the phrase matches at word i, the index past its last word, else 0. */
size_t lentry_match(const struct lentry *e, const struct lwords *ws,
    size_t i);
/*
 * The first phrase of l that matches at word i and that no exception
 * covers: returns the index past it (and sets *which when not NULL), or 0.
 */
size_t llist_match(const struct llist *l, const struct lwords *ws, size_t i,
    size_t *which);

#endif
