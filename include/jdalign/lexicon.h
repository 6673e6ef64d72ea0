/*
 * lexicon.h: the canonical technology and practice terms, their aliases, kind
 * and category, looked up by the folded text of a token window.
 * File format (corpora/lexicon.tsv, --lexicon FILE), UTF-8, '#' comments:
 *   term<TAB>kind<TAB>category<TAB>alias|alias|~ambiguous|~~weak
 * kind, category and aliases may be left out in a user file. A spelling
 * marked '~' counts only with evidence from its context: written exactly
 * so ("Go", "REST") mid-sentence, or next to a technology, or after a cue
 * ("written in", "programming"); one marked '~~' needs more than its
 * casing ("Spring" is also a season). See terms.h.
 * Every alias of two to four plain words also matches with hyphens
 * ("disaster-recovery"), and every hyphenated one with spaces.
 * Ownership: strings returned are borrowed from the lexicon.
 */
#ifndef JDALIGN_LEXICON_H
#define JDALIGN_LEXICON_H

#include <stddef.h>
#include <stdint.h>

struct jd_lexicon;
struct jd_diag;

struct jd_lexterm {
	const char *name;	/* canonical display form */
	const char *kind;
	const char *category;	/* "" when none */
	const char *key;	/* folded canonical form */
};

/* Results of jd_lexicon_lookup: a JD_LEX_BLOCK key is a phrase that only
 * looks like a term ("social security", "go live"): nothing inside it
 * counts. */
enum { JD_LEX_NONE = 0, JD_LEX_PREFIX = 1, JD_LEX_TERM = 2, JD_LEX_BLOCK = 3 };

/* What a spelling needs before it counts. */
enum jd_lex_evidence {
	JD_EVID_NONE = 0,	/* unambiguous */
	JD_EVID_CASE = 1,	/* '~': its exact casing or its context */
	JD_EVID_CONTEXT = 2	/* '~~': its context */
};

/* One alias found by jd_lexicon_lookup. */
struct jd_lexmatch {
	int term;
	enum jd_lex_evidence evidence;
	const char *spelling;	/* as the lexicon writes it (ambiguous) */
};

struct jd_lexicon *jd_lexicon_new(void);
void jd_lexicon_free(struct jd_lexicon *lex);

/* Loads the lexicon built into the binary, with its blocked phrases
 * (corpora/not-terms.txt). 0 or -1. */
int jd_lexicon_load_builtin(struct jd_lexicon *lex, struct jd_diag *d);
/* Adds blocked phrases, one a line ('#' comments). */
void jd_lexicon_load_blocks(struct jd_lexicon *lex, const char *text,
    size_t len);
/*
 * Adds the entries of a lexicon text; name is used in messages. Later
 * entries extend earlier ones of the same term (case-insensitive) and take
 * over aliases. Malformed lines are warned about and skipped. 0 or -1.
 */
int jd_lexicon_load(struct jd_lexicon *lex, const char *text, size_t len,
    const char *name, struct jd_diag *d);
/* Reads a lexicon file and loads it. */
int jd_lexicon_load_file(struct jd_lexicon *lex, const char *path,
    struct jd_diag *d);

/*
 * Looks up the folded key of a token window ("ci / cd", tokens' folded forms
 * joined by one space). Returns JD_LEX_TERM (with *m filled in; a longer
 * alias may still start with the key), JD_LEX_PREFIX when only a longer
 * alias starts with it, JD_LEX_BLOCK for a blocked phrase, or JD_LEX_NONE.
 */
int jd_lexicon_lookup(const struct jd_lexicon *lex, const char *key,
    size_t len, struct jd_lexmatch *m);
/* How many terms have a written multi-word spelling that ends in the
 * folded word ("testing": unit testing, load testing, …): what makes a
 * discovered phrase look like a term. */
size_t jd_lexicon_heads(const struct jd_lexicon *lex, const char *word,
    size_t len);
/* The longest alias, in tokens. */
size_t jd_lexicon_max_tokens(const struct jd_lexicon *lex);
size_t jd_lexicon_count(const struct jd_lexicon *lex);
const struct jd_lexterm *jd_lexicon_term(const struct jd_lexicon *lex, int id);
/* The id of a term by its canonical name (any case), or -1. */
int jd_lexicon_find(const struct jd_lexicon *lex, const char *name);
/* A digest of everything loaded, for run.json. */
uint64_t jd_lexicon_digest(const struct jd_lexicon *lex);

#endif
