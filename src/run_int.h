/*
 * run_int.h: what the files of the run module share: the loaded context,
 * the worker pool, and reading postings into per-input results.
 */
#ifndef JDALIGN_RUN_INT_H
#define JDALIGN_RUN_INT_H

#include <stdio.h>

#include <jansson.h>

#include "jdalign/cli.h"
#include "jdalign/html.h"
#include "jdalign/load.h"
#include "jdalign/report.h"
#include "jdalign/vocab.h"

struct jd_diag;
struct jd_lexicon;

struct ctx {
	const struct jd_opts *o;
	FILE *out, *err;
	struct jd_diag *d;
	struct jd_lexicon *lex;
	struct jd_background *bg;
	struct jd_terms_opts topts;
	int jobs;
	double t0;
};

/* What reading one input gave. */
struct item {
	const char *path;
	char *error;			/* could not be read */
	struct jd_posting_list posts;
	struct jd_doc **docs;		/* one per post; NULL unless ok */
};

enum { KEEP_NOTHING, KEEP_DOCS, KEEP_POSTS };

/* Sets up diag, lexicons and background; 0 or an exit status. */
int ctx_init(struct ctx *c, const struct jd_opts *o, FILE *out, FILE *err);
void ctx_free(struct ctx *c);

/* Collects the POSTING arguments and the paths of --files-from. */
void collect_inputs(struct ctx *c, char *const *args, size_t nargs,
    struct jd_inputs *in);
/* How long parsing an input of len bytes may take before libxml2 is stopped
 * (when it keeps reporting stray tags): 2 s, and 0.25 s more per MB. */
#define PARSE_SECONDS 2.0
#define PARSE_BYTES_PER_SECOND 4e6
double parse_limit(size_t len);
/* Reads an input within --max-bytes and checks it with jd_load_guard.
 * Returns NULL with *data, *len and *widest (unless NULL) set, or why not
 * (the caller frees it). */
char *read_input(struct ctx *c, const char *path, char **data, size_t *len,
    size_t *widest);
/* The message for a parse stopped at its deadline (the caller frees it). */
char *parse_stopped(size_t len);
/* Called with each item, in input order, as soon as it and every item
 * before it are read; the pool frees what the item holds afterwards. */
typedef void drain_fn(struct ctx *c, struct item *it, void *arg);

/* Reads every input in parallel. keep: KEEP_DOCS keeps postings and their
 * documents (lines kept); KEEP_POSTS keeps postings only; KEEP_NOTHING
 * adds each document to v and keeps only status and warnings. */
struct item *read_inputs(struct ctx *c, const struct jd_inputs *in, int keep,
    struct jd_vocab *v, drain_fn *drain, void *arg);
/* Prints an input's errors and warnings; report_items does it for each in
 * input order. */
void report_item(struct ctx *c, const struct item *it);
void report_items(struct ctx *c, struct item *items, size_t n);
void free_items(struct item *items, size_t n);

/* Opens the output table: -o FILE, --out-dir DIR/NAME.EXT or stdout. */
struct jd_table *open_table(struct ctx *c, const char *name,
    const char *const *cols, size_t ncols);
/* Closes a table; a failure is reported and raises the status to 4. */
void close_table(struct ctx *c, struct jd_table *t, const char *name);
struct jd_report_opts report_opts(const struct ctx *c);

/* The columns vocab and gaps share: term, kind, category, postings,
 * share, required_postings, required_share, specificity. */
void write_term_counts(struct jd_table *t, const struct jd_vterm *r,
    double docs);
/* Writes text to -o FILE (whole or not at all) or standard output. */
void write_text(struct ctx *c, const struct jd_buf *b);
/* Appends o as one line of compact JSON and releases it. */
void json_line(struct jd_buf *b, json_t *o);
/* Writes the corpus table as vocab does (term, kind, … example). */
void write_vocab(struct ctx *c, struct jd_vocab *v);
/* run_merge.c: vocab --partial output, and the merge command. */
void write_partial(struct ctx *c, struct jd_vocab *v);
int run_merge(struct ctx *c);

int run_align(struct ctx *c);
int run_compare(struct ctx *c);
/* fetch needs no lexicon: it runs before the context is set up. */
int run_fetch(const struct jd_opts *o, FILE *out, FILE *err);

/* run_lint.c: the lint command, and what align writes of lint. */
struct jd_resume;
struct jd_lint_findings;
struct jd_lint_range;
struct json_t;

#define LINT_NCOLS 6
extern const char *const lint_cols[LINT_NCOLS];

int run_lint(struct ctx *c);
/* Lints every bullet of r: findings into f, the range into range. */
void lint_resume(struct ctx *c, const struct jd_resume *r,
    struct jd_lint_findings *f, struct jd_lint_range *range);
/* Writes findings as rows of t (lint_cols). */
void lint_rows(struct jd_table *t, const struct jd_resume *r,
    const struct jd_lint_findings *f);
/* The range as a new JSON object for run.json. */
struct json_t *lint_range_json(const struct jd_lint_range *range);

#endif
