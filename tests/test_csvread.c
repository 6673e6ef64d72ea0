/*
 * test_csvread.c: the strict CSV reader: quoting, line numbers, a file cut
 * short, malformed records, NUL bytes, and quoting that reads back the same.
 */
#include "testutil.h"
#include "jdalign/csvread.h"

TestSuite(csvread, .fini = jd_test_fini, .timeout = 60);

static struct jd_csvread *
parse(const char *text, int want_rc, const char **cause)
{
	struct jd_csvread *r = jd_csvread_new();
	const char *c = NULL;
	int rc = jd_csvread_parse(r, text, strlen(text), &c);

	cr_expect_eq(rc, want_rc, "%s: rc %d (%s)", text, rc, c ? c : "");
	if (cause)
		*cause = c;
	return r;
}

Test(csvread, quoted_fields_and_lines)
{
	struct jd_csvread *r = parse("url,file\n\"a,b\",\"x \"\"y\"\"\"\n"
	    "\"two\nlines\",z\r\nlast,row", 0, NULL);

	cr_assert_eq(jd_csvread_rows(r), 4);
	cr_expect_str_eq(jd_csvread_field(r, 0, 1), "file");
	cr_expect_str_eq(jd_csvread_field(r, 1, 0), "a,b");
	cr_expect_str_eq(jd_csvread_field(r, 1, 1), "x \"y\"");
	cr_expect_str_eq(jd_csvread_field(r, 2, 0), "two\nlines");
	cr_expect_eq(jd_csvread_line(r, 2), 3);
	cr_expect_eq(jd_csvread_line(r, 3), 5);
	cr_expect_str_eq(jd_csvread_field(r, 3, 1), "row");
	cr_expect_null(jd_csvread_field(r, 3, 2));
	cr_expect_eq(jd_csvread_fields(r, 1), 2);
	jd_csvread_free(r);
}

Test(csvread, cut_short_keeps_earlier_records)
{
	const char *cause;
	struct jd_csvread *r = parse("\"a\",\"b\"\n\"c\",\"d\"\n\"e\",\"f", -1,
	    &cause);

	cr_expect_eq(jd_csvread_rows(r), 2);
	cr_expect(jd_csvread_error_at_end(r));
	cr_expect_eq(jd_csvread_error_line(r), 3);
	cr_expect_not_null(cause);
	jd_csvread_free(r);
}

Test(csvread, malformed_record_is_not_at_end)
{
	struct jd_csvread *r = parse("\"a\",\"b\"\n\"c\"x,\"d\"\n\"e\",\"f\"\n",
	    -1, NULL);

	cr_expect_eq(jd_csvread_rows(r), 1);
	cr_expect_not(jd_csvread_error_at_end(r));
	cr_expect_eq(jd_csvread_error_line(r), 2);
	jd_csvread_free(r);
}

Test(csvread, nul_byte_is_an_error)
{
	struct jd_csvread *r = jd_csvread_new();
	const char *cause = NULL;
	static const char text[] = "a,b\nc,\0d\n";

	cr_expect_eq(jd_csvread_parse(r, text, sizeof text - 1, &cause), -1);
	cr_expect_eq(jd_csvread_rows(r), 1);
	cr_expect_eq(jd_csvread_error_line(r), 2);
	jd_csvread_free(r);
}

Test(csvread, quote_reads_back)
{
	static const char *const cells[] = {
		"", "plain", "comma, inside", "\"quoted\"", "line\nbreak",
		"=1+2", " padded "
	};
	struct jd_buf b = JD_BUF_INIT;
	size_t n = sizeof cells / sizeof cells[0];

	for (size_t i = 0; i < n; i++) {
		if (i)
			jd_buf_addc(&b, ',');
		jd_csvread_quote(&b, cells[i]);
	}
	jd_buf_addc(&b, '\n');
	struct jd_csvread *r = parse(jd_buf_str(&b), 0, NULL);
	cr_assert_eq(jd_csvread_rows(r), 1);
	cr_assert_eq(jd_csvread_fields(r, 0), n);
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(jd_csvread_field(r, 0, i), cells[i]);
	jd_csvread_free(r);
	jd_buf_free(&b);
}
