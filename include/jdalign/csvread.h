/*
 * csvread.h: a small strict CSV reader (RFC 4180, libcsv in strict mode)
 * for the files jdalign keeps for itself, such as a fetch folder's
 * index.csv, and the quoting that writes fields it reads back the same.
 * Ownership: a jd_csvread owns its records; the fields it returns are
 * borrowed until jd_csvread_free.
 */
#ifndef JDALIGN_CSVREAD_H
#define JDALIGN_CSVREAD_H

#include <stddef.h>

struct jd_buf;
struct jd_csvread;

struct jd_csvread *jd_csvread_new(void);
void jd_csvread_free(struct jd_csvread *r);

/*
 * Parses the whole text. Returns 0, or -1 with *cause set to a static
 * message when the text is not strict CSV or holds a NUL byte; the records
 * before the bad one are kept, the bad one is dropped. Parse once per
 * jd_csvread.
 */
int jd_csvread_parse(struct jd_csvread *r, const char *text, size_t len,
    const char **cause);
/* The 1-based line on which the bad record starts, after a failed parse. */
long jd_csvread_error_line(const struct jd_csvread *r);
/* Did the failed parse concern only the last record (a file cut short)? */
int jd_csvread_error_at_end(const struct jd_csvread *r);

size_t jd_csvread_rows(const struct jd_csvread *r);
size_t jd_csvread_fields(const struct jd_csvread *r, size_t row);
/* Field i of row (NUL-terminated), or NULL past the end of the row. */
const char *jd_csvread_field(const struct jd_csvread *r, size_t row,
    size_t i);
/* The 1-based line on which row starts. */
long jd_csvread_line(const struct jd_csvread *r, size_t row);

/* Appends s as one quoted field (inner quotes doubled); no separator. */
void jd_csvread_quote(struct jd_buf *b, const char *s);

#endif
