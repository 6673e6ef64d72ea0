/*
 * report.c: writes result rows as CSV through libcsv, TSV, or JSON Lines
 * through jansson. Knows nothing of HTML, postings or how rows were made.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <csv.h>
#include <jansson.h>

#include "jdalign/buf.h"
#include "jdalign/report.h"
#include "jdalign/util.h"

struct jd_table {
	FILE *fp;
	char *path, *tmp;
	struct jd_report_opts opts;
	const char *const *cols;
	size_t ncols, col;
	struct jd_buf row;
	int failed;
};

int
jd_report_dangerous(const char *s)
{
	static const char *const wide[] = {
		"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0", NULL
	};

	if (s == NULL || *s == '\0')
		return 0;
	if (strchr("=+-@\t\r\n", *s))
		return 1;
	for (const char *const *w = wide; *w; w++)
		if (strncmp(s, *w, 3) == 0)
			return 1;
	return 0;
}

const char *
jd_report_ext(int format)
{
	return format == JD_FMT_TSV ? "tsv" : format == JD_FMT_JSONL ? "jsonl" :
	    "csv";
}

static void
eol(struct jd_table *t)
{
	jd_buf_adds(&t->row, t->opts.crlf ? "\r\n" : "\n");
}

static void
put_row(struct jd_table *t)
{
	if (t->row.len && fwrite(t->row.data, 1, t->row.len, t->fp) != t->row.len)
		t->failed = errno ? errno : EIO;
	jd_buf_reset(&t->row);
}

/* A CSV field through libcsv's quoting into the row buffer. */
static void
csv_field(struct jd_buf *b, const char *s, size_t n)
{
	size_t need = csv_write(NULL, 0, s, n);
	jd_buf_grow(b, need);
	csv_write(b->data + b->len, need, s, n);
	b->len += need;
	b->data[b->len] = '\0';
}

static void
cell(struct jd_table *t, const char *s, int text)
{
	struct jd_buf v = JD_BUF_INIT;

	if (t->col > 0 && t->opts.format != JD_FMT_JSONL)
		jd_buf_addc(&t->row, t->opts.format == JD_FMT_TSV ? '\t' : ',');
	if (text && jd_report_dangerous(s))
		jd_buf_addc(&v, '\'');
	if (s)
		jd_buf_adds(&v, s);
	switch (t->opts.format) {
	case JD_FMT_CSV:
		if (text && v.len)
			csv_field(&t->row, v.data, v.len);
		else
			jd_buf_add(&t->row, jd_buf_str(&v), v.len);
		break;
	case JD_FMT_TSV:
		for (size_t i = 0; i < v.len; i++) {
			char c = v.data[i];
			jd_buf_addc(&t->row, c == '\t' || c == '\n' || c == '\r' ?
			    ' ' : c);
		}
		break;
	default: {
		jd_buf_addc(&t->row, t->col ? ',' : '{');
		json_t *k = json_string(t->cols[t->col]);
		char *ks = json_dumps(k, JSON_ENCODE_ANY);
		jd_buf_adds(&t->row, ks);
		jd_buf_addc(&t->row, ':');
		free(ks);
		json_decref(k);
		if (!text) {
			jd_buf_adds(&t->row, s ? s : "null");
			break;
		}
		json_t *j = json_stringn(jd_buf_str(&v), v.len);
		char *js = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
		jd_buf_adds(&t->row, js ? js : "\"\"");
		free(js);
		json_decref(j);
	}
	}
	t->col++;
	jd_buf_free(&v);
}

void
jd_report_text(struct jd_table *t, const char *s)
{
	cell(t, s ? s : "", 1);
}

void
jd_report_num(struct jd_table *t, const char *s)
{
	cell(t, s, 0);
}

void
jd_report_int(struct jd_table *t, unsigned long v)
{
	char s[32];

	snprintf(s, sizeof s, "%lu", v);
	cell(t, s, 0);
}

