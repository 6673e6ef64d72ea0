/*
 * align.h: lines every resume bullet up against every posting: the posting
 * line each bullet is closest to (the line whose term weight it covers
 * most), the terms matched, in which wording, the terms missing, and each
 * posting's match rate.
 * Ownership: results own their strings; documents and the vocab are
 * borrowed and must outlive nothing returned here.
 */
#ifndef JDALIGN_ALIGN_H
#define JDALIGN_ALIGN_H

#include <stddef.h>

#include "jdalign/vocab.h"

struct jd_lexicon;

/* A resume reduced to terms: line i of doc is bullet i; lines past the
 * bullets are the resume's other text. */
struct jd_rdoc {
	struct jd_doc *doc;
	size_t nbullets;
};

/* One (posting, bullet) alignment. */
struct jd_arow {
	size_t bullet;
	long line;		/* index into the posting doc's lines */
	double score;		/* 0-100, one decimal */
	double covered;		/* term weight covered, for --top */
	char *matched, *alias_matches, *missing, *missing_from_resume,
	    *related;
};

struct jd_arows {
	struct jd_arow *v;
	size_t n, cap;
};

/* A posting's coverage by the whole resume. */
struct jd_coverage {
	double match_rate;	/* 0-100 */
	double required_rate;	/* -1 when no term stands in required */
	unsigned matched, missing;
	char *top_missing;	/* "; "-joined, heaviest first, at most 5 */
};

/* Aligns every bullet with posting doc; appends rows with a score > 0. */
void jd_align_posting(const struct jd_lexicon *lex, const struct jd_doc *post,
    const struct jd_rdoc *resume, struct jd_arows *out);
void jd_align_coverage(const struct jd_doc *post, const struct jd_rdoc *resume,
    struct jd_coverage *cov);
/* Does any resume title share the posting title's role words? */
int jd_align_title_match(const char *posting_title, char *const *titles,
    size_t ntitles);
void jd_arows_free(struct jd_arows *rows);
void jd_coverage_free(struct jd_coverage *cov);

/* Rounds to one decimal, as every rate is reported. */
double jd_align_round1(double x);



/* What a posting says that can rule a candidate out, read from its text. */
struct jd_knockouts {
	int years;		/* the smallest number of years asked; 0: none */
	const char *degree;	/* "associate" "bachelor" "master" "phd" or "" */
	const char *sponsorship;	/* "yes", "no" or "" */
	const char *clearance;	/* "TS/SCI" "Top Secret" "Secret" … or "" */
	const char *workplace;	/* "remote" "hybrid" "onsite" or "" */
};

/* Reads the knockouts from a posting's lines; kinds[i] is line i's section
 * kind ("required", "preferred", …), or NULL when unknown. */
void jd_align_knockouts(const char *const *lines, const char *const *kinds,
    size_t n, struct jd_knockouts *k);
#endif
