/*
 * lint.h: what a recruiter reads as noise or risk in resume bullets:
 * junior-coded openings, duties without results, generic virtues, keyword
 * stuffing, hidden text, length and first person; and the range of a resume
 * (how many bullets show technical depth, business impact, leadership).
 * It points and explains; it never rewrites a bullet. Knows nothing of how
 * a resume is read or of CSV: it is handed each bullet's text.
 * Ownership: a finding owns its evidence; rule names, severities and
 * suggestions are static; the lexicon is borrowed and must outlive the lint.
 */
#ifndef JDALIGN_LINT_H
#define JDALIGN_LINT_H

#include <stddef.h>

struct jd_lexicon;

/* Rules, in the order a bullet's findings are listed. */
enum jd_lint_rule {
	JD_LINT_JUNIOR_VERB, JD_LINT_NO_RESULT, JD_LINT_GENERIC_VIRTUE,
	JD_LINT_STUFFING, JD_LINT_HIDDEN_TEXT, JD_LINT_LENGTH,
	JD_LINT_FIRST_PERSON, JD_LINT_NRULES
};

enum jd_lint_severity { JD_LINT_INFO, JD_LINT_WARNING, JD_LINT_HIGH };

/* Thresholds (README, "Lint"). */
#define JD_LINT_MAX_WORDS 35	/* more words: length */
#define JD_LINT_MIN_WORDS 5	/* fewer words: length */
#define JD_LINT_LIST_TERMS 5	/* distinct technologies for a list */
#define JD_LINT_LIST_SHARE 50	/* % of words they must make up */
#define JD_LINT_REPEATS 3	/* one term this often is stuffing */
#define JD_LINT_BUZZWORDS 3	/* distinct marketing adjectives */

struct jd_lint_finding {
	size_t bullet;		/* the index given to jd_lint_bullet */
	int rule;		/* enum jd_lint_rule */
	int severity;		/* enum jd_lint_severity */
	char *evidence;		/* the words as written, or what is missing */
	const char *suggestion;
};

struct jd_lint_findings {
	struct jd_lint_finding *v;
	size_t n, cap;
};

/* How many bullets (hidden ones left out) show each kind of range. */
struct jd_lint_range {
	size_t bullets, technical, business, leadership;
};

struct jd_lint;

/*
 * Loads the word lists built into the binary (corpora/lint-*.txt); lex
 * tells which words are technologies. A jd_lint keeps scratch space, so
 * one must not be used by two threads at once.
 */
struct jd_lint *jd_lint_new(const struct jd_lexicon *lex);
void jd_lint_free(struct jd_lint *l);

/*
 * Checks one bullet (text as written: list marks, any case) and appends its
 * findings, in rule order, to out; hidden says the HTML hid it from a
 * reader. Counts the bullet in range unless it is hidden (range may be
 * NULL).
 */
void jd_lint_bullet(struct jd_lint *l, size_t index, const char *text,
    int hidden, struct jd_lint_findings *out, struct jd_lint_range *range);

const char *jd_lint_rule_name(int rule);
const char *jd_lint_severity_name(int severity);
void jd_lint_findings_free(struct jd_lint_findings *f);

#endif