void
jd_report_real(struct jd_table *t, double v, int decimals)
{
	char s[64];

	snprintf(s, sizeof s, "%.*f", decimals, v);
	if (strcmp(s, "-0.0") == 0 || strcmp(s, "-0.000") == 0)
		memmove(s, s + 1, strlen(s));
	cell(t, s, 0);
}

void
jd_report_end_row(struct jd_table *t)
{
	if (t->opts.format == JD_FMT_JSONL)
		jd_buf_addc(&t->row, '}');
	eol(t);
	put_row(t);
	t->col = 0;
}

void
jd_report_raw(struct jd_table *t, const char *s, size_t n)
{
	jd_buf_add(&t->row, s, n);
	put_row(t);
}

static FILE *
open_tmp(const char *path, char **tmp)
{
	struct jd_buf b = JD_BUF_INIT;
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash)
		jd_buf_add(&b, path, (size_t)(slash - path + 1));
	jd_buf_printf(&b, ".%s.XXXXXX", slash ? slash + 1 : path);
	*tmp = jd_buf_take(&b);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	/* mkstemp makes the file 0600; a report is as readable as any file
	 * the user creates. Reports are written from one thread. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	return fdopen(fd, "w");
}

struct jd_table *
jd_report_open(const char *path, FILE *stream,
    const struct jd_report_opts *opts, const char *const *columns,
    size_t ncolumns, const char **cause)
{
	struct jd_table *t = xcalloc(1, sizeof *t);

	t->opts = *opts;
	t->cols = columns;
	t->ncols = ncolumns;
	t->fp = stream;
	if (path) {
		t->path = xstrdup(path);
		t->fp = open_tmp(path, &t->tmp);
		if (t->fp == NULL) {
			*cause = strerror(errno);
			free(t->path);
			free(t);
			return NULL;
		}
	}
	if (opts->bom && opts->format != JD_FMT_JSONL && ncolumns)
		jd_buf_adds(&t->row, "\xef\xbb\xbf");
	if (opts->format != JD_FMT_JSONL && ncolumns) {
		for (size_t i = 0; i < ncolumns; i++) {
			if (i)
				jd_buf_addc(&t->row, opts->format == JD_FMT_TSV ?
				    '\t' : ',');
			jd_buf_adds(&t->row, columns[i]);
		}
		eol(t);
		put_row(t);
	}
	return t;
}

int
jd_report_close(struct jd_table *t, const char **cause)
{
	int rc = 0;

	if (fflush(t->fp) != 0 && !t->failed)
		t->failed = errno ? errno : EIO;
	if (t->path) {
		if (!t->failed && fsync(fileno(t->fp)) != 0)
			t->failed = errno;
		if (fclose(t->fp) != 0 && !t->failed)
			t->failed = errno ? errno : EIO;
		if (!t->failed && rename(t->tmp, t->path) != 0)
			t->failed = errno;
		if (t->failed)
			unlink(t->tmp);
	} else if (ferror(t->fp) && !t->failed)
		t->failed = EIO;
	if (t->failed) {
		*cause = strerror(t->failed);
		rc = -1;
	}
	jd_buf_free(&t->row);
	free(t->path);
	free(t->tmp);
	free(t);
	return rc;
}

void
jd_report_abort(struct jd_table *t)
{
	if (t == NULL)
		return;
	if (t->path) {
		fclose(t->fp);
		unlink(t->tmp);
	}
	jd_buf_free(&t->row);
	free(t->path);
	free(t->tmp);
	free(t);
}

int
jd_report_write_file(const char *path, const char *text, size_t len,
    const char **cause)
{
	static const char *const none[] = { NULL };
	struct jd_report_opts o = { JD_FMT_TSV, 0, 0 };
	struct jd_table *t = jd_report_open(path, NULL, &o, none, 0, cause);

	if (t == NULL)
		return -1;
	jd_report_raw(t, text, len);
	return jd_report_close(t, cause);
}
