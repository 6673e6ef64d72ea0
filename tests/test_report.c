/*
 * test_report.c: CSV that a spreadsheet opens cleanly: libcsv quoting read
 * back with libcsv's strict parser, formula cells neutralized, numbers
 * left alone, and files replaced whole or not at all.
 */
#include <csv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "jdalign/report.h"

TestSuite(report, .fini = jd_test_fini);

struct cells {
	char v[32][256];
	size_t n;
	int rows;
};

static void
on_field(void *s, size_t n, void *data)
{
	struct cells *c = data;

	if (c->n < 32) {
		snprintf(c->v[c->n], sizeof c->v[0], "%.*s", (int)n, (char *)s);
		c->n++;
	}
}

static void
on_row(int ch, void *data)
{
	(void)ch;
	((struct cells *)data)->rows++;
}

static void
parse_strict(const char *text, struct cells *c)
{
	struct csv_parser p;

	memset(c, 0, sizeof *c);
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	cr_assert_eq(csv_parse(&p, text, strlen(text), on_field, on_row, c),
	    strlen(text), "strict parse failed: %s",
	    csv_strerror(csv_error(&p)));
	cr_assert_eq(csv_fini(&p, on_field, on_row, c), 0);
	csv_free(&p);
}

Test(report, quoting_and_injection)
{
	static const char *const cols[] = { "a", "b", "n" };
	struct jd_report_opts o = { JD_FMT_CSV, 0, 0 };
	FILE *f = tmpfile();
	const char *cause;
	struct jd_table *t = jd_report_open(NULL, f, &o, cols, 3, &cause);
	struct cells c;

	jd_report_text(t, "x, \"y\"\nz");
	jd_report_text(t, "=HYPERLINK(\"http://e.example\")");
	jd_report_real(t, -2.5, 1);
	jd_report_end_row(t);
	jd_report_text(t, "@handle");
	jd_report_text(t, "\xef\xbc\x9d" "1+1");
	jd_report_int(t, 7);
	jd_report_end_row(t);
	cr_assert_eq(jd_report_close(t, &cause), 0);
	char *text = jd_test_slurp_stream(f);
	parse_strict(text, &c);
	cr_expect_eq(c.rows, 3);
	cr_expect_str_eq(c.v[3], "x, \"y\"\nz");
	cr_expect_str_eq(c.v[4], "'=HYPERLINK(\"http://e.example\")");
	cr_expect_str_eq(c.v[5], "-2.5");
	cr_expect_str_eq(c.v[6], "'@handle");
	cr_expect_str_eq(c.v[7], "'\xef\xbc\x9d" "1+1");
	cr_expect_str_eq(c.v[8], "7");
	free(text);
}

Test(report, tsv_and_jsonl)
{
	static const char *const cols[] = { "a", "n" };
	struct jd_report_opts o = { JD_FMT_TSV, 0, 1 };
	FILE *f = tmpfile();
	const char *cause;
	struct jd_table *t = jd_report_open(NULL, f, &o, cols, 2, &cause);

	jd_report_text(t, "tab\there\nline");
	jd_report_num(t, NULL);
	jd_report_end_row(t);
	jd_report_close(t, &cause);
	char *text = jd_test_slurp_stream(f);
	cr_expect_str_eq(text, "a\tn\r\ntab here line\t\r\n");
	free(text);

	o.format = JD_FMT_JSONL;
	o.crlf = 0;
	f = tmpfile();
	t = jd_report_open(NULL, f, &o, cols, 2, &cause);
	jd_report_text(t, "-1 \"q\"");
	jd_report_real(t, 12.25, 1);
	jd_report_end_row(t);
	jd_report_close(t, &cause);
	text = jd_test_slurp_stream(f);
	cr_expect_str_eq(text, "{\"a\":\"'-1 \\\"q\\\"\",\"n\":12.2}\n");
	free(text);
}

Test(report, failed_write_keeps_previous)
{
	static const char *const cols[] = { "a" };
	struct jd_report_opts o = { JD_FMT_CSV, 0, 0 };
	char *dir = jd_test_tmpdir(), path[512];
	const char *cause;

	snprintf(path, sizeof path, "%s/r.csv", dir);
	jd_test_write(path, "old\n");
	chmod(dir, 0500);
	struct jd_table *t = jd_report_open(path, NULL, &o, cols, 1, &cause);
	if (geteuid() != 0) {
		cr_expect_null(t);
	} else if (t) {
		jd_report_abort(t);
	}
	chmod(dir, 0700);
	char *text = jd_test_read(path);
	cr_expect_str_eq(text, "old\n");
	free(text);
	t = jd_report_open(path, NULL, &o, cols, 1, &cause);
	jd_report_text(t, "new");
	jd_report_end_row(t);
	cr_assert_eq(jd_report_close(t, &cause), 0);
	text = jd_test_read(path);
	cr_expect_str_eq(text, "a\n\"new\"\n");
	free(text);
	jd_test_rmrf(dir);
	free(dir);
}
