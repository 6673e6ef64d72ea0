/*
 * fuzz_csvread.c: the strict CSV reader (csvread.h, written on the fetch
 * branch; make fuzz skips this harness while src/csvread.c is absent):
 * parse, then walk every record and field; a field written back with
 * jd_csvread_quote must read back the same.
 */
#include "fuzz.h"
#include "jdalign/buf.h"
#include "jdalign/csvread.h"

static void
csvread_round_trip(const char *field)
{
	struct jd_buf b = JD_BUF_INIT;
	struct jd_csvread *r = jd_csvread_new();
	const char *cause;

	jd_csvread_quote(&b, field);
	jd_buf_addc(&b, '\n');
	if (jd_csvread_parse(r, jd_buf_str(&b), b.len, &cause) != 0 ||
	    (jd_csvread_rows(r) != 1 ||
	    strcmp(jd_csvread_field(r, 0, 0), field) != 0))
		abort();
	jd_csvread_free(r);
	jd_buf_free(&b);
}

JD_FUZZ_TARGET(csvread)
{
	struct jd_csvread *r = jd_csvread_new();
	char *s = jd_fuzz_copy(data, size);
	const char *cause = NULL;

	if (jd_csvread_parse(r, s, size, &cause) < 0) {
		if (cause == NULL)
			abort();
		(void)jd_csvread_error_line(r);
		(void)jd_csvread_error_at_end(r);
	}
	for (size_t row = 0; row < jd_csvread_rows(r); row++) {
		size_t n = jd_csvread_fields(r, row);
		(void)jd_csvread_line(r, row);
		for (size_t i = 0; i < n; i++)
			if (jd_csvread_field(r, row, i) == NULL)
				abort();
		if (jd_csvread_field(r, row, n) != NULL)
			abort();
		if (row == 0 && n > 0)
			csvread_round_trip(jd_csvread_field(r, 0, 0));
	}
	jd_csvread_free(r);
	free(s);
	return 0;
}
