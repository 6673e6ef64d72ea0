/*
 * csvread.c: reads strict CSV through libcsv (CSV_STRICT, CSV_STRICT_FINI,
 * CSV_APPEND_NULL) into rows of fields, and quotes fields for writing.
 * The text is fed one line at a time so a bad record can be named by line.
 * Knows nothing of what the rows mean.
 */
#include <string.h>

#include <csv.h>

#include "jdalign/buf.h"
#include "jdalign/csvread.h"
#include "jdalign/util.h"

struct row {
	char **fields;
	size_t n;
	long line;
};

struct jd_csvread {
	struct row *rows;
	size_t nrows, cap;
	struct row cur;		/* the record being read */
	size_t fcap;
	long line;		/* the line being fed */
	long cur_breaks;	/* line breaks inside cur's fields */
	long error_line;
	int error_at_end;
	int parsed;
};

struct jd_csvread *
jd_csvread_new(void)
{
	return xcalloc(1, sizeof(struct jd_csvread));
}

static void
row_free(struct row *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->fields[i]);
	free(w->fields);
	w->fields = NULL;
	w->n = 0;
}

void
jd_csvread_free(struct jd_csvread *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nrows; i++)
		row_free(&r->rows[i]);
	free(r->rows);
	row_free(&r->cur);
	free(r);
}

static void
on_field(void *s, size_t n, void *data)
{
	struct jd_csvread *r = data;
	char *f = xmalloc(n + 1);

	memcpy(f, s, n);
	f[n] = '\0';
	for (size_t i = 0; i < n; i++)
		r->cur_breaks += f[i] == '\n';
	if (r->cur.n == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 8;
		r->cur.fields = xreallocarray(r->cur.fields, r->fcap,
		    sizeof *r->cur.fields);
	}
	r->cur.fields[r->cur.n++] = f;
}

static void
on_record(int c, void *data)
{
	struct jd_csvread *r = data;

	(void)c;
	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->rows = xreallocarray(r->rows, r->cap, sizeof *r->rows);
	}
	r->cur.line = r->line - r->cur_breaks;
	r->rows[r->nrows++] = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
	r->fcap = 0;
	r->cur_breaks = 0;
}

/* Feeds the text one line at a time; -1 at the first bad byte. */
static int
feed(struct jd_csvread *r, struct csv_parser *p, const char *text, size_t len)
{
	const char *s = text, *end = text + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		r->line++;
		if (csv_parse(p, s, n, on_field, on_record, r) != n)
			return -1;
		s += n;
	}
	return 0;
}

int
jd_csvread_parse(struct jd_csvread *r, const char *text, size_t len,
    const char **cause)
{
	struct csv_parser p;
	const char *nul = memchr(text, '\0', len);
	int rc = 0;

	if (r->parsed++ || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0) {
		*cause = "cannot start the CSV reader";
		return -1;
	}
	if (nul)
		len = (size_t)(nul - text);
	if (feed(r, &p, text, len) < 0) {
		*cause = csv_strerror(csv_error(&p));
		r->error_line = r->line - r->cur_breaks;
		rc = -1;
	} else if (nul) {
		*cause = "NUL byte in CSV";
		r->error_line = 1;
		for (const char *s = text; s < nul; s++)
			r->error_line += *s == '\n';
		rc = -1;
	} else {
		size_t before = r->nrows;
		if (csv_fini(&p, on_field, on_record, r) != 0) {
			/* libcsv hands over the cut record anyway: drop it. */
			r->error_line = r->line - r->cur_breaks;
			while (r->nrows > before) {
				r->error_line = r->rows[r->nrows - 1].line;
				row_free(&r->rows[--r->nrows]);
			}
			*cause = "the last record is cut short";
			r->error_at_end = 1;
			rc = -1;
		}
	}
	row_free(&r->cur);
	r->fcap = 0;
	csv_free(&p);
	return rc;
}

long
jd_csvread_error_line(const struct jd_csvread *r)
{
	return r->error_line;
}

int
jd_csvread_error_at_end(const struct jd_csvread *r)
{
	return r->error_at_end;
}

size_t
jd_csvread_rows(const struct jd_csvread *r)
{
	return r->nrows;
}

size_t
jd_csvread_fields(const struct jd_csvread *r, size_t row)
{
	return row < r->nrows ? r->rows[row].n : 0;
}

const char *
jd_csvread_field(const struct jd_csvread *r, size_t row, size_t i)
{
	if (row >= r->nrows || i >= r->rows[row].n)
		return NULL;
	return r->rows[row].fields[i];
}

long
jd_csvread_line(const struct jd_csvread *r, size_t row)
{
	return row < r->nrows ? r->rows[row].line : 0;
}

void
jd_csvread_quote(struct jd_buf *b, const char *s)
{
	jd_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			jd_buf_addc(b, '"');
		jd_buf_addc(b, *s);
	}
	jd_buf_addc(b, '"');
}
