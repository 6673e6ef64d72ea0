/*
 * report.h: writes result tables as CSV (libcsv quoting), TSV or JSON Lines,
 * with text cells neutralized against formula injection, numbers in the C
 * locale, and files written whole or not at all (a temporary file renamed
 * into place).
 * Ownership: a table borrows its column names until jd_report_close.
 */
#ifndef JDALIGN_REPORT_H
#define JDALIGN_REPORT_H

#include <stddef.h>
#include <stdio.h>

enum jd_format { JD_FMT_CSV, JD_FMT_TSV, JD_FMT_JSONL };

struct jd_report_opts {
	int format;	/* enum jd_format */
	int bom;	/* a UTF-8 byte-order mark first (CSV, TSV) */
	int crlf;	/* CRLF line ends */
};

struct jd_table;

/*
 * Opens a table on path (written to a temporary file beside it and renamed
 * on close), or on stream when path is NULL. Returns NULL with *cause set
 * when the file cannot be created. Writes the header row (not for JSONL).
 */
struct jd_table *jd_report_open(const char *path, FILE *stream,
    const struct jd_report_opts *opts, const char *const *columns,
    size_t ncolumns, const char **cause);
/* A text cell (NULL: empty); neutralized when a spreadsheet would run it. */
void jd_report_text(struct jd_table *t, const char *s);
/* A number cell already formatted ("12.5"); NULL: empty (JSON null). */
void jd_report_num(struct jd_table *t, const char *s);
void jd_report_int(struct jd_table *t, unsigned long v);
/* decimals: 1 for rates, 3 for weights. */
void jd_report_real(struct jd_table *t, double v, int decimals);
void jd_report_end_row(struct jd_table *t);
/* Writes bytes as they are (a table opened with no columns: text, JSON). */
void jd_report_raw(struct jd_table *t, const char *s, size_t n);
/*
 * Finishes the table: flushes, and renames the temporary file into place.
 * Returns 0, or -1 with *cause set; on failure the previous file at path is
 * left as it was and no partial file remains.
 */
int jd_report_close(struct jd_table *t, const char **cause);
/* Aborts a table opened on a path: removes the temporary file. */
void jd_report_abort(struct jd_table *t);

/* The name a report gets in --out-dir: "alignment" -> "alignment.csv". */
const char *jd_report_ext(int format);
/* Does a spreadsheet read s as a formula? (=, +, -, @, full-width forms,
 * tab, CR, LF first.) */
int jd_report_dangerous(const char *s);

/* Writes text to path whole or not at all. 0 or -1 with *cause. */
int jd_report_write_file(const char *path, const char *text, size_t len,
    const char **cause);

#endif
